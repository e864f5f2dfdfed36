"""Solidarity in headless Chromium: a Los Mineros officer publishes a request for
support, a USW officer pledges and alerts District 12, and the alert reaches a
Spanish- and an English-speaking member, each in their language.

Run with ``python3 bootstrap.py browser -q -k solidarity``. Screenshots land in
``test-artifacts/screenshots/`` as ``<language>-solidarity-<page>.png``.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from playwright.sync_api import expect

from alianza.alerts.models import Alert, Delivery
from alianza.orgs.models import ContactChannel, Membership, Person
from alianza.solidarity.actions import vet_request
from alianza.solidarity.models import Pledge, SolidarityRequest

from .conftest import Tab, heading, login, nav, shot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def es(msgid: str, **values) -> str:
    with translation.override("es"):
        text = translation.gettext(msgid)
    assert text != msgid, f"the Spanish catalogue lacks {msgid!r}"
    return text % values if values else text


def _member(world, name: str, language: str, email: str, phone: str = "") -> Person:
    person = Person.objects.create(
        name=name,
        country="US",
        preferred_language=language,
        languages_spoken=[language],
    )
    ContactChannel.objects.create(person=person, kind="email", value=email)
    if phone:
        ContactChannel.objects.create(person=person, kind="phone", value=phone)
    Membership.objects.create(
        person=person, organisation=world.usw, role="member", unit=world.local
    )
    return person


def _translate(tab: Tab, outer: str, language: str, text: str, inner: str = "") -> None:
    """Open a folded translation form (inside a second fold when ``inner`` names it)
    and save the translation."""
    page = tab.page
    details = page.locator("details", has=page.locator("summary", has_text=outer)).first
    details.locator("summary").first.click()
    if inner:
        details = details.locator(
            "details", has=page.locator("summary", has_text=inner)
        ).first
        details.locator("summary").first.click()
    form = details.locator("form").first
    form.locator("select[name=language]").select_option(language)
    form.locator("textarea[name=text]").fill(text)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def test_request_pledge_and_alert_in_two_languages(bworld, open_tab):
    rosa = _member(
        bworld, "Rosa Delgado", "es", "rosa@local915.test", "+1 520 555 0101"
    )
    bill = _member(bworld, "Bill Harper", "en", "bill@local915.test")

    # 1. A Los Mineros officer drafts the request in Spanish, on a phone.
    tab = open_tab(viewport=PHONE, locale="es-MX")
    page = tab.page
    officer = bworld["mineros_officer"]
    login(tab, officer, totp=True)
    nav(tab, es("Solidarity"))
    heading(tab, es("Solidarity and organizing"))
    with page.expect_navigation():
        page.get_by_role("link", name=es("Ask for solidarity"), exact=True).click()
    title = "Solidaridad con los locales de ASARCO"
    page.locator("input[name=title]").fill(title)
    page.locator("textarea[name=body]").fill(
        "Pedimos a los Steelworkers cartas, mítines y su presencia en Cananea."
    )
    page.get_by_label("USW", exact=True).check()
    deadline = timezone.localdate() + timedelta(days=21)
    page.locator("input[name=deadline]").fill(deadline.isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name=es("Save"), exact=True).click()
    req = SolidarityRequest.objects.get(title=title)
    assert req.language == "es" and list(req.audiences.all()) == [bworld.usw]
    heading(tab, title)
    checklist = page.locator("section", has_text=es("Before publishing"))
    expect(checklist).to_contain_text("inglés")  # the USW reads English

    # Translated for the USW by the officer; vetted by the union's staff.
    _translate(tab, es("Add or correct a translation"), "en", "We ask the Steelworkers "
               "for letters, rallies and their presence in Cananea.")  # fmt: skip
    _translate(tab, es("Translate the title"), "en", "Solidarity with the ASARCO locals",
               es("Add or correct a translation"))  # fmt: skip
    vet_request(bworld["mineros_staff"], req)
    tab.goto(req.get_absolute_url())
    with page.expect_navigation():
        page.get_by_role("button", name=es("Publish"), exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text(
        es("The request was published.")
    )
    req.refresh_from_db()
    assert req.status == "published"
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= PHONE["width"], "the request page scrolls sideways on a phone"
    shot(tab, "es-solidarity-request-published-mineros_officer")
    tab.assert_clean()

    # 2. A USW officer reads it in English and pledges a rally.
    tab2 = open_tab(locale="en-US")
    page2 = tab2.page
    usw = bworld["usw_officer"]
    login(tab2, usw, totp=True)
    tab2.goto("/solidarity/")
    with page2.expect_navigation():
        page2.get_by_role("link", name="Solidarity with the ASARCO locals").click()
    heading(tab2, "Solidarity with the ASARCO locals")
    expect(page2.locator("main")).to_contain_text(
        "Translated into English from Spanish"
    )
    pledge = page2.locator("section", has_text="Pledge your union's support")
    pledge.locator("select[name=kind]").select_option("rally")
    pledge.locator("input[name=description]").fill(
        "District 12 rally at the Hayden smelter gate"
    )
    with page2.expect_navigation():
        pledge.get_by_role("button", name="Pledge", exact=True).click()
    expect(page2.locator(".alert-success")).to_contain_text("your pledge was recorded")
    assert Pledge.objects.get(request=req).organisation == bworld.usw
    expect(page2.locator("#progress ~ p").first).to_contain_text(
        "1 of 1 unions asked have answered"
    )
    expect(page2.locator(".bar-chart .bar-fill")).to_have_count(1)
    shot(tab2, "en-solidarity-request-pledged-usw_officer")

    # 3. The officer alerts District 12 about it, in English with a Spanish translation.
    with page2.expect_navigation():
        page2.get_by_role("link", name="Alert your members").click()
    expect(page2.locator("select[name=request]")).to_have_value(str(req.pk))
    page2.locator("input[name=title]").fill("Rally for Los Mineros on Saturday")
    page2.locator("textarea[name=body]").fill(
        "Join the District 12 rally at the Hayden smelter gate, Saturday at 10."
    )
    page2.get_by_label("District 12", exact=True).check()
    with page2.expect_navigation():
        page2.get_by_role("button", name="Save", exact=True).click()
    alert = Alert.objects.get(title="Rally for Los Mineros on Saturday")
    # District 12's people with a channel, the rank-and-file member of Local 915 among them.
    expect(page2.locator("main")).to_contain_text("This alert is for 4 people")
    _translate(tab2, "Add or correct a translation", "es", "Únete al mitin del Distrito "
               "12 en la entrada de la fundición de Hayden, el sábado a las 10.")  # fmt: skip
    _translate(tab2, "Translate the subject", "es", "Mitin por Los Mineros el sábado",
               "Add or correct a translation")  # fmt: skip
    with page2.expect_navigation():
        page2.get_by_role("button", name="Send the alert now").click()
    expect(page2.locator(".alert-success")).to_contain_text("The alert is on its way.")
    panel = page2.locator("#alert-progress")
    expect(panel).to_contain_text("100%")
    expect(panel.locator("tbody tr", has_text="Recipients").last).to_contain_text("4")
    shot(tab2, "en-solidarity-alert-sent-usw_officer")
    tab2.assert_clean()

    # 4. Each member got it in their language, by e-mail (and Rosa by SMS too).
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address["rosa@local915.test"].subject == "Mitin por Los Mineros el sábado"
    assert "Únete al mitin" in by_address["rosa@local915.test"].body
    assert (
        by_address["bill@local915.test"].subject == "Rally for Los Mineros on Saturday"
    )
    assert "Tell us you received it" in by_address["bill@local915.test"].body
    from alianza.lib import sms

    assert [m.to for m in sms.outbox] == ["+15205550101"]
    assert sms.outbox[0].body.startswith("Mitin por Los Mineros")

    # 5. Rosa opens her link on her phone, without signing in, and acknowledges.
    link = re.search(r"https?://\S+/a/\S+/", by_address["rosa@local915.test"].body)
    assert link is not None
    path = "/a/" + link.group(0).split("/a/", 1)[1]
    member_tab = open_tab(viewport=PHONE, locale="es-MX")
    member_tab.goto(path)
    member_page = member_tab.page
    expect(member_page.get_by_role("heading", level=1)).to_have_text(
        "Mitin por Los Mineros el sábado"
    )
    with member_page.expect_navigation():
        member_page.get_by_role("button", name=es("I received it")).click()
    expect(member_page.locator(".alert-success")).to_contain_text(
        es("Thank you: we know you received this alert.")
    )
    shot(member_tab, "es-solidarity-alert-acknowledged-member")
    member_tab.assert_clean()
    assert Delivery.objects.get(alert=alert, person=rosa).acknowledged_at is not None
    assert Delivery.objects.get(alert=alert, person=bill).acknowledged_at is None

    tab2.goto(alert.get_absolute_url())
    expect(
        page2.locator("#alert-progress tbody tr", has_text="Acknowledged").first
    ).to_contain_text("1")
    shot(tab2, "en-solidarity-alert-progress-usw_officer")


def test_strike_and_organizing_pages_in_spanish_on_a_phone(bworld, open_tab):
    from datetime import date

    from alianza.solidarity import actions

    staff = bworld["mineros_staff"]
    strikes = actions.create_campaign(
        staff, bworld.mineros, kind="strike_support", language="es",
        title="Huelga de Cananea", worksite=bworld.cananea,
    )  # fmt: skip
    strike = actions.register_strike(
        staff, strikes, worksite=bworld.cananea, unit=bworld.section65,
        started_on=date(2007, 7, 30), demands="Seguridad e higiene en la mina.",
    )  # fmt: skip
    actions.add_timeline_entry(
        staff, strikes, kind="donation", happened_on=date(2009, 12, 15),
        title="Fondo de huelga del Distrito 12", organisation=bworld.mineros, strike=strike,
    )  # fmt: skip
    organizing = actions.create_campaign(
        staff, bworld.mineros, kind="organizing", language="es", title="Organizar"
    )
    target = actions.add_target(
        staff, organizing, worksite=bworld.cananea, covered_workers=1000
    )
    actions.record_support(staff, target, covered_workers=1000, supporters=312)
    actions.add_contact(staff, target, name="Juana Obrera", phone="+52 645 1")

    tab = open_tab(viewport=PHONE, locale="es-MX")
    page = tab.page
    login(tab, staff, totp=True)
    tab.goto(strike.get_absolute_url())
    heading(tab, es("Strike of %(unit)s", unit="Sección 65"))
    expect(page.locator("main")).to_contain_text("años")
    expect(page.locator(".bar-chart .bar-fill")).to_have_count(1)
    shot(tab, "es-solidarity-strike-mineros_staff")
    tab.goto(target.get_absolute_url())
    expect(page.locator("main")).to_contain_text(  # 1 000: grouped the Spanish way
        re.compile(
            r"Firmaron 312 de 1\s000 trabajadores cubiertos: se requiere el 30%, alcanzado\."
        )
    )
    expect(page.locator("main")).to_contain_text("Juana Obrera")  # she is on the team
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(tab, "es-solidarity-organizing-mineros_staff")
    tab.goto("/solidarity/")
    heading(tab, es("Solidarity and organizing"))
    shot(tab, "es-solidarity-hub-mineros_staff")
    tab.assert_clean()
