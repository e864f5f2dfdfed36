"""The USW board's meeting in Pittsburgh, read in Spanish on a phone by a Los
Mineros officer in Mexico City: on Pittsburgh's clock, named, and on hers."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from alianza.accounts.models import User
from alianza.bodies.models import Seat
from alianza.governance import actions

from .conftest import login, shot

pytestmark = pytest.mark.browser


def test_a_pittsburgh_meeting_on_a_phone_in_spanish(bworld, open_tab):
    w = bworld
    w.usw.time_zone = "America/New_York"
    w.usw.save()
    Seat.objects.create(
        body=w.ieb, kind="observer", holder=w["mineros_staff"].person,
        representing=w.mineros, **Seat.rights_for("observer"),
    )  # fmt: skip
    meeting = actions.schedule_meeting(
        w["usw_staff"], w.ieb, title="Regular meeting of the board",
        starts_at=datetime(2026, 10, 6, 9, tzinfo=ZoneInfo("America/New_York")),
        mode="in_person", place="Pittsburgh, Pennsylvania", language="en",
    )  # fmt: skip
    reader = w["mineros_staff"]
    User.objects.filter(pk=reader.pk).update(
        time_zone="America/Mexico_City", language="es"
    )
    tab = open_tab(viewport={"width": 390, "height": 844}, locale="es-MX")
    login(tab, reader, totp=True)
    tab.goto(meeting.get_absolute_url())
    when = tab.page.locator("[data-when]")
    expect(when).to_contain_text("9:00")
    expect(when).to_contain_text("hora de Estados Unidos (Nueva York)")
    expect(when).to_contain_text("7:00")
    expect(when).to_contain_text("hora de México (Ciudad de México)")
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(tab, "meeting-zone-es-phone")
    tab.assert_clean()
