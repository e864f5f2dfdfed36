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


def _scheduled(organisation_slug: str):
    """A scheduled alert of the union (Los Mineros' or the USW's): cancelling it
    goes through."""

    def make(w):
        from datetime import timedelta

        from django.utils import timezone

        from alianza.alerts.actions import draft_alert, schedule_alert
        from alianza.alerts.models import Alert

        found = Alert.objects.filter(
            title="Later", organisation__slug=organisation_slug
        ).first()
        if found:
            return found
        usw = organisation_slug == "usw"
        staff = w["usw_staff"] if usw else w["mineros_staff"]
        alert = draft_alert(
            staff, w.usw if usw else w.mineros, title="Later", body="Later.",
            language="en",
        )  # fmt: skip
        return schedule_alert(staff, alert, send_at=timezone.now() + timedelta(days=2))

    return make


def _template(organisation_slug: str):
    """An alert template of the union."""

    def make(w):
        from alianza.alerts.actions import draft_alert, save_as_template
        from alianza.alerts.models import AlertTemplate

        found = AlertTemplate.objects.filter(
            organisation__slug=organisation_slug
        ).first()
        if found:
            return found
        usw = organisation_slug == "usw"
        staff = w["usw_staff"] if usw else w["mineros_staff"]
        alert = draft_alert(
            staff, w.usw if usw else w.mineros, title="Rally", body="Rally.",
            language="en",
        )  # fmt: skip
        return save_as_template(staff, alert, name="Rally call")

    return make


def _check_status(record, status: str):
    def check(w) -> None:
        obj = record(w)
        obj.refresh_from_db()
        assert obj.status == status

    return check


def _check_template(name: str, exists: bool = True):
    def check(w) -> None:
        from alianza.alerts.models import AlertTemplate

        assert AlertTemplate.objects.filter(name=name).exists() == exists

    return check


def _check_scheduled(w) -> None:
    from alianza.alerts.models import Alert

    assert Alert.objects.filter(
        status="scheduled", scheduled_zone="America/Mexico_City"
    ).exists()


SCHEDULE = {"send_at": "2031-01-15T09:30", "time_zone": "America/Mexico_City"}
MINEROS_TEMPLATE, USW_TEMPLATE = _template("los-mineros"), _template("usw")
MINEROS_SCHEDULED, USW_SCHEDULED = _scheduled("los-mineros"), _scheduled("usw")

PAGES.update(
    {
        # Scheduling, cancelling and keeping as a template: the alert's union's
        # leaders; for anyone else the alert does not exist.
        "alerts:schedule": Row(
            lambda w: reverse("alerts:schedule", args=[rec.the_alert(w).pk]),
            allow(MINEROS_LEADERS, REDIRECT, no=404),
            method="post",
            data=lambda w: SCHEDULE,
            check=_check_scheduled,
        ),
        "alerts:unschedule": Row(
            lambda w: reverse("alerts:unschedule", args=[MINEROS_SCHEDULED(w).pk]),
            allow(MINEROS_LEADERS, REDIRECT, no=404),
            method="post",
            check=_check_status(MINEROS_SCHEDULED, "draft"),
        ),
        "alerts:save_template": Row(
            lambda w: reverse("alerts:save_template", args=[rec.the_alert(w).pk]),
            allow(MINEROS_LEADERS, REDIRECT, no=404),
            method="post",
            data=lambda w: {"name": "Llamado"},
            check=_check_template("Llamado"),
        ),
        # Each leader sees her own unions' templates (and no other's).
        "alerts:templates": Row(
            lambda w: reverse("alerts:templates"), allow(LEADERS, 200)
        ),
        "alerts:template_delete": Row(
            lambda w: reverse("alerts:template_delete", args=[MINEROS_TEMPLATE(w).pk]),
            allow(MINEROS_LEADERS, REDIRECT, no=404),
            method="post",
            check=_check_template("Rally call", exists=False),
        ),
    }
)

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
    "alerts:schedule (the USW's)": Row(
        lambda w: reverse("alerts:schedule", args=[rec.the_usw_alert(w).pk]),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: SCHEDULE,
        check=_check_scheduled,
    ),
    "alerts:unschedule (the USW's)": Row(
        lambda w: reverse("alerts:unschedule", args=[USW_SCHEDULED(w).pk]),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        check=_check_status(USW_SCHEDULED, "draft"),
    ),
    "alerts:save_template (the USW's)": Row(
        lambda w: reverse("alerts:save_template", args=[rec.the_usw_alert(w).pk]),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: {"name": "Call"},
        check=_check_template("Call"),
    ),
    "alerts:template_delete (the USW's)": Row(
        lambda w: reverse("alerts:template_delete", args=[USW_TEMPLATE(w).pk]),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        check=_check_template("Rally call", exists=False),
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
