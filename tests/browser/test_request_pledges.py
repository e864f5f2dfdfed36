"""Requests and pledges as the alliance works, in headless Chromium on the demo world:
Los Mineros' international staff drafts a request to the five ASARCO locals of the
USW and shares the draft with the USW; the USW's international staff translates and
vets it; Los Mineros publish it; the officers of two locals pledge, each for her own
local, and are told by e-mail; the requesting page counts the pledges per local; a
Spanish-speaking member pledges to attend on a 390-px phone and finds it on her home.

Run with ``python3 bootstrap.py browser -q -k request_pledges``. Screenshots:
``*-request-pledges-*.png`` in ``test-artifacts/screenshots/``.
"""

import pytest
from django.core import mail
from playwright.sync_api import expect

from alianza.orgs.models import Organisation, Unit
from alianza.orgs.roles import Role
from alianza.solidarity.models import PersonalPledge, Pledge, SolidarityRequest
from conftest import make_user

from .conftest import Tab, login, shot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
MARIA = "maria.hernandez@mineros.example"  # Los Mineros, international affairs staff
JORDAN = "j.walker@usw.example"  # USW, director of international affairs
RAMON = "r.valenzuela@mineros.example"  # Los Mineros member, Sección 65 (Spanish)
LOCALS = [
    "Local 5101 (Hayden)",
    "Local 5102 (Kearny)",
    "Local 5103 (Mission)",
    "Local 5104 (Silver Bell)",
    "Local 5105 (Amarillo)",
]
TITLE = "Solidaridad con la huelga de Taxco"


def _translate(tab: Tab, req, field: str, text: str) -> None:
    """Open the fold of the field's translation form (inside the title's own fold
    for the title), write English, save."""
    page = tab.page
    inner = page.locator(f"details#tr-{field}-{req.pk}")
    if not inner.locator("summary").first.is_visible():
        page.locator("details", has=inner).first.locator("summary").first.click()
    inner.locator("summary").first.click()
    form = inner.locator("form")
    form.locator("select[name=language]").select_option("en")
    form.locator("textarea[name=text]").fill(text)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def _officer(unit_name: str, email: str, name: str):
    usw = Organisation.objects.get(slug="usw")
    unit = Unit.objects.get(organisation=usw, name=unit_name)
    return make_user(email, name, [(usw, Role.OFFICER, unit)]), unit


