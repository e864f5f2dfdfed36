"""Who may use the pages and endpoints of employers: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from alianza.employers.models import Employer
from tests.matrix import (
    MANAGERS,
    PERSONAS,
    REDIRECT,
    Row,
    allow,
    expect,
    matrix_tests,
    run_api,
    run_page,
)


def _exists(model, **lookup) -> None:
    assert model.objects.filter(**lookup).exists(), (model.__name__, lookup)


def _on_strike(w) -> None:
    """Hayden's current status is now the strike by Local 915, and only that."""
    current = w.hayden.representations.filter(ended_on__isnull=True)
    assert [(r.status, r.unit_id) for r in current] == [("on_strike", w.local.pk)]


PAGES: dict[str, Row] = {
    "employers:employers": Row(lambda w: reverse("employers:employers"), expect(200)),
    "employers:map": Row(lambda w: reverse("employers:map"), expect(200)),
    "employers:common": Row(lambda w: reverse("employers:common"), expect(200)),
    "employers:employer": Row(
        lambda w: reverse("employers:employer", args=[w.asarco.slug]), expect(200)
    ),
    "employers:import": Row(
        lambda w: reverse("employers:import"), allow(MANAGERS, 200)
    ),
    "employers:representation_add": Row(
        lambda w: reverse("employers:representation_add", args=[w.hayden.pk]),
        # Local 915 is the USW's: only its staff record its representation.
        allow({"usw_staff", "usw_admin"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "on_strike", "unit": w.local.pk},
        check=lambda w: _on_strike(w),
    ),
}

API: dict[str, Row] = {
    "GET /api/v1/employers": Row(
        lambda w: "/api/v1/employers", expect(200, anonymous=401)
    ),
    "GET /api/v1/employers/common": Row(
        lambda w: "/api/v1/employers/common", expect(200, anonymous=401)
    ),
    "GET /api/v1/employers/{slug}": Row(
        lambda w: "/api/v1/employers/asarco", expect(200, anonymous=401)
    ),
    "GET /api/v1/worksites": Row(
        lambda w: "/api/v1/worksites", expect(200, anonymous=401)
    ),
    "POST /api/v1/worksites/{worksite_id}/representation": Row(
        lambda w: f"/api/v1/worksites/{w.hayden.pk}/representation",
        allow({"usw_staff", "usw_admin"}, 201, anonymous=401),
        method="post",
        data=lambda w: {"status": "on_strike", "unit_id": w.local.pk},
        check=lambda w: _on_strike(w),
    ),
    "POST /api/v1/imports": Row(
        lambda w: "/api/v1/imports",
        allow(MANAGERS, 200, anonymous=401),
        method="post",
        data=lambda w: {"kind": "employers", "csv": "name,country\nTeksid,MX\n"},
        check=lambda w: _exists(Employer, name="Teksid", country="MX"),
    ),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("employers", PAGES, API)


# The other direction: a Los Mineros section's representation ------------------------
# Section 65 is Los Mineros': at Cananea only Los Mineros' staff record what it does;
# USW's staff, who record Local 915's at Hayden above, are refused, nothing changed.


def _represented_by_section65(w) -> None:
    current = w.cananea.representations.filter(ended_on__isnull=True)
    assert [(r.status, r.unit_id) for r in current] == [("represented", w.section65.pk)]


MIRROR_PAGES: dict[str, Row] = {
    "employers:representation_add (Section 65 at Cananea)": Row(
        lambda w: reverse("employers:representation_add", args=[w.cananea.pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "represented", "unit": w.section65.pk},
        check=_represented_by_section65,
    ),
}

MIRROR_API: dict[str, Row] = {
    "POST /api/v1/worksites/{worksite_id}/representation (Section 65)": Row(
        lambda w: f"/api/v1/worksites/{w.cananea.pk}/representation",
        allow({"mineros_staff"}, 201, anonymous=401),
        method="post",
        data=lambda w: {"status": "represented", "unit_id": w.section65.pk},
        check=_represented_by_section65,
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_PAGES))
def test_mirror_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, MIRROR_PAGES[name], persona)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_API))
def test_mirror_api(client, matrix_world, name, persona):
    run_api(client, matrix_world, name, MIRROR_API[name], persona)


# Taking over the other union's worksite: a union records its own local where the
# other union's section represents the workers. Everyone is refused, the local's own
# staff too, and what the section's union recorded stays as it was.

TAKEOVER_PAGES: dict[str, Row] = {
    "employers:representation_add (Local 915 over Section 65 at Cananea)": Row(
        lambda w: reverse("employers:representation_add", args=[w.cananea.pk]),
        expect(403),
        method="post",
        data=lambda w: {"status": "represented", "unit": w.local.pk},
    ),
    "employers:representation_add (Section 65 over Local 915 at Hayden)": Row(
        lambda w: reverse("employers:representation_add", args=[w.hayden.pk]),
        expect(403),
        method="post",
        data=lambda w: {"status": "represented", "unit": w.section65.pk},
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(TAKEOVER_PAGES))
def test_takeover_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, TAKEOVER_PAGES[name], persona)


TAKEOVER_API: dict[str, Row] = {
    "POST /api/v1/worksites/{worksite_id}/representation (Local 915 at Cananea)": Row(
        lambda w: f"/api/v1/worksites/{w.cananea.pk}/representation",
        expect(403, anonymous=401),
        method="post",
        data=lambda w: {"status": "represented", "unit_id": w.local.pk},
    ),
    "POST /api/v1/worksites/{worksite_id}/representation (Section 65 at Hayden)": Row(
        lambda w: f"/api/v1/worksites/{w.hayden.pk}/representation",
        expect(403, anonymous=401),
        method="post",
        data=lambda w: {"status": "represented", "unit_id": w.section65.pk},
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(TAKEOVER_API))
def test_takeover_api(client, matrix_world, name, persona):
    run_api(client, matrix_world, name.split(" (")[0], TAKEOVER_API[name], persona)
