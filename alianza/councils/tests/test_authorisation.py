"""Who may use each page and endpoint of councils: its rows of the authorisation matrix.

Every route the app declares needs a row here (``test_every_route_has_a_row``); the
answers, the personas and the engine are in ``tests/matrix.py``.
"""

from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    LEADERS,
    MANAGERS,
    REDIRECT,
    Row,
    allow,
    expect,
    matrix_tests,
)

PAGES: dict[str, Row] = {
    "councils:councils": Row(lambda w: reverse("councils:councils"), expect(200)),
    "councils:found": Row(
        lambda w: reverse("councils:found", args=[w.grupo.slug]),
        allow(MANAGERS, REDIRECT),
        method="post",
    ),
    "councils:council": Row(
        lambda w: reverse("councils:council", args=[rec.the_council(w).space.slug]),
        allow(LEADERS, 200),
    ),
    "councils:meeting_new": Row(
        lambda w: reverse("councils:meeting_new", args=[rec.the_council(w).space.slug]),
        allow(MANAGERS, 200),
    ),
    "councils:post_add": Row(
        lambda w: reverse("councils:post_add", args=[rec.the_council(w).space.slug]),
        allow(LEADERS, REDIRECT),
        method="post",
        data=lambda w: {
            "kind": "strike",
            "title": "Huelga",
            "body": "Sigue.",
            "language": "es",
        },
    ),
    "councils:item_add": Row(
        lambda w: reverse("councils:item_add", args=[rec.the_council(w).space.slug]),
        allow(MANAGERS, REDIRECT),
        method="post",
        data=lambda w: {
            "title": "Letter",
            "owner": w["usw_staff"].person.pk,
            "due_on": "2026-12-01",
        },
    ),
    "councils:unit_add": Row(
        lambda w: reverse("councils:unit_add", args=[rec.the_council(w).space.slug]),
        allow(MANAGERS, REDIRECT),
        method="post",
        data=lambda w: {"unit": w.section201.pk},
    ),
    "councils:item_status": Row(
        lambda w: reverse("councils:item_status", args=[rec.the_action_item(w).pk]),
        # The owner (usw_officer) and the coordinators' staff; others who take part
        # are refused; those outside the council cannot see it at all.
        {
            **allow(MANAGERS | {"usw_officer"}, REDIRECT),
            "mineros_officer": 403,
            "observer": 403,
        },
        method="post",
        data=lambda w: {"status": "done"},
    ),
    "councils:calendar_links": Row(
        lambda w: reverse("councils:calendar_links"), expect(200)
    ),
    # Calendar feeds are opened by calendar programs: the secret in the address is
    # the only credential, whoever asks.
    "councils:my_calendar": Row(
        lambda w: reverse("councils:my_calendar", args=[rec.the_calendar_secret(w)]),
        expect(200, anonymous=200),
    ),
    "councils:council_calendar": Row(
        lambda w: reverse(
            "councils:council_calendar",
            args=[rec.the_calendar_secret(w), rec.the_council(w).space.slug],
        ),
        expect(200, anonymous=200),
    ),
}

API: dict[str, Row] = {}

test_page, test_api, test_every_route_has_a_row = matrix_tests("councils", PAGES, API)
