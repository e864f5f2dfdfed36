"""Employers, the worksite map, councils at common employers and their calendar feeds,
walked in headless Chromium as the conftest personas.

Run with ``.venv/bin/pytest -m browser -p no:xdist tests/browser -q``. Screenshots
land in ``test-artifacts/screenshots/`` as ``<language>-<page>-<persona>.png``.
"""

import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone, translation
from icalendar import Calendar
from playwright.sync_api import expect

from alianza.bodies.models import Seat
from alianza.councils.actions import found_council
from alianza.councils.models import ActionItem, Council, CouncilMeeting, CouncilPost
from alianza.employers.models import Worksite
from alianza.orgs.models import Country
from alianza.spaces.proposals import accept

from .conftest import Tab, heading, login, shot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def es(msgid: str, **values) -> str:
    """The Spanish catalogue's text for ``msgid`` (filled with ``values``); a msgid
    the catalogue lacks fails the test, as the page would then show English."""
    with translation.override("es"):
        text = translation.gettext(msgid)
        names = {k: str(v) for k, v in values.items()}
    assert text != msgid, f"the Spanish catalogue lacks {msgid!r}"
    return text % names if values else text


def country_es(code: str) -> str:
    with translation.override("es"):
        return str(dict(Country.choices)[code])


def html_lang(tab: Tab, code: str) -> None:
    expect(tab.page.locator("html")).to_have_attribute("lang", code)


def no_sideways_scroll(tab: Tab, width: int) -> None:
    scroll = tab.page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{tab.page.url} scrolls sideways ({scroll}px > {width})"


def details_with(tab: Tab, summary: str):
    """The <details> whose <summary> reads ``summary``."""
    return tab.page.locator(
        "details", has=tab.page.locator("summary", has_text=summary)
    )


def test_map_and_employer_profile_in_spanish(bworld, open_tab):
    tab = open_tab(locale="es-MX")
    page = tab.page
    login(tab, bworld["mineros_staff"], totp=True)
    html_lang(tab, "es")

    tab.goto("/employers/map/")
    heading(tab, es("Map of worksites"))
    svg = page.locator("main svg.alianza-map")
    expect(svg).to_be_visible()
    assert svg.bounding_box()["width"] > 400
    points = svg.locator("circle.map-point")
    expect(points).to_have_count(2)
    expect(svg.locator("circle.map-status-on_strike")).to_have_count(1)
    expect(svg.locator("circle.map-status-represented")).to_have_count(1)
    shot(tab, "es-map-mineros_staff")

    page.locator("#f-country").select_option("MX")
    with page.expect_navigation():
        page.get_by_role("button", name=es("Show"), exact=True).click()
    assert "country=MX" in page.url
    expect(page.locator("#f-country")).to_have_value("MX")
    expect(points).to_have_count(1)
    expect(points.locator("title")).to_contain_text("Buenavista del Cobre")
    expect(points.locator("title")).to_contain_text(es("On strike"))
    shot(tab, "es-map-mx-mineros_staff")

    tab.goto("/employers/grupo-mexico/")
    heading(tab, "Grupo México")
    family = page.locator(
        "section.card",
        has=page.get_by_role("heading", name=es("Corporate family"), exact=True),
    )
    expect(family.locator("li")).to_have_count(2)
    expect(family).to_contain_text("ASARCO")
    expect(family.get_by_role("link", name="ASARCO")).to_have_attribute(
        "href", "/employers/asarco/"
    )
    hayden = page.locator(f"tr#worksite-{bworld.hayden.pk}")
    cananea = page.locator(f"tr#worksite-{bworld.cananea.pk}")
    expect(hayden).to_contain_text("Hayden smelter")
    expect(hayden).to_contain_text("ASARCO")  # a subsidiary's worksite says whose
    expect(hayden).to_contain_text("Local 915")
    expect(cananea).to_contain_text("Buenavista del Cobre")
    strike = cananea.locator(".badge.status-on_strike")
    expect(strike).to_have_text(es("On strike"))
    expect(strike).to_be_visible()
    expect(cananea).to_contain_text("Sección 65")
    profile_map = page.locator("figure.map-figure svg.alianza-map")
    expect(profile_map).to_be_visible()
    expect(profile_map.locator("circle.map-point")).to_have_count(2)
    expect(profile_map.locator(":scope > title")).to_have_text(
        es("Worksites of %(employer)s", employer="Grupo México")
    )
    # The legend under the map names the statuses in Spanish.
    expect(page.locator("figure.map-figure figcaption")).to_contain_text(
        es("On strike")
    )
    shot(tab, "es-employer-grupo-mexico")
    tab.assert_clean()


