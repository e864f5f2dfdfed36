"""Contracts in headless Chromium: the side-by-side comparison in Spanish (a Los
Mineros officer comparing Section 65's agreement with a USW local's at ASARCO) and
the ASARCO bargaining tracker with the five demands of seed 002.

Screenshots: ``test-artifacts/screenshots/es-contracts-compare-mineros_officer.png``,
``…-phone.png``, ``en-contracts-tracker-usw_officer.png`` and
``en-contracts-search-other-languages-usw_staff.png`` (and ``…-phone.png``).
"""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from playwright.sync_api import expect

from alianza.contracts.actions import add_agreement, add_wage
from alianza.contracts.demo import asarco_round
from alianza.contracts.demo_texts import HAYDEN, SECTION_65
from alianza.contracts.models import ExchangeRate, Topic
from alianza.spaces.actions import share_record

from .conftest import heading, login, nav, shot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def es(msgid: str) -> str:
    with translation.override("es"):
        text = translation.gettext(msgid)
    assert text != msgid, f"the Spanish catalogue lacks {msgid!r}"
    return text


@pytest.fixture
def contracts(bworld):
    w = bworld
    hayden = add_agreement(
        w["usw_staff"], w.usw, employer=w.asarco, unit=w.local, worksites=[w.hayden],
        title="ASARCO – USW Local 915 (Hayden smelter)", language="en", country="US",
        effective_on=date(2014, 7, 1), expires_on=date(2018, 6, 30),
        annual_increases=[Decimal("3.0"), Decimal("2.5"), Decimal("2.5"), Decimal("2.0")],
        text=HAYDEN,
    )  # fmt: skip
    section65 = add_agreement(
        w["mineros_staff"], w.mineros, employer=w.grupo, unit=w.section65,
        worksites=[w.cananea], title="Contrato colectivo Sección 65 (Cananea)",
        language="es", country="MX", effective_on=date(2025, 1, 15),
        expires_on=date(2027, 1, 14), annual_increases=[Decimal("8"), Decimal("7")],
        registry_number="CFCRL/CCT/SON/2025/000065", legitimation="legitimated",
        text=SECTION_65,
    )  # fmt: skip
    for agreement, user, rows in [
        (hayden, "usw_staff", [("Smelter operator", "27.85", "USD", "hour", "1"),
                               ("Maintenance mechanic", "31.20", "USD", "hour", "1")]),
        (section65, "mineros_staff", [("Operador de acarreo", "780", "MXN", "day", "8"),
                                      ("Mecánico", "845", "MXN", "day", "8")]),
    ]:  # fmt: skip
        for classification, amount, currency, per, hours in rows:
            add_wage(
                w[user], agreement, classification=classification,
                amount=Decimal(amount), currency=currency, per=per,
                hours=Decimal(hours), effective_on=agreement.effective_on,
            )  # fmt: skip
    ExchangeRate.objects.create(
        currency="MXN", valid_on=date(2025, 1, 2), usd_per_unit=Decimal("0.0485")
    )
    share_record(w["usw_staff"], hayden, w.alliance)
    return hayden, section65


def test_side_by_side_comparison_in_spanish(bworld, contracts, open_tab):
    hayden, section65 = contracts
    tab = open_tab(locale="es-MX")
    page = tab.page
    login(tab, bworld["mineros_officer"], totp=True)
    nav(tab, es("Contracts"))
    heading(tab, es("Collective agreements"))
    expect(page.get_by_role("link", name=hayden.title)).to_be_visible()

    page.get_by_role("link", name=es("Compare"), exact=True).click()
    heading(tab, es("Compare agreements"))
    page.locator("#id_topic").select_option(Topic.LEAVE)
    page.get_by_label(hayden.title).check()
    page.get_by_label(section65.title).check()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    columns = page.locator(".compare-columns section")
    expect(columns).to_have_count(2)
    expect(columns.first).to_contain_text("Family medical emergency")
    expect(columns.nth(1)).to_contain_text("emergencia médica de un familiar")
    expect(page.get_by_role("heading", name=es("Leave and absences"))).to_be_visible()
    expect(page.locator("main")).to_contain_text("4,73")  # 780 MXN / 8 h at 0.0485
    charts = page.locator("svg.contracts-chart")
    expect(charts).to_have_count(2)  # wages per hour, average increases
    expect(charts.first.locator("rect.chart-bar")).to_have_count(4)
    expect(page.get_by_role("heading", name=es("Settlements"))).to_be_visible()
    shot(tab, "es-contracts-compare-mineros_officer")

    phone = open_tab(viewport=PHONE, locale="es-MX")
    login(phone, bworld["mineros_officer"], totp=True)
    phone.goto(page.url.replace(tab.base_url, ""))
    expect(phone.page.locator(".compare-columns section")).to_have_count(2)
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the comparison scrolls sideways ({width}px)"
    shot(phone, "es-contracts-compare-mineros_officer-phone")
    tab.assert_clean()
    phone.assert_clean()


