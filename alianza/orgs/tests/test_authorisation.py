"""Who may use the pages and endpoints of orgs: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    LEADERS,
    LOGIN,
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


def _assert(condition: bool) -> None:
    assert condition


PAGES: dict[str, Row] = {
    "orgs:organisations": Row(lambda w: reverse("orgs:organisations"), expect(200)),
    "orgs:organisation": Row(
        lambda w: reverse("orgs:organisation", args=[w.mineros.slug]), expect(200)
    ),
    "orgs:people_export": Row(
        lambda w: reverse("orgs:people_export", args=[w.mineros.slug]),
        allow({"mineros_staff"}, 200),
    ),
    "orgs:people_export_xlsx": Row(
        lambda w: reverse("orgs:people_export_xlsx", args=[w.mineros.slug]),
        allow({"mineros_staff"}, 200),
    ),
    "orgs:unit_new": Row(
        lambda w: reverse("orgs:unit_new", args=[w.mineros.slug]),
        allow({"mineros_staff"}, 200),
    ),
    "orgs:unit": Row(
        lambda w: reverse("orgs:unit", args=[w.section65.pk]), expect(200)
    ),
    "orgs:people": Row(lambda w: reverse("orgs:people"), allow(LEADERS, 200)),
    "orgs:person_new": Row(lambda w: reverse("orgs:person_new"), allow(MANAGERS, 200)),
    # Who may not see the person is not told that she exists (404).
    "orgs:person": Row(
        lambda w: reverse("orgs:person", args=[w.rank_and_file.pk]),
        allow({"mineros_staff"}, 200, no=404),
    ),
    "orgs:person_edit": Row(
        lambda w: reverse("orgs:person_edit", args=[w.rank_and_file.pk]),
        allow({"mineros_staff"}, 200, no=404),
    ),
    "orgs:membership_role": Row(
        lambda w: reverse(
            "orgs:membership_role", args=[w.rank_and_file.memberships.get().pk]
        ),
        allow({"mineros_staff"}, REDIRECT, no=404),
        method="post",
        data=lambda w: {"role": "officer"},
        check=lambda w: _assert(w.rank_and_file.memberships.get().role == "officer"),
    ),
    # A union's clock and its units' are set by its administrators only.
    "orgs:organisation_zone": Row(
        lambda w: reverse("orgs:organisation_zone", args=[w.mineros.slug]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"time_zone": "America/Hermosillo"},
        check=lambda w: _assert(
            type(w.mineros).objects.get(pk=w.mineros.pk).time_zone
            == "America/Hermosillo"
        ),
    ),
    "orgs:unit_zone": Row(
        lambda w: reverse("orgs:unit_zone", args=[w.section65.pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"time_zone": "America/Hermosillo"},
        check=lambda w: _assert(
            type(w.section65).objects.get(pk=w.section65.pk).time_zone
            == "America/Hermosillo"
        ),
    ),
    # The audit log page lists the entries of the organisations one administers.
    "orgs:audit_log": Row(
        lambda w: reverse("orgs:audit_log"), allow({"mineros_staff", "usw_admin"}, 200)
    ),
}

API: dict[str, Row] = {
    "GET /api/v1/me": Row(lambda w: "/api/v1/me", expect(200, anonymous=401)),
    "GET /api/v1/organisations": Row(
        lambda w: "/api/v1/organisations", expect(200, anonymous=401)
    ),
    "GET /api/v1/organisations/{slug}": Row(
        lambda w: "/api/v1/organisations/los-mineros", expect(200, anonymous=401)
    ),
    "GET /api/v1/organisations/{slug}/units": Row(
        lambda w: "/api/v1/organisations/los-mineros/units", expect(200, anonymous=401)
    ),
    "POST /api/v1/organisations/{slug}/units": Row(
        lambda w: "/api/v1/organisations/usw/units",
        allow({"usw_staff", "usw_admin"}, 201, anonymous=401),
        method="post",
        data=lambda w: {"kind": "local", "name": "Local 5102", "country": "US"},
        check=lambda w: _assert(w.usw.units.filter(name="Local 5102").exists()),
    ),
    "GET /api/v1/units/{unit_id}": Row(
        lambda w: f"/api/v1/units/{w.section65.pk}", expect(200, anonymous=401)
    ),
    "GET /api/v1/people": Row(lambda w: "/api/v1/people", expect(200, anonymous=401)),
    "POST /api/v1/people": Row(
        lambda w: "/api/v1/people",
        allow({"mineros_staff"}, 201, anonymous=401),
        method="post",
        data=lambda w: {
            "organisation": "los-mineros",
            "name": "Juana Pérez",
            "country": "MX",
            "preferred_language": "es",
            "phone": "+52 645 111 2222",
            "unit_id": w.section65.pk,
        },
        check=lambda w: _assert(
            w.mineros.memberships.filter(
                person__name="Juana Pérez", unit=w.section65
            ).exists()
        ),
    ),
    "GET /api/v1/people/{person_id}": Row(
        lambda w: f"/api/v1/people/{w.rank_and_file.pk}",
        allow({"mineros_staff"}, 200, no=404, anonymous=401),
    ),
    "PATCH /api/v1/people/{person_id}": Row(
        lambda w: f"/api/v1/people/{w.rank_and_file.pk}",
        allow({"mineros_staff"}, 200, no=404, anonymous=401),
        method="patch",
        data=lambda w: {"phone": "+52 645 333 4444"},
        check=lambda w: _assert(
            w.rank_and_file.contacts.filter(value="+52 645 333 4444").exists()
        ),
    ),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("orgs", PAGES, API)


# The other direction: the USW's people, units and export. A USW member is read by the
# USW's staff and its officers above her local, changed by its staff; for Los Mineros
# she does not exist. Los Mineros' staff add no unit to the USW and export none of it.

USW_MANAGERS = {"usw_staff", "usw_admin"}
#: The USW's officers over Local 915: the District 12 officer, and the observer (an
#: officer of the whole union).
USW_READERS = USW_MANAGERS | {"usw_officer", "observer"}


def _rex(w):
    return rec.the_usw_rank_and_file(w)


def _seen_by_usw(yes: set[str], answer, anonymous=LOGIN) -> dict:
    unseen = set(PERSONAS) - USW_READERS - {"anonymous"}
    return {**allow(yes, answer, anonymous=anonymous), **dict.fromkeys(unseen, 404)}


MIRROR_PAGES: dict[str, Row] = {
    "orgs:organisation_zone (the USW)": Row(
        lambda w: reverse("orgs:organisation_zone", args=[w.usw.slug]),
        allow({"usw_admin"}, REDIRECT),
        method="post",
        data=lambda w: {"time_zone": "America/New_York"},
        check=lambda w: _assert(
            type(w.usw).objects.get(pk=w.usw.pk).time_zone == "America/New_York"
        ),
    ),
    "orgs:unit_zone (Local 915)": Row(
        lambda w: reverse("orgs:unit_zone", args=[w.local.pk]),
        allow({"usw_admin"}, REDIRECT),
        method="post",
        data=lambda w: {"time_zone": "America/Chicago"},
        check=lambda w: _assert(
            type(w.local).objects.get(pk=w.local.pk).time_zone == "America/Chicago"
        ),
    ),
    "orgs:people_export (the USW's)": Row(
        lambda w: reverse("orgs:people_export", args=[w.usw.slug]),
        allow(USW_MANAGERS, 200),
    ),
    "orgs:people_export_xlsx (the USW's)": Row(
        lambda w: reverse("orgs:people_export_xlsx", args=[w.usw.slug]),
        allow(USW_MANAGERS, 200),
    ),
    "orgs:unit_new (the USW's)": Row(
        lambda w: reverse("orgs:unit_new", args=[w.usw.slug]), allow(USW_MANAGERS, 200)
    ),
    "orgs:person (a USW member)": Row(
        lambda w: reverse("orgs:person", args=[_rex(w).pk]),
        allow(USW_READERS, 200, no=404),
    ),
    "orgs:person_edit (a USW member)": Row(
        lambda w: reverse("orgs:person_edit", args=[_rex(w).pk]),
        _seen_by_usw(USW_MANAGERS, 200),
    ),
    "orgs:membership_role (a USW member)": Row(
        lambda w: reverse("orgs:membership_role", args=[_rex(w).memberships.get().pk]),
        _seen_by_usw(USW_MANAGERS, REDIRECT),
        method="post",
        data=lambda w: {"role": "officer"},
        check=lambda w: _assert(_rex(w).memberships.get().role == "officer"),
    ),
}

MIRROR_API: dict[str, Row] = {
    "POST /api/v1/organisations/{slug}/units (Los Mineros')": Row(
        lambda w: "/api/v1/organisations/los-mineros/units",
        allow({"mineros_staff"}, 201, anonymous=401),
        method="post",
        data=lambda w: {"kind": "section", "name": "Sección 17", "country": "MX"},
        check=lambda w: _assert(w.mineros.units.filter(name="Sección 17").exists()),
    ),
    "POST /api/v1/people (a USW member)": Row(
        lambda w: "/api/v1/people",
        allow(USW_MANAGERS, 201, anonymous=401),
        method="post",
        data=lambda w: {
            "organisation": "usw",
            "name": "Jane Doe",
            "country": "US",
            "preferred_language": "en",
            "phone": "+1 520 555 0100",
            "unit_id": w.local.pk,
        },
        check=lambda w: _assert(
            w.usw.memberships.filter(person__name="Jane Doe", unit=w.local).exists()
        ),
    ),  # fmt: skip
    "GET /api/v1/people/{person_id} (a USW member)": Row(
        lambda w: f"/api/v1/people/{_rex(w).pk}",
        allow(USW_READERS, 200, no=404, anonymous=401),
    ),
    "PATCH /api/v1/people/{person_id} (a USW member)": Row(
        lambda w: f"/api/v1/people/{_rex(w).pk}",
        _seen_by_usw(USW_MANAGERS, 200, anonymous=401),
        method="patch",
        data=lambda w: {"phone": "+1 520 555 0199"},
        check=lambda w: _assert(
            _rex(w).contacts.filter(kind="phone", value="+1 520 555 0199").exists()
        ),
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_PAGES))
def test_mirror_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, MIRROR_PAGES[name], persona)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_API))
def test_mirror_api(client, matrix_world, name, persona):
    run_api(client, matrix_world, name.split(" (")[0], MIRROR_API[name], persona)