def test_a_request_to_five_locals_vetted_by_the_sister_union_and_pledged(
    demo_world, open_tab
):
    # 1. Los Mineros' staff drafts the request, asks the five ASARCO locals by name,
    #    lists an ask and shares the draft with the USW.
    tab = open_tab(locale="es-MX")
    page = tab.page
    demo_world.sign_in(tab, MARIA)
    tab.goto("/solidarity/requests/new/")
    page.locator("input[name=title]").fill(TITLE)
    page.locator("textarea[name=body]").fill(
        "La Sección 17 sigue en huelga en Taxco. Pedimos a los locales de ASARCO "
        "una delegación y una aportación al fondo de huelga."
    )
    for local in LOCALS:
        page.get_by_label(f"{local} (USW)", exact=True).check()
    # For the members too once published: they pledge themselves.
    page.locator("select[name=audience]").select_option("union")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    req = SolidarityRequest.objects.get(title=TITLE)
    assert sorted(u.name for u in req.units.all()) == LOCALS
    assert not req.audiences.exists()
    ask = page.locator("form[action$='/asks/']")
    page.locator("details", has=ask).locator("summary").click()
    ask.locator("select[name=kind]").select_option("delegation")
    ask.locator("input[name=description]").fill("Una delegación a Taxco")
    with page.expect_navigation():
        ask.locator("button[type=submit]").click()
    share = page.locator("form[action$='/share/']")
    page.locator("details", has=share).locator("summary").click()
    usw = Organisation.objects.get(slug="usw")
    share.locator("select[name=organisation]").select_option(str(usw.pk))
    with page.expect_navigation():
        share.locator("button[type=submit]").click()
    assert list(req.shared_with.values_list("slug", flat=True)) == ["usw"]
    # The author cannot vet her own request: no button for her.
    expect(page.locator("form[action$='/vet/']")).to_have_count(0)
    shot(tab, "es-request-pledges-draft-shared")
    tab.assert_clean()

    # 2. The USW's international staff translates it into English and vets it.
    tab2 = open_tab(locale="en-US")
    page2 = tab2.page
    demo_world.sign_in(tab2, JORDAN)
    tab2.goto(req.get_absolute_url())
    _translate(tab2, req, "body", "Section 17 is still on strike in Taxco. We ask the "
               "ASARCO locals for a delegation and a contribution to the strike fund.")  # fmt: skip
    _translate(tab2, req, "title", "Solidarity with the Taxco strike")
    with page2.expect_navigation():
        page2.locator("form[action$='/vet/'] button").click()
    req.refresh_from_db()
    assert req.is_vetted and req.vetted_by == demo_world.user(JORDAN)
    expect(page2.locator("form[action$='/publish/']")).to_have_count(0)  # not his
    shot(tab2, "en-request-pledges-vetted-by-usw-staff")
    tab2.assert_clean()

    # 3. Los Mineros publish it.
    tab.goto(req.get_absolute_url())
    with page.expect_navigation():
        page.locator("form[action$='/publish/'] button").click()
    req.refresh_from_db()
    assert req.is_published

    # 4. Two local officers pledge, each for her own local only.
    mail.outbox.clear()
    pledges = [
        ("Local 5101 (Hayden)", "o5101@usw.example", "Carla Ybarra", "delegation",
         "Three of us to Taxco", ""),
        ("Local 5102 (Kearny)", "o5102@usw.example", "Gloria Peña", "donation",
         "From our solidarity fund", "2000"),
    ]  # fmt: skip
    for local, email, name, kind, text, amount in pledges:
        officer, unit = _officer(local, email, name)
        tab3 = open_tab(locale="en-US")
        page3 = tab3.page
        login(tab3, officer, totp=True)
        tab3.goto(req.get_absolute_url())
        form = page3.locator("#pledge-form form")
        options = form.locator("select[name=pledge_for] option")
        expect(options).to_have_count(1)  # her local, not the others nor the USW
        expect(options.first).to_have_text(f"{local} (USW)")
        if kind == "delegation":
            form.locator("select[name=ask]").select_option(
                label="Una delegación a Taxco"
            )
        form.locator("select[name=kind]").select_option(kind)
        form.locator("input[name=description]").fill(text)
        if amount:
            form.locator("input[name=amount]").fill(amount)
            form.locator("select[name=currency]").select_option("USD")
        with page3.expect_navigation():
            form.locator("button[type=submit]").click()
        expect(page3.locator(".alert-success")).to_be_visible()
        made = Pledge.objects.get(request=req, unit=unit)
        assert made.pledged_by == officer and made.kind == kind
        # She made it: no one is told of her own act.
        assert not any(m.to == [email] for m in mail.outbox), "told of her own act"
        tab3.assert_clean()
    # The requesting union's leaders are told too.
    assert any(m.to == [MARIA] for m in mail.outbox)

    # 5. The requesting page counts the pledges per local.
    tab.goto(req.get_absolute_url())
    table = page.locator("#pledges-by-unit")
    expect(table).to_contain_text("Local 5101 (Hayden) (USW)")
    expect(table).to_contain_text("Local 5102 (Kearny) (USW)")
    expect(table).to_contain_text("1 donativo, 2.000,00 US$")  # her locale
    expect(table).to_contain_text("1 delegación")
    shot(tab, "es-request-pledges-per-local")
    tab.assert_clean()

    # 6. A Spanish-speaking member pledges to attend, on her phone, and finds her
    #    pledge on her home.
    phone = open_tab(viewport=PHONE, locale="es-MX")
    ppage = phone.page
    demo_world.sign_in(phone, RAMON)
    phone.goto(req.get_absolute_url())
    mine = ppage.locator("form[action$='/my-pledges/']")
    mine.locator("input[name=kind][value=attend]").check()
    mine.locator("input[name=note]").fill("Voy con dos compañeros")
    with ppage.expect_navigation():
        mine.locator("button[type=submit]").click()
    assert PersonalPledge.objects.get(request=req).kind == "attend"
    scroll = ppage.evaluate("document.documentElement.scrollWidth")
    assert scroll <= PHONE["width"], "the request page scrolls sideways on a phone"
    shot(phone, "es-phone-request-pledges-member-pledged")
    phone.goto("/")
    home = ppage.locator("#my-pledges")
    expect(home).to_contain_text("Solidaridad con la huelga de Taxco")
    expect(home.locator("a").first).to_have_attribute("href", req.get_absolute_url())
    assert ppage.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(phone, "es-phone-request-pledges-member-home")
    phone.assert_clean()
