"""Members first, in the demo world, on a phone: a Sección 65 member (Los Mineros,
on strike at Cananea since 2007) reads her home in Spanish and finds her section's
strike and the campaigns open to Los Mineros' members; a Quebec Steelworker reads
hers in French and finds the USW's campaigns and request open to its members, and
nothing of Los Mineros' that is for Los Mineros' members only.

Run with ``python3 bootstrap.py browser -q -k member_audiences``. Screenshots:
``es-phone-member-audiences-*.png`` and ``fr-phone-member-audiences-*.png`` in
``test-artifacts/screenshots/``.
"""

import pytest
from playwright.sync_api import expect

from .conftest import shot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SECTION_65_MEMBER = "r.valenzuela@mineros.example"
QUEBEC_STEELWORKER = "s.gagnon@usw.example"


def test_a_section_65_member_and_a_quebec_steelworker_see_what_is_open_to_them(
    demo_world, open_tab
):
    # Ramón Valenzuela, Sección 65, in Spanish on his phone.
    tab = open_tab(viewport=PHONE, locale="es-MX")
    page = tab.page
    demo_world.sign_in(tab, SECTION_65_MEMBER)
    assert page.locator("html").get_attribute("lang") == "es"
    strikes = page.locator("#my-strikes")
    expect(strikes).to_be_visible()
    assert "Sección 65" in strikes.inner_text()
    campaigns = page.locator("#my-campaigns").inner_text()
    assert "Justicia para el Río Sonora" in campaigns
    assert "Justicia para Pasta de Conchos" in campaigns
    # The strikes' campaign stays with Los Mineros' leaders.
    assert "Las huelgas de Cananea" not in campaigns
    # Nothing of the USW's is on a Los Mineros member's home.
    assert "ASARCO" not in page.locator("#my-solidarity").inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the home is {width} px wide"
    shot(tab, "es-phone-member-audiences-home")

    # His strike's page says who sees it; the hub lists the strike too.
    with page.expect_navigation():
        strikes.locator("a").first.click()
    expect(page.locator(".visibility-panel")).to_be_visible()
    shot(tab, "es-phone-member-audiences-strike")
    tab.goto("/solidarity/")
    assert "Sección 65" in page.locator("#strikes").locator("..").inner_text()
    tab.assert_clean()

    # Sylvie Gagnon, District 5 (Syndicat des Métallos), in French on her phone.
    tab = open_tab(viewport=PHONE, locale="fr-CA")
    page = tab.page
    demo_world.sign_in(tab, QUEBEC_STEELWORKER)
    assert page.locator("html").get_attribute("lang") == "fr"
    campaigns = page.locator("#my-campaigns").inner_text()
    assert "Négociation avec ASARCO dans cinq sections locales" in campaigns
    expect(page.locator("#my-requests")).to_be_visible()
    # Los Mineros' strikes are for Los Mineros' members: not on her home.
    assert page.locator("#my-strikes").count() == 0
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the home is {width} px wide"
    shot(tab, "fr-phone-member-audiences-home")
    tab.assert_clean()