def test_found_council_post_news_and_action_item(bworld, open_tab):
    staff = bworld["mineros_staff"]
    tab = open_tab(locale="es-MX")
    page = tab.page
    login(tab, staff, totp=True)

    tab.goto("/employers/common/")
    html_lang(tab, "es")
    row = page.locator("tbody tr", has_text="Grupo México")
    expect(row).to_contain_text(es("None yet."))
    with page.expect_navigation():
        row.get_by_role("button", name=es("Found the council"), exact=True).click()
    council = Council.objects.get(employer=bworld.grupo)
    assert page.url == tab.base_url + council.get_absolute_url()
    name = es("%(employer)s Council", employer="Grupo México")
    heading(tab, name)
    expect(page.locator(".alert-success")).to_contain_text(
        es("%(name)s was founded.", name=name)
    )

    members = page.get_by_role("heading", name=es("Member units"), exact=True).locator(
        "xpath=following-sibling::ul[1]"
    )
    # Los Mineros' section joins with the founding; USW's local is proposed to USW.
    expect(members.locator("li")).to_have_count(1)
    expect(members).to_contain_text("Sección 65")
    proposals = page.locator("li[id^=proposal-]")
    expect(proposals).to_have_count(1)
    expect(proposals).to_contain_text("Local 915")
    expect(proposals.get_by_role("button", name=es("Accept"))).to_have_count(0)
    accept(bworld["usw_staff"], council.space.proposals.get())
    tab.goto(council.get_absolute_url())
    expect(members.locator("li")).to_have_count(2)
    expect(members).to_contain_text("Local 915")

    # Countries go round in order (MX, US) and no meeting has been held yet.
    turn = page.locator("section[aria-labelledby=next-meeting]")
    expect(turn).to_contain_text(
        es("Next country: %(country)s.", country=country_es("MX"))
    )
    expect(turn).to_contain_text(
        es("Proposed host: %(unit)s (%(org)s).", unit="Sección 65", org="Los Mineros")
    )
    schedule = turn.get_by_role("link", name=es("Schedule a meeting"), exact=True)
    expect(schedule).to_have_attribute(
        "href", re.compile(rf"country=MX&host_unit={bworld.section65.pk}$")
    )

    # News, in Spanish, through the folded form.
    news = details_with(tab, es("Post news to the council"))
    form = news.locator("form")
    expect(form).to_be_hidden()
    news.locator("summary").click()
    expect(form).to_be_visible()
    title = "Cananea: la huelga sigue firme"
    body = "La Sección 65 pide cartas de solidaridad para los compañeros en huelga."
    form.locator("select[name=kind]").select_option("strike")
    form.locator("input[name=title]").fill(title)
    form.locator("textarea[name=body]").fill(body)
    expect(form.locator("select[name=language]")).to_have_value("es")
    with page.expect_navigation():
        form.get_by_role("button", name=es("Post"), exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text(
        es("Your news was posted to the council.")
    )
    post = page.locator("article", has_text=title)
    expect(post).to_have_count(1)
    expect(post.get_by_role("heading", level=3)).to_have_text(title)
    expect(post).to_contain_text(body)
    expect(post.locator(".badge")).to_have_text(es("Strike"))
    expect(post).to_contain_text(es("Written in %(original)s.", original="español"))
    saved = CouncilPost.objects.get(council=council)
    assert (saved.language, saved.title, saved.author) == ("es", title, staff)

    # An action item, its owner picked from the select.
    due = timezone.localdate() + timedelta(days=30)
    adding = details_with(tab, es("Add an action item"))
    adding.locator("summary").click()
    item_form = adding.locator("form")
    expect(item_form).to_be_visible()
    what = "Reunir cartas de solidaridad de USW"
    item_form.locator("input[name=title]").fill(what)
    item_form.locator("select[name=owner]").select_option(label="Óscar Oficial")
    item_form.locator("input[name=due_on]").fill(due.isoformat())
    with page.expect_navigation():
        item_form.get_by_role("button", name=es("Add"), exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text(
        es("The action item was added.")
    )
    item = ActionItem.objects.get(council=council)
    assert (item.title, item.owner.name, item.due_on) == (what, "Óscar Oficial", due)
    item_row = page.locator(f"tr#action-{item.pk}")
    expect(item_row).to_contain_text(what)
    expect(item_row).to_contain_text("Óscar Oficial")
    expect(item_row.locator("select[name=status]")).to_have_value("open")
    shot(tab, "es-council-grupo-mexico")
    tab.assert_clean()

    # A USW officer, the USW's delegate on the council, reads the Spanish post on
    # the same page, in English.
    officer = bworld["usw_officer"]
    assert officer.language == "en"
    Seat.objects.create(
        body=council.body, kind="member", holder=officer.person, representing=bworld.usw
    )
    other = open_tab()
    login(other, officer, totp=True)
    response = other.goto(council.get_absolute_url())
    assert response.status == 200
    html_lang(other, "en")
    heading(other, name)  # the council's name stays as it was written
    # A delegate takes part (plans meetings, adds action items) but does not
    # coordinate: she proposes no member unit.
    expect(other.page.get_by_role("link", name="Schedule a meeting")).to_have_count(1)
    expect(details_with(other, "Add a member unit")).to_have_count(0)
    post = other.page.locator(f"article#post-{saved.pk}")
    expect(post).to_contain_text(title)
    expect(post).to_contain_text("No English translation yet — shown in Spanish.")
    offer = post.locator("details", has_text="Add or correct a translation")
    expect(offer).to_have_count(1)
    offer.locator("summary").click()
    language = offer.locator("select[name=language]")
    expect(language.locator("option[value=es]")).to_have_count(0)
    language.select_option("en")
    english = "Section 65 asks for letters of solidarity for the strikers."
    offer.locator("textarea[name=text]").fill(english)
    with other.page.expect_navigation():
        offer.get_by_role("button", name="Save translation").click()
    assert other.page.url == other.base_url + council.get_absolute_url()
    post = other.page.locator(f"article#post-{saved.pk}")
    expect(post).to_contain_text(english)
    expect(post).to_contain_text("Translated into English from Spanish.")
    expect(post.locator(".original-text")).to_be_hidden()
    expect(post.locator(".original-text")).to_have_text(body)
    shot(other, "en-council-grupo-mexico-usw_officer")
    other.assert_clean()


def feed(tab: Tab, url: str) -> Calendar:
    response = tab.page.request.get(url)
    assert response.status == 200, url
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.body())
    assert calendar.name == "VCALENDAR"
    return calendar


def test_calendar_feed_lists_a_scheduled_meeting(bworld, open_tab):
    staff = bworld["mineros_staff"]
    council = found_council(staff, bworld.grupo)
    # The USW officer is the USW's delegate: the council's meetings are hers to read.
    Seat.objects.create(
        body=council.body, kind="member", holder=bworld["usw_officer"].person,
        representing=bworld.usw,
    )  # fmt: skip
    tab = open_tab()
    page = tab.page
    login(tab, bworld["usw_officer"], totp=True)

    tab.goto("/accounts/calendar/")
    heading(tab, "Calendar feeds")
    addresses = page.locator("code.token-secret")
    expect(addresses).to_have_count(0)
    with page.expect_navigation():
        page.get_by_role("button", name="Make new calendar addresses").click()
    # One address for all of the person's councils, one per council, then the
    # solidarity calendar.
    expect(addresses).to_have_count(3)
    expect(page.locator("main li").nth(1)).to_contain_text(str(council))
    mine = addresses.first.inner_text().strip()
    council_feed = addresses.nth(1).inner_text().strip()
    assert mine.startswith(tab.base_url + "/calendar/") and mine.endswith("/me.ics")
    assert council_feed.endswith(f"/councils/{council.space.slug}.ics")
    shot(tab, "en-calendar-feeds-usw_officer")
    assert feed(tab, mine).walk("VEVENT") == []

    # Shown once: the page does not show the addresses again.
    tab.goto("/accounts/calendar/")
    expect(addresses).to_have_count(0)
    assert mine not in page.content()

    # Los Mineros' staff schedule the next meeting, as the rotation proposes.
    scheduler = open_tab(locale="es-MX")
    login(scheduler, staff, totp=True)
    scheduler.goto(council.get_absolute_url())
    with scheduler.page.expect_navigation():
        scheduler.page.get_by_role(
            "link", name=es("Schedule a meeting"), exact=True
        ).click()
    form = scheduler.page.locator("main form")
    expect(form.locator("select[name=country]")).to_have_value("MX")
    expect(form.locator("select[name=host_unit]")).to_have_value(
        str(bworld.section65.pk)
    )
    form.locator("input[name=starts_at]").fill("2030-06-01T10:00")
    form.locator("input[name=ends_at]").fill("2030-06-01T16:00")
    form.locator("input[name=place]").fill("Cananea, Sonora")
    with scheduler.page.expect_navigation():
        form.get_by_role("button", name=es("Schedule"), exact=True).click()
    assert scheduler.page.url == scheduler.base_url + council.get_absolute_url()
    expect(scheduler.page.locator("main table").first).to_contain_text(
        "Cananea, Sonora"
    )
    meeting = CouncilMeeting.objects.get(council=council)
    scheduler.assert_clean()

    zone = timezone.get_default_timezone()
    for url in (mine, council_feed):
        events = feed(tab, url).walk("VEVENT")
        assert len(events) == 1, url
        event = events[0]
        assert str(event["SUMMARY"]) == str(council) == "Grupo México Council"
        assert str(event["UID"]) == meeting.uid
        assert event.decoded("DTSTART") == datetime(2030, 6, 1, 10, tzinfo=zone)
        assert event.decoded("DTEND") == datetime(2030, 6, 1, 16, tzinfo=zone)
        assert "Cananea, Sonora" in str(event["LOCATION"])

    # New addresses stop the old ones.
    with page.expect_navigation():
        page.get_by_role("button", name="Make new calendar addresses").click()
    assert addresses.first.inner_text().strip() != mine
    assert page.request.get(mine).status == 404
    tab.assert_clean()


def test_import_report_marks_wrong_lines(bworld, open_tab, tmp_path):
    upload = tmp_path / "worksites.csv"
    upload.write_text(
        "employer,name,country,latitude,longitude\n"
        "Grupo México,La Caridad,MX,30.33,-109.56\n"
        "Minera Fantasma,Mina Perdida,MX,29.10,-110.20\n"
        "asarco,Ray mine,US,95,-110.80\n",
        encoding="utf-8",
    )
    tab = open_tab()
    tab.allowed_statuses.add(400)  # a report with problems answers 400
    page = tab.page
    login(tab, bworld["usw_staff"], totp=True)
    tab.goto("/employers/")
    with page.expect_navigation():
        page.get_by_role("link", name="Import from CSV").click()
    heading(tab, "Import employers, worksites and representation")
    page.locator("select[name=kind]").select_option("worksites")
    page.locator("input[name=file]").set_input_files(upload)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Check and import").click()
    assert navigation.value.status == 400

    report = page.locator("section[aria-labelledby=report]")
    expect(report.locator(".alert-danger")).to_have_text(
        "2 problems found; nothing was imported."
    )
    rows = report.locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.locator("td:first-child")).to_have_text(["2", "3", "4"])
    expect(rows.nth(0)).not_to_have_class(re.compile("table-danger"))
    expect(rows.nth(0).locator("td").nth(1)).to_have_text("correct")
    for wrong in (rows.nth(1), rows.nth(2)):
        expect(wrong).to_have_class(re.compile(r"\btable-danger\b"))
        expect(wrong.locator("td").nth(1)).to_have_text("to correct")
    expect(rows.nth(1)).to_contain_text(
        "employer: no employer called “Minera Fantasma”."
    )
    expect(rows.nth(2)).to_contain_text("latitude: must be between -90 and 90.")
    shot(tab, "en-import-report-usw_staff")
    assert Worksite.objects.count() == 2
    assert not Worksite.objects.filter(name="La Caridad").exists()
    tab.assert_clean()


def test_phone_map_as_member(bworld, open_tab):
    tab = open_tab(viewport=PHONE, locale="es-MX")
    page = tab.page
    login(tab, bworld["member"])
    for name, path in [
        ("map", "/employers/map/"),
        ("employer-grupo-mexico", "/employers/grupo-mexico/"),
    ]:
        response = tab.goto(path)
        assert response.status == 200, path
        html_lang(tab, "es")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        svg = page.locator("main svg.alianza-map")
        expect(svg).to_be_visible()
        expect(svg.locator("circle.map-point")).to_have_count(2)
        box = svg.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], path
        no_sideways_scroll(tab, PHONE["width"])
        shot(tab, f"es-phone-{name}-member")
    heading(tab, "Grupo México")
    tab.assert_clean()
