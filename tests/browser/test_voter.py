"""A voter's walk, in Spanish on a 390-px phone, signed in nowhere: the vote's public
page with the agreement's text, the booth with a mistyped code, then a ballot cast,
after which the booth is locked and the tracker is shown in groups to write down, and
the public board that finds it by those groups and names its events in words."""

import re

import pytest
from playwright.sync_api import expect

from alianza.elections.tests.helpers import new_election, ready_to_vote
from alianza.elections.tests.test_pages import _with_document

from .conftest import es, shot

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
CHEATED = (
    "This ballot was NOT encrypted as you chose. Do not vote on this device: tell "
    "the election's administrator."
)
BAD_CODE = (
    "This code is not right: it has 20 letters and digits, as on your letter. Check "
    "each one (capital and small letters differ; there is no 0, O, I or l)."
)


@pytest.fixture
def vote(bworld):
    election = new_election(
        bworld, kind="contract_revision", voters=3, covered=3,
        place="Casa sindical de la Sección 65, Cananea", **_with_document(bworld),
    )  # fmt: skip
    parties = ready_to_vote(bworld, election)
    return election, parties["secrets"]


def test_the_public_page_of_a_vote_links_the_agreement(vote, open_tab):
    election, _secrets = vote
    tab = open_tab(viewport=PHONE, locale="es-MX")
    tab.goto(f"/elections/{election.uid}/notice/")
    page = tab.page
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text(election.title)
    link = page.locator("[data-agreement] a")
    expect(link).to_be_visible()
    text = page.request.get(tab.base_url + link.get_attribute("href"))
    assert text.status == 200 and text.body() == b"%PDF-1.4 contrato"
    expect(page.locator("[data-opens]")).to_contain_text(
        "hora de México (Ciudad de México)"
    )
    expect(page.locator("main")).to_contain_text("Casa sindical de la Sección 65")
    shot(tab, "es-phone-vote-public-page")
    tab.assert_clean()


def test_the_booth_after_casting_in_spanish_on_a_phone(vote, open_tab):
    election, secrets = vote
    tab = open_tab(viewport=PHONE, locale="es-MX")
    tab.goto(f"/elections/{election.uid}/vote/")
    page = tab.page
    expect(page.locator("html")).to_have_attribute("lang", "es")
    form = page.locator("#booth")

    # A mistyped code: the booth says so in the page's words, not votecore's.
    page.fill("#code", "0OIl" * 5)
    page.locator("#answer-0").check()
    page.locator("[data-action=encrypt]").click()
    said = page.locator("[data-error]").inner_text()
    expected = page.locator('template[data-text="bad-code"]').inner_html().strip()
    assert said == expected and "base-58" not in said
    spanish = es(BAD_CODE)
    if spanish is not None:  # once the catalogue has it, the voter reads Spanish
        assert said == spanish

    page.fill("#code", next(iter(secrets.values())))
    page.locator("[data-action=encrypt]").click()
    expect(form.locator("[data-step=review]")).to_be_visible()
    page.locator("[data-action=cast]").click()
    done = form.locator("[data-step=done]")
    expect(done).to_be_visible()

    # Locked: the code, the choices and every button are gone; one link is left.
    for gone in ("#code", "#answer-0", "[data-action=encrypt]", "[data-action=cast]",
                 "[data-action=audit]"):  # fmt: skip
        expect(form.locator(gone)).to_be_hidden()
    expect(form.locator("button:visible")).to_have_count(0)
    expect(form.locator("a:visible")).to_have_count(1)
    check = form.locator("[data-board-link]")
    expect(check).to_be_visible()

    full = done.locator("[data-tracker-full]").text_content()
    assert re.fullmatch(r"[0-9a-f]{64}", full)
    groups = done.locator("[data-tracker]").inner_text()
    assert groups == " ".join(full[i : i + 4] for i in range(0, 16, 4))
    expect(done.locator("[data-tracker-full]")).to_be_hidden()
    shot(tab, "es-phone-booth-after-casting")
    done.locator("summary").click()  # the whole tracker, one tap away
    expect(done.locator("[data-tracker-full]")).to_be_visible()

    # The board finds the ballot by the groups written down; its events in words.
    tab.goto(f"/elections/{election.uid}/board/?tracker={groups.upper()}")
    expect(page.locator("[data-found]")).to_have_text(full)
    table = page.locator("table")
    expect(table).not_to_contain_text(re.compile(r"^ballot$", re.M))
    ballot_words = es("A ballot")
    if ballot_words is not None:
        expect(table).to_contain_text(ballot_words)
    shot(tab, "es-phone-board-found")
    tab.assert_clean()


@pytest.mark.parametrize("cheats", [False, True])
def test_the_booth_checks_an_audited_ballot_and_says_what_it_said(
    vote, open_tab, cheats
):
    """An honest booth says the audited ballot said the voter's choice; a booth
    whose encryption was tampered with (it encrypts the other answer) is caught by
    the check of the revealed randomness, and says so."""
    election, secrets = vote
    tab = open_tab(viewport=PHONE, locale="es-MX")
    page = tab.page
    if cheats:

        def tampered(route) -> None:
            source = route.fetch().text()
            honest = "const ct = [base(r), small(picks[a]).add(mul(y, r))];"
            assert source.count(honest) == 1
            cheat = "const ct = [base(r), small(1 - picks[a]).add(mul(y, r))];"
            route.fulfill(
                body=source.replace(honest, cheat),
                headers={"content-type": "text/javascript"},
            )

        page.route("**/booth/votecore.js", tampered)
    tab.goto(f"/elections/{election.uid}/vote/")
    page.fill("#code", next(iter(secrets.values())))
    page.locator("#answer-0").check()
    page.locator("[data-action=encrypt]").click()
    expect(page.locator("[data-step=review]")).to_be_visible()
    page.locator("[data-action=audit]").click()
    verdict = page.locator("[data-audit-verdict]")
    if cheats:
        expect(verdict).to_have_class("alert alert-danger")
        expect(verdict).to_have_text(es(CHEATED) or CHEATED)
        shot(tab, "es-phone-booth-audit-caught")
    else:
        expect(verdict).to_have_class("alert alert-success")
        expect(verdict).to_contain_text(election.answers[0])
        expect(verdict).not_to_contain_text(election.answers[1])
        shot(tab, "es-phone-booth-audit-checked")
    tab.assert_clean()
