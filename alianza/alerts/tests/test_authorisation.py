"""Who may use the pages and endpoints of alerts: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    LEADERS,
    MINEROS_LEADERS,
    PERSONAS,
    REDIRECT,
    USW_LEADERS,
    Row,
    allow,
    expect,
    matrix_tests,
    run_page,
)


def _check_sent() -> None:
    from alianza.alerts.models import Alert

    assert Alert.objects.filter(status__in=["sending", "sent"]).exists()


# An alert is its union's leaders': anyone else is not told it exists (404).
PAGES: dict[str, Row] = {
    "alerts:alert_new": Row(lambda w: reverse("alerts:alert_new"), allow(LEADERS, 200)),
    "alerts:alert": Row(
        lambda w: reverse("alerts:alert", args=[rec.the_alert(w).pk]),
        allow(MINEROS_LEADERS, 200, no=404),
    ),
    "alerts:progress": Row(
        lambda w: reverse("alerts:progress", args=[rec.the_alert(w).pk]),
        allow(MINEROS_LEADERS, 200, no=404),
    ),
    "alerts:send": Row(
        lambda w: reverse("alerts:send", args=[rec.the_alert(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT, no=404),
        method="post",
        check=lambda w: _check_sent(),
    ),
    # The recipient's link needs no login: the signed token is the key.
    "alerts:acknowledge": Row(
        lambda w: reverse("alerts:acknowledge", args=[rec.the_ack_token(w)]),
        expect(200, anonymous=200),
    ),
}

API: dict[str, Row] = {}

test_page, test_api, test_every_route_has_a_row = matrix_tests("alerts", PAGES, API)


# The other direction: a USW alert, its leaders' alone; Los Mineros' leaders are not
# told it exists, and cannot send it.

MIRROR_PAGES: dict[str, Row] = {
    "alerts:alert (the USW's)": Row(
        lambda w: reverse("alerts:alert", args=[rec.the_usw_alert(w).pk]),
        allow(USW_LEADERS, 200, no=404),
    ),
    "alerts:progress (the USW's)": Row(
        lambda w: reverse("alerts:progress", args=[rec.the_usw_alert(w).pk]),
        allow(USW_LEADERS, 200, no=404),
    ),
    "alerts:send (the USW's)": Row(
        lambda w: reverse("alerts:send", args=[rec.the_usw_alert(w).pk]),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        check=lambda w: _check_sent(),
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_PAGES))
def test_mirror_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, MIRROR_PAGES[name], persona)