def test_the_asarco_tracker(bworld, contracts, open_tab):
    hayden, _section65 = contracts
    bargaining_round = asarco_round(hayden)
    tab = open_tab()
    page = tab.page
    login(tab, bworld["usw_officer"], totp=True)
    tab.goto(hayden.get_absolute_url())
    heading(tab, hayden.title)
    shot(tab, "en-contracts-agreement-usw_officer")
    with page.expect_navigation():
        page.get_by_role("link", name=bargaining_round.title).click()
    heading(tab, bargaining_round.title)
    cards = page.locator("article.card")
    expect(cards).to_have_count(8)
    for demand in [
        "Drug and alcohol testing at random",
        "A new points-based attendance policy",
        "Fewer absences for a family medical emergency",
        "End the labor-management civil rights committees",
        "Radical changes to the grievance procedure",
    ]:
        card = cards.filter(has_text=demand)
        expect(card).to_contain_text("Concession")
        expect(card).to_contain_text("Employer")
    expect(page.locator("main")).to_contain_text("5 concessions")
    expect(page.locator("main")).to_contain_text("2 gains")
    # The current language beside the demand: five days today, two demanded.
    leave = cards.filter(has_text="Fewer absences for a family medical emergency")
    expect(leave).to_contain_text("up to five days")
    expect(leave).to_contain_text("up to two days")

    attendance = cards.filter(has_text="A new points-based attendance policy")
    attendance.locator("select[name=status]").select_option("withdrawn")
    attendance.locator("input[name=note]").fill("Dropped after the strike vote")
    with page.expect_navigation():
        attendance.get_by_role("button", name="Update").click()
    expect(page.locator(".alert-success")).to_be_visible()
    expect(
        page.locator("ol").filter(has_text="Dropped after the strike vote")
    ).to_be_visible()
    shot(tab, "en-contracts-tracker-usw_officer")
    tab.assert_clean()


def test_search_and_agreement_page_in_spanish(bworld, contracts, open_tab):
    _hayden, section65 = contracts
    tab = open_tab(viewport=PHONE, locale="es-MX")
    page = tab.page
    login(tab, bworld["mineros_officer"], totp=True)
    tab.goto("/contracts/search/?q=emergencias+m%C3%A9dicas")
    heading(tab, es("Search the agreements"))
    hits = page.locator("main ol li")
    expect(hits.first.locator("mark").first).to_be_visible()
    expect(page.locator("main")).to_contain_text("emergencia médica")
    shot(tab, "es-contracts-search-mineros_officer-phone")

    tab.goto(section65.get_absolute_url())
    heading(tab, section65.title)
    expect(page.locator("main")).to_contain_text("CFCRL/CCT/SON/2025/000065")
    expect(page.locator("main")).to_contain_text(es("Legitimated by the workers' vote"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the agreement page scrolls sideways ({width}px)"
    shot(tab, "es-contracts-agreement-mineros_officer-phone")
    tab.assert_clean()


def test_search_finds_the_same_topic_in_the_other_languages(
    bworld, contracts, open_tab
):
    """USW staff type the Spanish word: Los Mineros' shared clauses that hold it come
    first, then the US seniority clause, saying why it was found."""
    hayden, section65 = contracts
    share_record(bworld["mineros_staff"], section65, bworld.alliance)
    for viewport, suffix in ((None, ""), (PHONE, "-phone")):
        tab = open_tab(viewport=viewport)
        page = tab.page
        login(tab, bworld["usw_staff"], totp=True)
        tab.goto("/contracts/search/?q=Antiguedad")
        heading(tab, "Search the agreements")
        expect(page.locator("main")).to_contain_text("3 clauses found")
        across = page.locator("main section").filter(has_text="In the other languages")
        expect(across.get_by_role("heading")).to_have_text(
            "In the other languages · Same topic: Seniority"
        )
        expect(across.locator("li")).to_have_count(1)
        expect(across.locator("li")).to_contain_text(hayden.title)
        expect(across.locator("li mark").first).to_have_text("Seniority")
        if viewport:
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"the search scrolls sideways ({width}px)"
        shot(tab, f"en-contracts-search-other-languages-usw_staff{suffix}")
        tab.assert_clean()
