"""Three trustees make an election's key in their browsers, each signed in with
two-factor authentication: one in English, one in French, one on a 390-px phone in
Spanish. Trustee 2's browser deals a bad share to trustee 3, whose page finds it
and files the complaint; trustee 2's page answers it. After the vote, two of them
open their saved secrets (a file; the text of a printed copy) and decrypt (the
phone's trustee first reads her printed QR code back through a camera); the board passes votecore's verifier.
No request any page sends carries a trustee's secret."""

import json
import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from playwright.sync_api import expect

from alianza.accounts.models import User
from alianza.elections import actions, selectors
from alianza.elections.tests.helpers import name_parties, new_election
from votecore import api as vc
from votecore import trustees as vt

from .conftest import CHROMIUM_ARGS, SCREENSHOTS, TOTP_SECRET, login, shot

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
LANGUAGES = {
    1: ("en", "en-US", None),
    2: ("fr", "fr-FR", None),
    3: ("es", "es-MX", PHONE),
}


def with_two_factors(user) -> None:
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": TOTP_SECRET}
    )


def camera_showing_qr(text: str, path) -> None:
    """A fake camera's video (YUV4MPEG2, a few frames) of a printed QR code of
    ``text``, for Chromium's --use-file-for-fake-video-capture."""
    import qrcode

    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    width, height, scale = 640, 480, 4
    side = len(matrix) * scale
    assert side <= height, side
    left, top = (width - side) // 2, (height - side) // 2
    luma = bytearray([235]) * (width * height)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                for dy in range(scale):
                    start = (top + y * scale + dy) * width + left + x * scale
                    luma[start : start + scale] = bytes([16]) * scale
    chroma = bytes([128]) * (width * height // 4)
    frame = b"FRAME\n" + bytes(luma) + chroma + chroma
    header = f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode()
    path.write_bytes(header + frame * 5)


def post(page) -> None:
    """Do the next step, and wait for the page's message to be accepted."""
    with page.expect_response(
        lambda r: r.request.method == "POST" and r.url.endswith("/ceremony")
    ) as response:
        page.locator("[data-action=act]").click()
    assert response.value.ok, response.value.text()
    expect(page.locator("[data-action=act]")).to_be_enabled()


def bad_share_for_three(route) -> None:
    """Trustee 2's browser seals trustee 3's share to trustee 1 (a faulty dealer)."""
    body = json.loads(route.request.post_data or "{}")
    if body.get("step") == "deal":
        body["payload"]["shares"]["3"] = body["payload"]["shares"]["1"]
        route.continue_(post_data=json.dumps(body))
    else:
        route.continue_()


def test_three_trustees_make_the_key_complain_and_decrypt_in_their_browsers(
    bworld, open_tab, browser, tmp_path
):
    election = new_election(bworld, voters=3)
    parties = name_parties(bworld, election)
    actions.begin_ceremony(bworld["mineros_staff"], election)
    sent: list[str] = []  # every request body any trustee's page sent
    tabs = {}
    for index, user in enumerate(parties["trustees"], start=1):
        language, locale, viewport = LANGUAGES[index]
        User.objects.filter(pk=user.pk).update(language=language)
        with_two_factors(user)
        tab = open_tab(viewport=viewport, locale=locale)
        tab.page.on(
            "request",
            lambda r: sent.append(r.post_data or "") if r.method == "POST" else None,
        )
        login(tab, user, totp=True)
        tab.goto(f"/elections/{election.uid}/trustee/")
        expect(tab.page.locator("html")).to_have_attribute("lang", language)
        tabs[index] = tab
    tabs[2].page.route("**/ceremony", bad_share_for_three)

    def act(index: int) -> None:
        page = tabs[index].page
        page.locator("[data-action=refresh]").click()
        expect(page.locator("[data-panel=act]")).to_be_visible()
        post(page)

    # 1. Each makes her key, sees its fingerprint, saves her file, sends her key.
    files = {}
    for index, tab in tabs.items():
        page = tab.page
        page.locator("[data-action=generate]").click()
        fingerprint = page.locator("[data-fingerprint-value]")
        expect(fingerprint).to_have_text(re.compile(r"^[0-9A-F]{4}( [0-9A-F]{4}){3}$"))
        expect(page.locator("[data-action=announce]")).to_be_disabled()
        with page.expect_download() as download:
            page.locator("[data-action=save]").click()
        files[index] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[index])
        if index == 1:  # she prints it too: a QR code and the text, made here
            page.locator("[data-action=print]").click()
            expect(page.locator("[data-print-qr] svg")).to_have_count(1)
            printed = page.locator("[data-print-text]").text_content()
            assert printed == files[index].read_text()
            page.emulate_media(media="print")
            shot(tab, "en-trustee-printed-secret")
            page.emulate_media(media="screen")
        page.locator("[data-action=announce]").click()
        expect(page.locator("[data-panel=save]")).to_be_hidden()
    shot(tabs[3], "es-phone-trustee-key-made")
    shot(tabs[2], "fr-trustee-key-made")
    assert len(selectors.ceremony_state(election)["announcements"]) == 3

    # 2. Commitments and encrypted shares; 3. the checks.
    for index in (1, 2, 3):
        act(index)
    for index in (1, 2, 3):
        act(index)
    findings = tabs[3].page.locator("[data-findings] li")
    expect(findings).to_have_count(3)
    expect(findings.nth(1)).to_have_class("text-danger")
    shot(tabs[3], "es-phone-trustee-complaint")
    election.refresh_from_db()
    assert selectors.board_payloads(election, "complaint") == [
        {"trustee": 3, "against": [2]}
    ]
    # The election's page: who has done each step, and who is awaited (trustee 2,
    # who must answer the complaint); her administrator reminds her.
    staff = bworld["mineros_staff"]
    User.objects.filter(pk=staff.pk).update(language="en")
    admin = open_tab()
    login(admin, staff, totp=True)
    admin.goto(f"/elections/{election.uid}/")
    table = admin.page.locator("[data-ceremony-progress]")
    expect(table.locator("[data-awaited]")).to_have_count(1)
    expect(table.locator('[data-trustee="2"] [data-awaited]')).to_be_visible()
    expect(table.locator('[data-trustee="3"]')).to_contain_text("complaint against 2")
    fingerprint_1 = tabs[1].page.locator("[data-fingerprint-value]").text_content()
    expect(table.locator('[data-trustee="1"]')).to_contain_text(fingerprint_1)
    mail.outbox.clear()
    with admin.page.expect_navigation():
        admin.page.get_by_role("button", name="Remind the awaited trustees").click()
    assert [m.to for m in mail.outbox] == [[parties["trustees"][1].email]]
    shot(admin, "en-election-ceremony-progress")
    admin.assert_clean()

    # 4. Trustee 2's page publishes the share complained about: the key is made.
    act(2)
    election.refresh_from_db()
    assert election.key is not None and election.key["qualified"] == [1, 2, 3]

    # The vote, outside the trustees' pages.
    pairs = vc.make_credentials(election.election_id, 3)
    voters = list(election.voters.order_by("pk"))
    actions.publish_credentials(
        parties["authority"], election,
        {v.pk: pub for v, (_s, pub) in zip(voters, pairs, strict=True)},
    )  # fmt: skip
    actions.open_election(bworld["mineros_staff"], election)
    election.refresh_from_db()
    context = vc.election_from(election.params, election.key)
    for (secret, _public), choice in zip(
        pairs, [[[1, 0]], [[1, 0]], [[0, 1]]], strict=True
    ):
        actions.cast(election, vc.cast(context, secret, choice)[0])
    actions.close_election(bworld["mineros_staff"], election)

    # Trustee 3 checks on her phone that her printed copy reads back through the
    # camera (a fake camera showing the code): the page knows her again.
    video = tmp_path / "camera.y4m"
    camera_showing_qr(files[3].read_text(), video)
    with_camera = browser.browser_type.launch(
        executable_path="/usr/bin/chromium",
        args=[*CHROMIUM_ARGS, "--use-fake-ui-for-media-stream",
              "--use-fake-device-for-media-stream",
              f"--use-file-for-fake-video-capture={video}"],
    )  # fmt: skip
    try:
        phone = with_camera.new_context(
            viewport=PHONE, locale="es-MX",
            storage_state=tabs[3].page.context.storage_state(),
            permissions=["camera"],
        )  # fmt: skip
        page = phone.new_page()
        page.goto(f"{tabs[3].base_url}/elections/{election.uid}/trustee/")
        expect(page.locator("[data-panel=load]")).to_be_visible()
        page.locator("[data-panel=load] summary").click()
        page.locator("[data-action=scan]").click()
        expect(page.locator("[data-fingerprint-value]")).to_have_text(
            tabs[3].page.locator("[data-fingerprint-value]").text_content() or "",
            timeout=20000,
        )
        page.screenshot(
            path=SCREENSHOTS / "es-phone-trustee-secret-scanned.png", full_page=True
        )
        phone.close()
    finally:
        with_camera.close()

    # 5. Two trustees come back, open their saved files and decrypt.
    for index in (3, 1):
        page = tabs[index].page
        page.reload()
        expect(page.locator("[data-panel=load]")).to_be_visible()
        if index == 1:  # from her printed copy's text
            page.locator("[data-panel=load] summary").click()
            page.locator("[data-secret-text]").fill(files[index].read_text())
            page.locator("[data-action=paste]").click()
        else:  # another trustee's file first: refused, nothing sent
            page.locator("#secret-file").set_input_files(files[1])
            refusal = page.locator('template[data-text="wrong-file"]').inner_html()
            expect(page.locator("[data-status]")).to_have_text(refusal.strip())
            expect(page.locator("[data-panel=act]")).to_be_hidden()
            page.locator("#secret-file").set_input_files(files[index])
        expect(page.locator("[data-panel=act]")).to_be_visible()
        post(page)
    expect(tabs[1].page.locator("[data-progress]")).to_contain_text("2")
    shot(tabs[3], "es-phone-trustee-decrypted")
    election.refresh_from_db()
    assert election.status == "tallied"
    assert election.result is not None and election.result["counts"][0] == [2, 1]
    report = vc.verify_board(actions.board_bytes(election))
    assert report.ok, report

    # No request carried a secret: not the box key, the coefficients, nor the
    # share of the election key that each page computed.
    state = selectors.ceremony_state(election)
    assert sent and any('"step": "deal"' in b or '"step":"deal"' in b for b in sent)
    for path in files.values():
        private = json.loads(path.read_text())
        share = vt.finish(
            election.params, private, state["deals"], state["reveals"], election.key
        )["share"]
        secrets = [private["box_secret"], *private["coefficients"], share]
        for body in sent:
            for secret in secrets:
                assert secret not in body
    for tab in tabs.values():
        tab.assert_clean()
