"""The polling station's kiosk, in Spanish on a tablet: one booth, many workers.
A worker types his code, chooses, encrypts and walks away without casting; the
booth warns, counts down and clears itself; the next worker finds nothing of his
(no code, no choice, no ballot to cast) and votes with her own code. A ballot
encrypted under one code is never cast under another, and an audit is not left
for the next worker to read."""

import pytest
from playwright.sync_api import expect

from alianza.elections.tests.helpers import new_election, ready_to_vote

from .conftest import shot

pytestmark = pytest.mark.browser
TABLET = {"width": 800, "height": 1100}
IDLE, WARNING, RECEIPT = 10, 4, 4  # seconds; 90, 20, 20 at a real polling station


@pytest.fixture
def kiosk(bworld, settings, open_tab):
    settings.KIOSK_IDLE_SECONDS = IDLE
    settings.KIOSK_WARNING_SECONDS = WARNING
    settings.KIOSK_RECEIPT_SECONDS = RECEIPT
    election = new_election(bworld, voters=3)
    parties = ready_to_vote(bworld, election)
    voters = list(election.voters.order_by("pk"))
    codes = [parties["secrets"][v.pk] for v in voters]
    tab = open_tab(viewport=TABLET, locale="es-MX")
    posts: list[str] = []
    tab.page.on(
        "request",
        lambda r: posts.append(r.url) if r.method == "POST" else None,
    )
    tab.goto(f"/elections/{election.uid}/vote/?kiosk=1")
    expect(tab.page.locator("html")).to_have_attribute("lang", "es")
    return election, voters, codes, tab, posts


def _encrypt(page, code: str, answer: int) -> None:
    page.fill("#code", code)
    page.locator(f"#answer-{answer}").check()
    page.locator("[data-action=encrypt]").click()
    expect(page.locator("[data-step=review]")).to_be_visible()


def _no_link_away(page) -> None:
    """Only the skip link to the booth itself (#main) is a link."""
    hrefs = page.eval_on_selector_all(
        "a", "els => els.map(e => e.getAttribute('href'))"
    )
    assert hrefs == ["#main"]


def _nothing_left(page) -> None:
    """No code, no choice, no tracker, no ballot ready to cast, no audit."""
    expect(page.locator("#code")).to_have_value("")
    expect(page.locator("#code")).to_have_attribute("type", "password")
    expect(page.locator("input[name=answer]:checked")).to_have_count(0)
    for step in ("review", "audited", "done"):
        expect(page.locator(f"[data-step={step}]")).to_be_hidden()
    expect(page.locator("[data-action=cast]")).to_be_hidden()
    for tracker in page.locator("[data-tracker]").all():
        expect(tracker).to_have_text("")
    expect(page.locator("[data-audit]")).to_have_value("")


def test_a_ballot_left_at_the_kiosk_is_cleared_and_cannot_be_cast(kiosk):
    election, voters, codes, tab, posts = kiosk
    page = tab.page

    # No way out of the booth: no menus, no footer, no link.
    expect(page.locator("nav.navbar")).to_have_count(0)
    expect(page.locator("footer")).to_have_count(0)
    _no_link_away(page)

    # The code is masked as it is typed; "Mostrar" shows it, a second press hides it.
    page.fill("#code", codes[0])
    code = page.locator("#code")
    expect(code).to_have_attribute("type", "password")
    page.locator("[data-action=show-code]").click()
    expect(code).to_have_attribute("type", "text")
    page.locator("[data-action=show-code]").click()
    expect(code).to_have_attribute("type", "password")

    # The first worker encrypts his ballot and walks away without casting it.
    _encrypt(page, codes[0], 0)
    shot(tab, "es-kiosk-1-left-without-casting")

    # The booth warns, counts down, and clears itself.
    warning = page.locator("[data-idle-warning]")
    expect(warning).to_be_visible(timeout=(IDLE + 2) * 1000)
    seconds = int(warning.locator("[data-seconds]").inner_text())
    assert 1 <= seconds <= WARNING
    shot(tab, "es-kiosk-2-countdown")
    expect(warning).to_be_hidden(timeout=(WARNING + 2) * 1000)
    _nothing_left(page)
    shot(tab, "es-kiosk-3-cleared")

    # Nothing is left to cast: even a forced press of the hidden button sends nothing.
    page.locator("[data-action=cast]").dispatch_event("click")
    page.wait_for_timeout(300)
    assert posts == []

    # The next worker votes with her own code, and sees a short receipt.
    _encrypt(page, codes[1], 1)
    page.locator("[data-action=cast]").click()
    done = page.locator("[data-step=done]")
    expect(done).to_be_visible()
    receipt = done.locator("[data-tracker]").inner_text()
    assert len(receipt.replace(" ", "")) == 16
    expect(page.locator("#code")).to_have_value("")
    expect(page.locator("input[name=answer]:checked")).to_have_count(0)
    _no_link_away(page)  # no "check my ballot" link
    expect(page.locator("[data-idle-warning]")).to_be_visible()
    shot(tab, "es-kiosk-4-receipt")
    expect(done).to_be_hidden(timeout=(RECEIPT + 2) * 1000)
    _nothing_left(page)

    assert len(posts) == 1
    ballot = election.board.get(type="ballot")
    assert ballot.tracker.startswith(receipt.replace(" ", ""))
    assert f'"credential":"{voters[1].credential}"' in ballot.line
    voted = dict(election.voters.values_list("pk", "voted_at"))
    assert voted[voters[0].pk] is None and voted[voters[1].pk] is not None
    tab.assert_clean()


def test_a_ballot_encrypted_under_one_code_is_never_cast_under_another(kiosk):
    election, _voters, codes, tab, posts = kiosk
    page = tab.page
    _encrypt(page, codes[0], 0)
    # The next worker flips the answer and types her code: the ballot goes at once.
    page.locator("#answer-1").check()
    expect(page.locator("[data-step=review]")).to_be_hidden()
    page.fill("#code", codes[1])
    page.locator("[data-action=cast]").dispatch_event("click")
    page.wait_for_timeout(300)
    assert posts == [] and not election.board.filter(type="ballot").exists()
    expect(page.locator("[data-error]")).not_to_be_empty()
    shot(tab, "es-kiosk-5-changed-code")

    # An audit shows how the ballot was encrypted, but the code and the choice go at
    # once, and "Cancel" takes the record away too.
    _encrypt(page, codes[2], 0)
    page.locator("[data-action=audit]").click()
    expect(page.locator("[data-step=audited]")).to_be_visible()
    expect(page.locator("[data-audit]")).not_to_have_value("")
    expect(page.locator("#code")).to_have_value("")
    expect(page.locator("input[name=answer]:checked")).to_have_count(0)
    shot(tab, "es-kiosk-6-audited")
    page.locator("[data-action=clear]").click()
    _nothing_left(page)
    assert posts == []
    tab.assert_clean()
