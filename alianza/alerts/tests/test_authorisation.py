"""Who may use each page and endpoint of alerts: its rows of the authorisation matrix.

Every route the app declares needs a row here (``test_every_route_has_a_row``); the
answers, the personas and the engine are in ``tests/matrix.py``.
"""

from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    LEADERS,
    MINEROS_LEADERS,
    REDIRECT,
    Row,
    allow,
    expect,
    matrix_tests,
)

PAGES: dict[str, Row] = {
    "alerts:alert_new": Row(lambda w: reverse("alerts:alert_new"), allow(LEADERS, 200)),
    "alerts:alert": Row(
        lambda w: reverse("alerts:alert", args=[rec.the_alert(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    "alerts:progress": Row(
        lambda w: reverse("alerts:progress", args=[rec.the_alert(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    "alerts:send": Row(
        lambda w: reverse("alerts:send", args=[rec.the_alert(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
    ),
    # The recipient's link needs no login: the signed token is the key.
    "alerts:acknowledge": Row(
        lambda w: reverse("alerts:acknowledge", args=[rec.the_ack_token(w)]),
        expect(200, anonymous=200),
    ),
}

API: dict[str, Row] = {}

test_page, test_api, test_every_route_has_a_row = matrix_tests("alerts", PAGES, API)
