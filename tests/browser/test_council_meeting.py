"""One council meeting, walked in the demo world: USW's international staff plans the
Grupo México Council's meeting at Hayden on Arizona's clock with its agenda in
English, Spanish and French; the officer of Sección 65 registers as a delegate with
his travel needs; a member of Sección 65 reads it in Spanish on a 390-px phone; and
his calendar feed carries it at the right hour (UTC).

Run with ``pytest -m browser tests/browser/test_council_meeting.py``.
"""

from datetime import UTC, datetime

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from alianza.councils.models import CouncilMeeting, DelegateRegistration
from alianza.orgs.models import Unit

from .conftest import shot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
#: Arizona keeps UTC−7 all year (no daylight saving): 09:00 there is 16:00 UTC.
ARIZONA_OFFSET_HOURS = 7

AGENDA = {
    "en": "Welcome from Local 5101 | 15\nBargaining at ASARCO | 60\nSafety at the smelter | 45",
    "es": "Bienvenida del Local 5101\nNegociación en ASARCO\nSeguridad en la fundición",
    "fr": "Accueil de la section locale 5101\nNégociation chez ASARCO\nSécurité à la fonderie",
}


def test_plan_register_read_and_subscribe(demo_world, open_tab):
    hayden = Unit.objects.get(name="Local 5101 (Hayden)")

    # 1. USW's director of international affairs plans the meeting on Arizona's clock.
    tab = open_tab()
    page = tab.page
    demo_world.sign_in(tab, "j.walker@usw.example")
    tab.goto("/councils/council-grupo-mexico/")
    with page.expect_navigation():
        page.get_by_role("link", name="Schedule a meeting").click()
    # The rotation fills in the next turn; the host is chosen here.
    page.select_option("#id_country", "US")
    page.select_option("#id_host_unit", str(hayden.pk))
    page.fill("#id_starts_at", "2027-07-22T09:00")
    page.fill("#id_ends_at", "2027-07-22T16:00")
    page.select_option("#id_time_zone", "America/Phoenix")
    page.fill("#id_place", "Hayden, Arizona")
    page.select_option("#id_language", "en")
    page.fill("#id_title_en", "Council meeting at Hayden")
    page.fill("#id_title_es", "Reunión del consejo en Hayden")
    page.fill("#id_title_fr", "Réunion du conseil à Hayden")
    for code, text in AGENDA.items():
        page.fill(f"#id_agenda_{code}", text)
    for pair in ("en-es", "en-fr", "es-fr"):
        page.check(f"input[name=interpretation][value={pair}]")
    shot(tab, "en-council-meeting-plan-walker")
    with page.expect_navigation():
        page.get_by_role("button", name="Schedule").click()
    cm = CouncilMeeting.objects.get(meeting__title="Council meeting at Hayden")
    assert cm.meeting.body_id == cm.council.body_id  # one record: the body's meeting
    assert cm.starts_at == datetime(2027, 7, 22, 9 + ARIZONA_OFFSET_HOURS, tzinfo=UTC)
    # Listed on the council's page, linked to its own page.
    with page.expect_navigation():
        page.locator(f"main table a[href='{cm.get_absolute_url()}']").click()
    expect(page.locator("#agenda + ol li")).to_have_count(3)
    expect(page.locator("#meeting-when")).to_contain_text(
        "9 a.m., United States (Phoenix) Time"
    )
    shot(tab, "en-council-meeting-planned-walker")
    tab.assert_clean()

    # 2. The officer of Sección 65, a member section, registers with travel needs.
    tab = open_tab(locale="es-MX")
    page = tab.page
    demo_world.sign_in(tab, "jl.romero@mineros.example")
    tab.goto(cm.get_absolute_url())
    expect(page.locator("#agenda")).to_be_visible()
    expect(page.locator("#agenda + ol")).to_contain_text("Negociación en ASARCO")
    page.fill("#id_arrives_on", "2027-07-21")
    page.fill("#id_departs_on", "2027-07-23")
    page.check("#id_visa_letter")
    page.fill("#id_dietary", "Sin cerdo")
    with page.expect_navigation():
        page.locator("form[action$='/register/'] button[type=submit]").click()
    expect(page.locator("#registered")).to_be_visible()
    # His answers are shown back to him, to change.
    expect(page.locator("#id_arrives_on")).to_have_value("2027-07-21")
    expect(page.locator("#registrations")).to_contain_text("José Luis Romero")
    registration = DelegateRegistration.objects.get(council_meeting=cm)
    assert registration.visa_letter and registration.dietary == "Sin cerdo"
    assert str(registration.arrives_on) == "2027-07-21"
    shot(tab, "es-council-meeting-registered-romero")
    tab.assert_clean()

    # 3. A member of Sección 65 reads it in Spanish on her phone: the agenda in
    # Spanish, no registration form (she is not a delegate), no delegates' list.
    tab = open_tab(viewport=PHONE, locale="es-MX")
    page = tab.page
    demo_world.sign_in(tab, "r.valenzuela@mineros.example")
    tab.goto(cm.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Reunión del consejo en Hayden"
    )
    agenda = page.locator("#agenda + ol")
    for line in AGENDA["es"].splitlines():
        expect(agenda).to_contain_text(line)
    assert "Bargaining at ASARCO" not in agenda.inner_text()
    assert page.locator("form[action$='/register/']").count() == 0
    assert page.locator("#registrations").count() == 0
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= PHONE["width"], f"the page scrolls sideways ({scroll}px)"
    shot(tab, "es-phone-council-meeting-member-valenzuela")

    # 4. Her calendar feed: the meeting at 16:00 UTC, the agenda in Spanish.
    tab.goto("/accounts/calendar/")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    address = page.locator(
        "code.token-secret", has_text="/councils/council-grupo-mexico.ics"
    ).inner_text()
    assert address
    shot(tab, "es-phone-calendar-links-valenzuela")
    feed = page.request.get(address)
    assert feed.ok and feed.headers["content-type"].startswith("text/calendar")
    text = feed.text()
    assert "DTSTART:20270722T160000Z" in text
    events = {str(e["UID"]): e for e in Calendar.from_ical(feed.body()).walk("VEVENT")}
    event = events[cm.uid]
    assert event.decoded("DTSTART") == datetime(
        2027, 7, 22, 9 + ARIZONA_OFFSET_HOURS, tzinfo=UTC
    )
    assert "Reunión del consejo en Hayden" in str(event["SUMMARY"])
    assert "Negociación en ASARCO" in str(event["DESCRIPTION"])
    tab.assert_clean()

    # 5. An officer of a USW district outside the council (Quebec) sees that it
    # exists, its member units and whom to ask; not its meetings or news.
    tab = open_tab(locale="fr-CA")
    page = tab.page
    demo_world.sign_in(tab, "s.gagnon@usw.example")
    tab.goto("/councils/council-grupo-mexico/")
    expect(page.locator("#contacts")).to_contain_text("José Luis Romero")
    expect(page.locator("main")).to_contain_text("Local 5101 (Hayden)")
    assert "ASARCO concession demands" not in page.content()
    assert page.locator(f"a[href='{cm.get_absolute_url()}']").count() == 0
    shot(tab, "fr-council-directory-gagnon")
    tab.allowed_statuses.add(404)
    assert tab.goto(cm.get_absolute_url()).status == 404
    tab.assert_clean()
