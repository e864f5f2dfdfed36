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

PAGES.update(
    {
        # Her own alerts and how they reach her: every signed-in person (no id in
        # the address: each sees and changes only her own).
        "alerts:mine": Row(lambda w: reverse("alerts:mine"), expect(200)),
        "alerts:reach": Row(lambda w: reverse("alerts:reach"), expect(200)),
        # Only the recipient acknowledges her alert from her inbox; for anyone
        # else it does not exist.
        "alerts:my_acknowledge": Row(
            lambda w: reverse(
                "alerts:my_acknowledge", args=[rec.the_member_delivery(w).pk]
            ),
            expect(404, member=REDIRECT),
            method="post",
            check=lambda w: _check_acknowledged(w),
        ),
        # Who has not acknowledged, for a phone bank: the alert's union's leaders.
        "alerts:not_acknowledged": Row(
            lambda w: reverse(
                "alerts:not_acknowledged", args=[rec.the_member_delivery(w).alert_id]
            ),
            allow(MINEROS_LEADERS, 200, no=404),
        ),
        "alerts:not_acknowledged_xlsx": Row(
            lambda w: reverse(
                "alerts:not_acknowledged_xlsx",
                args=[rec.the_member_delivery(w).alert_id],
            ),
            allow(MINEROS_LEADERS, 200, no=404),
        ),
        "alerts:replies": Row(lambda w: reverse("alerts:replies"), allow(LEADERS, 200)),
        # The gateway's webhooks: a request without the gateway's signature is
        # refused whoever sends it.
        "alerts:sms_inbound": Row(
            lambda w: reverse("alerts:sms_inbound"),
            expect(403, anonymous=403),
            method="post",
            data=lambda w: {
                "From": "+526451234567",
                "Body": "STOP",
                "MessageSid": "SMx",
            },
        ),
        "alerts:sms_status": Row(
            lambda w: reverse("alerts:sms_status"),
            expect(403, anonymous=403),
            method="post",
            data=lambda w: {"MessageSid": "SMx", "MessageStatus": "delivered"},
        ),
    }
)


def _check_acknowledged(w) -> None:
    from alianza.alerts.models import Delivery

    assert Delivery.objects.filter(
        person=w["member"].person, acknowledged_by="inbox"
    ).exists()


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
