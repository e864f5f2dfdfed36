"""Who may use the pages and endpoints of orgs: its rows of the authorisation matrix."""

from django.urls import reverse

from tests.matrix import (
    LEADERS,
    MANAGERS,
    REDIRECT,
    Row,
    allow,
    expect,
    matrix_tests,
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
    ),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("orgs", PAGES, API)
