"""Machine drafts and the glossary, walked in the browser: the USW's staff asks the
unions' translation server (a stand-in here) for drafts of the board's description; a
Spanish reader on a phone sees the draft marked until it is approved; the glossary in
French on a phone; and a page that says its reader's language has no translation."""

import re

import pytest
from playwright.sync_api import expect

from alianza.accounts.models import User
from alianza.multilingual.models import Translation
from alianza.multilingual.tests.standin import server  # noqa: F401 (fixture)

from .conftest import login, shot, switch_language

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def _glossary(bworld):
    """The reviewed glossary (a committed test database starts without the data
    migration's rows)."""
    from alianza.multilingual import demo

    demo.load()


def test_drafts_by_machine_then_approved_on_a_phone(bworld, open_tab, server):  # noqa: F811
    w = bworld
    w.ieb.description = "The board hears every grievance before arbitration."
    w.ieb.save()
    staff = w["usw_staff"]
    tab = open_tab(viewport=PHONE)
    login(tab, staff, totp=True)
    tab.goto(w.ieb.get_absolute_url())
    page = tab.page
    with page.expect_navigation():
        page.get_by_role("button", name="Draft the other languages by machine").click()
    expect(page.locator(".alert-success, .alert-info").first).to_contain_text(
        "Machine translation drafts were saved"
    )
    spanish = Translation.objects.get(language="es", field="description")
    assert spanish.machine and "queja" in spanish.text and "arbitraje" in spanish.text
    switch_language(tab, "es")
    draft = page.locator(".multilingual").first
    expect(draft).to_contain_text("queja")
    expect(draft.locator(".machine-translation")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(tab, "machine-draft-es-phone")
    with page.expect_navigation():
        draft.locator("form[action*='approve'] button").click()
    expect(
        page.locator(".multilingual").first.locator(".machine-translation")
    ).to_have_count(0)
    spanish.refresh_from_db()
    assert not spanish.machine and spanish.translated_by == staff
    shot(tab, "machine-draft-approved-es-phone")
    tab.assert_clean()


def test_the_server_down_is_said_and_nothing_saved(bworld, open_tab, server):  # noqa: F811
    server.mode = "error"
    w = bworld
    w.ieb.description = "The board meets in Pittsburgh."
    w.ieb.save()
    tab = open_tab(viewport=PHONE)
    login(tab, w["usw_staff"], totp=True)
    tab.goto(w.ieb.get_absolute_url())
    with tab.page.expect_navigation():
        tab.page.get_by_role(
            "button", name="Draft the other languages by machine"
        ).click()
    expect(tab.page.locator(".alert-danger").first).to_contain_text("Nothing was saved")
    assert not Translation.objects.exists()


def test_the_glossary_in_french_on_a_phone(bworld, open_tab):
    reader = bworld["usw_member"]
    User.objects.filter(pk=reader.pk).update(language="fr")
    tab = open_tab(viewport=PHONE, locale="fr-CA")
    login(tab, reader)
    tab.goto("/glossary/")
    table = tab.page.locator("table.glossary")
    expect(table).to_contain_text("convention collective")
    expect(table).to_contain_text("section locale")
    # A member reads it; only a union's administrators and staff change it.
    expect(tab.page.locator("textarea[name=note]")).to_have_count(0)
    shot(tab, "glossary-fr-phone")
    tab.assert_clean()


def test_no_translation_is_said_in_a_spanish_page(bworld, open_tab):
    """The IEB's description is English only: a Spanish reader is told so."""
    w = bworld
    w.ieb.description = "The union's governing body between conventions."
    w.ieb.save()
    reader = w["usw_staff"]
    User.objects.filter(pk=reader.pk).update(language="es")
    tab = open_tab(viewport=PHONE, locale="es-MX")
    login(tab, reader, totp=True)
    tab.goto(w.ieb.get_absolute_url())
    notice = tab.page.locator(".no-translation").first
    expect(notice).to_be_visible()
    expect(notice).to_have_attribute("lang", "es")
    expect(notice).to_contain_text(re.compile("español"))
    shot(tab, "no-translation-es-phone")
    tab.assert_clean()
