"""Who may read the quarterly report: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from tests.matrix import (
    LEADERS,
    MINEROS_LEADERS,
    PERSONAS,
    REDIRECT,
    USW_LEADERS,
    Row,
    allow,
    matrix_tests,
    run_api,
    run_page,
)

# A union's report is its leaders': without a union named, each reads the first
# union she leads; members and outsiders read none (403).
PAGES: dict[str, Row] = {
    "reports:pick": Row(
        lambda w: reverse("reports:pick") + "?year=2026&quarter=2",
        allow(LEADERS, REDIRECT),
    ),
    "reports:quarter": Row(
        lambda w: reverse("reports:quarter", args=[2026, 2]), allow(LEADERS, 200)
    ),
    "reports:quarter_pdf": Row(
        lambda w: reverse("reports:quarter_pdf", args=[2026, 2]), allow(LEADERS, 200)
    ),
    "reports:quarter_xlsx": Row(
        lambda w: reverse("reports:quarter_xlsx", args=[2026, 2]),
        allow(LEADERS, 200),
    ),
}

# The API answers as the page does; without a login, 401.
API: dict[str, Row] = {
    "GET /api/v1/reports/quarter/{year}/{q}": Row(
        lambda w: "/api/v1/reports/quarter/2026/2",
        allow(LEADERS, 200, anonymous=401),
    ),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("reports", PAGES, API)


def _of(name: str, slug: str) -> str:
    return reverse(name, args=[2026, 2]) + f"?union={slug}"


# A union named in the address: its own leaders alone; the alliance's report needs
# a leader of every union of the alliance, and no persona leads both.
NAMED_PAGES: dict[str, Row] = {
    "reports:quarter (Los Mineros')": Row(
        lambda w: _of("reports:quarter", "los-mineros"), allow(MINEROS_LEADERS, 200)
    ),
    "reports:quarter_pdf (Los Mineros')": Row(
        lambda w: _of("reports:quarter_pdf", "los-mineros"),
        allow(MINEROS_LEADERS, 200),
    ),
    "reports:quarter_xlsx (the USW's)": Row(
        lambda w: _of("reports:quarter_xlsx", "usw"), allow(USW_LEADERS, 200)
    ),
    "reports:quarter (the USW's)": Row(
        lambda w: _of("reports:quarter", "usw"), allow(USW_LEADERS, 200)
    ),
    "reports:quarter (the alliance's)": Row(
        lambda w: _of("reports:quarter", "alliance"), allow(set(), 200)
    ),
    "reports:quarter_pdf (the alliance's)": Row(
        lambda w: _of("reports:quarter_pdf", "alliance"), allow(set(), 200)
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(NAMED_PAGES))
def test_named_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, NAMED_PAGES[name], persona)


NAMED_API: dict[str, Row] = {
    "GET /api/v1/reports/quarter/{year}/{q} (the USW's)": Row(
        lambda w: "/api/v1/reports/quarter/2026/2?union=usw",
        allow(USW_LEADERS, 200, anonymous=401),
    ),
    "GET /api/v1/reports/quarter/{year}/{q} (the alliance's)": Row(
        lambda w: "/api/v1/reports/quarter/2026/2?union=alliance",
        allow(set(), 200, anonymous=401),
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(NAMED_API))
def test_named_api(client, matrix_world, name, persona):
    run_api(client, matrix_world, name, NAMED_API[name], persona)


def test_a_leader_of_both_unions_reads_the_alliance_report(client, world):
    from alianza.orgs.models import Membership

    user = world["usw_staff"]
    Membership.objects.create(
        person=user.person, organisation=world.mineros, role="officer"
    )
    client.force_login(user)
    response = client.get(_of("reports:quarter", "alliance"))
    assert response.status_code == 200
    assert response.context["report"].is_alliance
