"""The credential authority, a notary outside the union, delivers the codes
herself: her browser lays out the letters on Letter paper for window envelopes
(only for the workers with no e-mail and no phone, unless she asks for all) and
makes the SMS file for her gateway. No request any page sends carries a code,
and the election records that the server never saw one."""

import csv
import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from alianza.accounts.models import User
from alianza.elections import actions
from alianza.elections.models import Election
from alianza.elections.tests.helpers import name_parties, new_election, run_trustees

from .conftest import login, pdf_shot, shot

pytestmark = pytest.mark.browser


def _election(w) -> tuple[Election, User]:
    election = new_election(w, voters=5)
    voters = list(election.voters.order_by("pk"))
    voters[0].email = "correo@example.org"  # e-mail only
    voters[1].phone, voters[1].language = "+52 645 111 2222", "en"  # phone only
    voters[2].phone = "+1 (520) 555-0134"
    voters[3].language = "en"  # neither: a letter, in English
    voters[4].name = 'Rosa "la {code}" Cruz'  # neither: a letter, her name as written
    for voter in voters:
        voter.save()
    parties = name_parties(w, election)
    actions.begin_ceremony(w["mineros_staff"], election)
    run_trustees(election, parties["trustees"], {})
    election.refresh_from_db()
    assert election.key is not None
    return election, parties["authority"]


def test_the_authority_prints_the_letters_and_the_sms_file_and_no_code_reaches_the_server(
    bworld, open_tab, tmp_path
):
    election, notary = _election(bworld)
    User.objects.filter(pk=notary.pk).update(language="en")
    tab = open_tab()
    page = tab.page
    sent: list[str] = []  # every URL and request body the page sent
    page.on("request", lambda r: sent.append(f"{r.url} {r.post_data or ''}"))
    login(tab, notary)
    tab.goto(f"/elections/{election.uid}/authority/")
    # The print dialogue is counted, not opened (a headless browser has none).
    page.evaluate(
        "() => { window.printed = 0; window.print = () => { window.printed += 1; }; }"
    )
    page.locator("[data-action=make]").click()
    with page.expect_download() as saved:
        page.locator("[data-action=save]").click()
    codes_file = tmp_path / "codes.csv"
    saved.value.save_as(codes_file)
    codes = {
        int(row["voter"]): row["code"]
        # After a byte-order mark, so that Excel shows the names' accents.
        for row in csv.DictReader(io.StringIO(codes_file.read_text("utf-8-sig")))
    }
    page.locator("[data-action=publish]").click()
    expect(page.locator("[data-delivery]")).to_be_visible()
    voters = list(election.voters.order_by("pk"))

    # By default, a letter for each worker nobody can reach otherwise.
    page.locator("[data-action=letters]").click()
    letters = page.locator(".letters .letter")
    expect(letters).to_have_count(2)
    assert page.evaluate("window.printed") == 1
    english = page.locator(f".letter[data-voter='{voters[3].pk}']")
    rosa = page.locator(f".letter[data-voter='{voters[4].pk}']")
    assert english.get_attribute("lang") == "en"
    assert rosa.get_attribute("lang") == "es"
    # The name shows through the window; the code is inside, on the fold-hidden third.
    window = english.locator(".letter-window")
    expect(window).to_contain_text(voters[3].name)
    expect(window).to_contain_text("W3")
    outside = english.locator(".letter-outside").text_content() or ""
    assert codes[voters[3].pk] not in outside
    expect(english.locator(".letter-secret")).to_have_text(codes[voters[3].pk])
    expect(english.locator(".letter-code")).to_contain_text("Your secret voting code")
    expect(english.locator(".letter-qr svg")).to_have_count(1)
    expect(rosa.locator(".letter-window")).to_contain_text('Rosa "la {code}" Cruz')
    expect(rosa.locator(".letter-secret")).to_have_text(codes[voters[4].pk])
    # Letter paper, one sheet a letter.
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    sheets = PdfReader(io.BytesIO(pdf)).pages
    assert len(sheets) == 2
    assert [round(float(x)) for x in sheets[0].mediabox[2:]] == [612, 792]
    pdf_shot(pdf, "en-credential-letters-window-envelope")

    # Or a letter for every worker.
    page.locator("[data-letters-all]").check()
    page.locator("[data-action=letters]").click()
    expect(letters).to_have_count(5)
    shot(tab, "en-credential-authority-delivers")

    # The SMS file for her own gateway: +E.164, each message in the worker's language.
    with page.expect_download() as download:
        page.locator("[data-action=sms-file]").click()
    sms_file = tmp_path / "sms.csv"
    download.value.save_as(sms_file)
    rows = list(csv.DictReader(io.StringIO(sms_file.read_text())))
    assert [row["phone"] for row in rows] == ["+526451112222", "+15205550134"]
    assert codes[voters[1].pk] in rows[0]["message"]
    assert "Your secret voting code" in rows[0]["message"]
    assert codes[voters[2].pk] in rows[1]["message"]
    assert "código" in rows[1]["message"]

    everything = "\n".join(sent)
    assert "/credentials" in everything  # the public credentials went
    assert not [code for code in codes.values() if code in everything]
    election.refresh_from_db()
    assert not election.server_saw_codes
    assert not election.voters.filter(credential_sent_by__gt="").exists()
    tab.assert_clean()

    # The letter's QR link opens the booth with her code typed in; the code is in
    # the link's fragment, which the browser never sends, and leaves the address bar.
    actions.open_election(bworld["mineros_staff"], election)
    voter = open_tab(viewport={"width": 390, "height": 844}, locale="es-MX")
    asked: list[str] = []
    voter.page.on("request", lambda r: asked.append(f"{r.url} {r.post_data or ''}"))
    link = page.evaluate(
        "([texts, code]) => `${texts.booth}#code=${encodeURIComponent(code)}`",
        [page.evaluate("JSON.parse(document.getElementById('delivery-texts').textContent)"),
         codes[voters[3].pk]],
    )  # fmt: skip
    assert link.startswith(voter.base_url)
    voter.page.goto(link)
    expect(voter.page.locator("#code")).to_have_value(codes[voters[3].pk])
    assert "#code" not in voter.page.url
    assert not [line for line in asked if codes[voters[3].pk] in line]
    voter.assert_clean()
