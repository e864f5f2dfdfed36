"""Walks through the real pages in headless Chromium, as the conftest personas.

Run with ``.venv/bin/pytest -m browser -p no:xdist tests/browser -q``. Screenshots
land in ``test-artifacts/screenshots/`` as ``<language>-<page>-<persona>.png``.
"""

import warnings

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from alianza.orgs.roles import Role
from conftest import make_user

from .conftest import (
    PASSWORD,
    Tab,
    es,
    heading,
    login,
    nav,
    open_menu,
    shot,
    switch_language,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def html_lang(tab: Tab, code: str) -> None:
    expect(tab.page.locator("html")).to_have_attribute("lang", code)


def spanish(tab: Tab, msgid: str, missing: list[str], where=None) -> None:
    """``where`` (default: the page) shows the Spanish for ``msgid``; a msgid the
    Spanish catalogue still lacks is noted in ``missing`` instead."""
    text = es(msgid)
    if text is None:
        missing.append(msgid)
        return
    expect(where or tab.page.locator("body")).to_contain_text(text)


def test_english_walk_as_usw_staff(bworld, open_tab):
    tab = open_tab()
    page = tab.page
    login(tab, bworld["usw_staff"], totp=True)
    assert page.url == tab.base_url + "/"
    html_lang(tab, "en")
    heading(tab, "Welcome, Sam Staff")
    expect(
        page.get_by_role("heading", name="My organisations and roles")
    ).to_be_visible()
    shot(tab, "en-dashboard-usw_staff")

    nav(tab, "Organisations")
    heading(tab, "Organisations")
    expect(page.locator("table")).to_contain_text("Sindicato Nacional de Trabajadores")
    shot(tab, "en-organisations-usw_staff")
    with page.expect_navigation():
        page.get_by_role("link", name="United Steelworkers").click()
    heading(tab, "United Steelworkers")
    expect(page.get_by_role("heading", name="Units")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Local 915")
    shot(tab, "en-organisation-usw-usw_staff")

    nav(tab, "People")
    heading(tab, "People")
    expect(page.locator("table")).to_contain_text("Olga Officer")
    shot(tab, "en-people-usw_staff")
    with page.expect_navigation():
        page.get_by_role("link", name="Olga Officer").click()
    heading(tab, "Olga Officer")
    expect(page.get_by_role("heading", name="Memberships and roles")).to_be_visible()
    expect(page.locator("main")).to_contain_text("District 12")
    shot(tab, "en-person-usw_staff")

    nav(tab, "Bodies")
    heading(tab, "Bodies")
    listing = page.locator("table")
    expect(listing).to_contain_text("International Executive Board")
    expect(listing).to_contain_text("Joint Commission")
    # The Los Mineros executive committee is none of USW staff's business.
    expect(listing).not_to_contain_text("Comité Ejecutivo Nacional")
    shot(tab, "en-bodies-usw_staff")
    with page.expect_navigation():
        page.get_by_role("link", name="International Executive Board").click()
    heading(tab, "International Executive Board")
    expect(page.get_by_role("heading", name="Seats")).to_be_visible()
    expect(page.locator("table")).to_contain_text("Alex Admin")
    shot(tab, "en-body-ieb-usw_staff")

    nav(tab, "Joint spaces")
    heading(tab, "Joint spaces")
    shot(tab, "en-spaces-usw_staff")
    with page.expect_navigation():
        page.get_by_role("link", name="Solidarity Alliance").click()
    heading(tab, "Solidarity Alliance")
    participants = page.locator("main .list-group").first
    expect(participants).to_contain_text("United Steelworkers")
    expect(participants).to_contain_text("Sindicato Nacional de Trabajadores Mineros")
    shot(tab, "en-space-usw_staff")

    nav(tab, "Invitations")
    heading(tab, "Invitations")
    expect(page.get_by_role("button", name="Send the invitation")).to_be_visible()
    shot(tab, "en-invitations-usw_staff")

    # API tokens, from the account menu: the secret is shown once, then never.
    nav(tab, "API tokens")
    heading(tab, "Personal API tokens")
    expect(page.locator("table")).to_contain_text("No tokens.")
    page.fill("input[name=name]", "district spreadsheet")
    with page.expect_navigation():
        page.get_by_role("button", name="Create a token").click()
    secret_box = page.locator("#new-token")
    expect(secret_box).to_be_visible()
    secret = secret_box.inner_text().strip()
    assert len(secret) >= 20, secret
    expect(page.locator("table")).to_contain_text("district spreadsheet")
    shot(tab, "en-tokens-created-usw_staff")
    tab.goto("/accounts/tokens/")
    expect(page.locator("table")).to_contain_text("district spreadsheet")
    expect(page.locator("#new-token")).to_have_count(0)
    assert secret not in page.content()
    shot(tab, "en-tokens-usw_staff")

    tab.assert_clean()


def test_spanish_walk_as_mineros_staff(bworld, open_tab):
    user = bworld["mineros_staff"]
    # Start from English so that the switch, and remembering it, can be seen.
    user.language = "en"
    user.save(update_fields=["language"])
    tab = open_tab()
    page = tab.page
    missing: list[str] = []

    login(tab, user, totp=True)
    html_lang(tab, "en")
    switch_language(tab, "es")
    assert page.url == tab.base_url + "/"
    html_lang(tab, "es")
    expect(page.locator("#language-switch option:checked")).to_have_text("Español")
    navbar = page.locator("nav.navbar")
    for msgid in ["Organisations", "Bodies", "Joint spaces", "People", "Employers"]:
        spanish(tab, msgid, missing, navbar)
    spanish(tab, "My organisations and roles", missing)
    user.refresh_from_db()
    assert user.language == "es"
    assert user.person.preferred_language == "es"
    shot(tab, "es-dashboard-mineros_staff")

    rosa = bworld.rank_and_file
    walk = [
        ("organisations", "/organisations/", "Organisations"),
        ("organisation-mineros", "/organisations/los-mineros/", "Units"),
        ("people", "/people/", "People"),
        ("person", f"/people/{rosa.pk}/", "Memberships and roles"),
        ("bodies", "/bodies/", "Bodies"),
        ("spaces", "/spaces/", "Joint spaces"),
        ("space", "/spaces/solidarity-alliance/", "Participants"),
        ("invitations", "/invitations/", "Invitations"),
        ("tokens", "/accounts/tokens/", "Personal API tokens"),
    ]
    for name, path, msgid in walk:
        response = tab.goto(path)
        assert response.status == 200, path
        assert response.headers.get("content-language") == "es", path
        html_lang(tab, "es")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        spanish(tab, msgid, missing)
        shot(tab, f"es-{name}-mineros_staff")
    # The data stays in the language it was written in.
    tab.goto(f"/people/{rosa.pk}/")
    heading(tab, "Rosa Base")
    expect(page.locator("main")).to_contain_text("Sección 201")

    # The executive committee: the USW observer's seat speaks but does not vote.
    tab.goto(f"/bodies/{bworld.nec.pk}/")
    html_lang(tab, "es")
    heading(tab, "Comité Ejecutivo Nacional")
    observer_row = page.locator("tbody tr", has_text="Otto Observer")
    expect(observer_row.locator(".rights .badge")).to_have_count(3)
    expect(observer_row.locator(".badge.text-bg-warning")).to_be_visible()
    spanish(tab, "does not vote", missing, observer_row.locator(".text-bg-warning"))
    spanish(tab, "speaks", missing, observer_row.locator(".text-bg-info"))
    spanish(tab, "not a member", missing, observer_row.locator(".text-bg-secondary"))
    shot(tab, "es-body-nec-mineros_staff")

    # Sign out: the sign-in page stays Spanish (the language cookie).
    open_menu(tab, account=True)
    with page.expect_navigation():
        page.locator("form[action$='/accounts/logout/'] button").click()
    assert "/accounts/login/" in page.url
    html_lang(tab, "es")
    expect(page.locator("#language-switch option:checked")).to_have_text("Español")
    spanish(tab, "Sign in to Alianza", missing, page.get_by_role("heading", level=1))
    shot(tab, "es-login-anonymous")
    tab.assert_clean()

    # A fresh browser (no language cookie, English locale): the account remembers.
    fresh = open_tab(locale="en-US")
    login(fresh, user, totp=True)
    assert fresh.page.url == fresh.base_url + "/"
    html_lang(fresh, "es")
    spanish(fresh, "Organisations", missing, fresh.page.locator("nav.navbar"))
    shot(fresh, "es-dashboard-again-mineros_staff")
    fresh.assert_clean()
    if missing:
        warnings.warn(
            "Spanish catalogue lacks: " + ", ".join(sorted(set(missing))), stacklevel=1
        )


def test_phone_walk_as_member(bworld, open_tab):
    tab = open_tab(viewport=PHONE, locale="es-MX")
    page = tab.page
    login(tab, bworld["member"])
    assert page.url == tab.base_url + "/"
    html_lang(tab, "es")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mario Miembro")
    expect(page.locator("main")).to_contain_text("Sección 65")

    links = page.locator("#main-nav ul.me-auto .nav-link")
    grouped = page.locator("#main-nav ul.me-auto .dropdown-item")
    toggler = page.locator(".navbar-toggler")
    expect(toggler).to_be_visible()
    expect(links.first).to_be_hidden()
    shot(tab, "es-phone-dashboard-member")
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#main-nav")).to_have_class("navbar-collapse collapse show")
    expect(links.first).to_be_visible()
    # Five entries, two of them groups; a rank-and-file member sees no People
    # entry nor Contracts (and no tools in the account menu).
    expect(links).to_have_count(5)
    expect(grouped).to_have_count(6)
    expect(grouped.filter(has_text="Personas")).to_have_count(0)
    links.filter(has_text=es("Alliance")).click()
    expect(grouped.filter(has_text=es("Joint spaces"))).to_be_visible()
    expect(page.locator("#language-switch")).to_be_visible()
    shot(tab, "es-phone-menu-member")

    for name, path in [
        ("bodies", "/bodies/"),
        ("body-nec", f"/bodies/{bworld.nec.pk}/"),
        ("organisation-mineros", "/organisations/los-mineros/"),
    ]:
        tab.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} scrolls sideways ({width}px)"
        shot(tab, f"es-phone-{name}-member")
    tab.assert_clean()


def test_observer_sees_seat_and_outsider_is_refused(bworld, open_tab):
    tab = open_tab()
    page = tab.page
    login(tab, bworld["observer"], totp=True)
    seats = page.locator("section[aria-labelledby=my-seats]")
    expect(seats).to_contain_text("Comité Ejecutivo Nacional")
    expect(seats).to_contain_text("As an observer you may speak but not vote")
    shot(tab, "en-dashboard-observer")

    with page.expect_navigation():
        seats.get_by_role("link", name="Comité Ejecutivo Nacional").click()
    assert page.url == f"{tab.base_url}/bodies/{bworld.nec.pk}/"
    heading(tab, "Comité Ejecutivo Nacional")
    row = page.locator("tbody tr", has_text="Otto Observer")
    expect(row).to_contain_text("USW")
    expect(row.locator(".rights .badge")).to_have_text(
        ["speaks", "does not vote", "not a member"]
    )
    expect(row.locator(".rights .badge.text-bg-warning")).to_be_visible()
    voting_rows = page.locator("tbody tr", has_text="Miembro")
    expect(voting_rows).to_have_count(3)
    expect(voting_rows.first.locator(".badge.text-bg-success")).to_have_text("votes")
    # An observer does not manage the body: no seat forms.
    expect(page.get_by_role("button", name="Vacate")).to_have_count(0)
    shot(tab, "en-body-nec-observer")
    tab.assert_clean()

    outsider = open_tab()
    # Django's bare default 403 page (there is no templates/403.html) has no
    # <link rel=icon>, so Chromium then asks for /favicon.ico: a 404.
    outsider.allowed_statuses.update({403, 404})
    login(outsider, bworld["outsider"])
    expect(outsider.page.locator("main")).to_contain_text("You have no role")
    rosa = bworld.rank_and_file
    # A record she may not see is not admitted to exist: 404, not 403.
    response = outsider.goto(f"/people/{rosa.pk}/")
    assert response.status == 404
    expect(outsider.page.get_by_role("heading").first).to_be_visible()
    body = outsider.page.content()
    assert "Rosa Base" not in body and "+52 645" not in body
    shot(outsider, "en-person-404-outsider")
    outsider.assert_clean()


def test_staff_without_authenticator_must_set_up_two_factor(bworld, open_tab):
    user = make_user(
        "nofactor@usw.test", "Nadia Nofactor", [(bworld.usw, Role.STAFF, None)]
    )
    Authenticator.objects.filter(user=user).delete()
    tab = open_tab()
    page = tab.page
    login(tab, user)
    if "/accounts/reauthenticate/" in page.url:
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation():
            page.press("input[name=password]", "Enter")
    assert "/accounts/2fa/" in page.url
    assert "/accounts/2fa/totp/activate/" in page.url
    expect(page.locator("input[name=code]")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shot(tab, "en-mfa-required-usw_staff_without_authenticator")

    # Nothing else opens until the second factor is on.
    for path in ["/organisations/", "/people/", "/accounts/tokens/"]:
        tab.goto(path)
        assert "/accounts/2fa/totp/activate/" in page.url, path
    assert not Authenticator.objects.filter(user=user).exists()
    tab.assert_clean()
