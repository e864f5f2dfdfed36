"""A letter co-signed with Unite, which has no Alianza account: the USW's staff
records Unite's signature from the e-mail that confirmed it (the .eml attached),
opens the letter to individual signatures, publishes it and prints it with three
letterheads; then a Spanish member adds her name on a 390-px phone.

Screenshots: ``letters-*.png`` in ``test-artifacts/screenshots/``."""

import shutil
import subprocess
from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from alianza.solidarity import actions
from alianza.solidarity.models import IndividualSignature

from .conftest import SCREENSHOTS, login, shot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
EML = (
    b"From: Office of the General Secretary <gs-office@unite.example>\r\n"
    b"To: staff@usw.test\r\nSubject: Re: ASARCO letter - Unite signs\r\n\r\n"
    b"Unite the Union signs the letter. Sharon Graham, General Secretary.\r\n"
)


def test_unites_signature_from_an_email_then_a_member_signs_on_her_phone(
    bworld, open_tab, tmp_path
):
    staff = bworld["usw_staff"]
    letter = actions.draft_letter(
        staff, bworld.usw, title="Solidarity with the ASARCO strikers",
        body="Brothers and sisters:\n\nWe stand with you until a fair contract is won.",
        language="en", addressee="The workers of ASARCO",
    )  # fmt: skip
    for who, org in (("usw_officer", bworld.usw), ("mineros_officer", bworld.mineros)):
        s = actions.add_signatory(
            staff, letter, person=bworld[who].person, organisation=org
        )
        actions.confirm_signature(bworld[who], s)
    # Unite was sent a link; its General Secretary answered by e-mail instead.
    actions.invite_signatory(staff, letter, organisation=bworld.unite)
    eml = tmp_path / "unite-signs.eml"
    eml.write_bytes(EML)

    tab = open_tab()
    page = tab.page
    login(tab, staff, totp=True)
    tab.goto(letter.get_absolute_url())
    expect(page.locator("[data-draft-mark]")).to_be_visible()  # Unite has not signed
    form = page.locator("form[data-record-signature]")
    form.locator("select[name=record-organisation]").select_option(label="Unite")
    form.locator("input[name=record-name]").fill("Sharon Graham")
    form.locator("input[name=record-title]").fill("General Secretary")
    form.locator("select[name=record-method]").select_option("email")
    form.locator("input[name=record-evidence]").set_input_files(str(eml))
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    signatures = page.locator("[data-signatures]")
    expect(signatures).to_contain_text("Sharon Graham")
    expect(signatures).to_contain_text("Unite the Union")
    expect(page.locator("[data-draft-mark]")).to_have_count(0)
    expect(
        page.get_by_role("link", name="Confirmation: unite-signs.eml")
    ).to_be_visible()
    with page.expect_navigation():
        page.locator("[data-open-letter]").click()
    shot(tab, "letters-unite-recorded-usw_staff")
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    expect(page.locator("main")).to_contain_text("Published")

    link = page.get_by_role("link", name="PDF on letterhead").get_attribute("href")
    pdf = page.request.get(tab.base_url + link)
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf.body())).pages)
    text = " ".join(text.split())
    for name in ("United Steelworkers", "Sindicato Nacional de Trabajadores Mineros",
                 "Unite the Union", "Sharon Graham"):  # fmt: skip
        assert name in text
    assert "DRAFT" not in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "letters-three-letterheads.pdf").write_bytes(pdf.body())
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:  # the first page as an image, to look at
        pdf_path = SCREENSHOTS / "letters-three-letterheads.pdf"
        args = ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile"]
        subprocess.run(  # noqa: S603 (the program found on the path, our file)
            [pdftoppm, *args, str(pdf_path), str(pdf_path.with_suffix(""))],
            check=True,
        )
    tab.assert_clean()

    # A Spanish member on her phone adds her name with one tap.
    member = bworld["member"]
    phone = open_tab(viewport=PHONE, locale="es-MX")
    login(phone, member)
    phone.goto(f"/letters/{letter.slug}/")
    sign = phone.page.locator("[data-sign]")
    expect(sign).to_be_visible()
    with phone.page.expect_navigation():
        sign.click()
    expect(phone.page.locator("[data-signed]")).to_be_visible()
    expect(phone.page.locator("[data-individuals]")).to_contain_text("Mario Miembro")
    expect(phone.page.locator("[data-individual-count]")).to_have_attribute(
        "data-individual-count", "1"
    )
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(phone, "letters-es-phone-member-signed")
    signature = IndividualSignature.objects.get(letter=letter)
    assert signature.is_confirmed and signature.organisation == bworld.mineros
    phone.assert_clean()
