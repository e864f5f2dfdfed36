"""A 20-voter strike vote run in Chromium: the credential authority makes the codes
in the browser and prints the letters, voters cast in the booth (one audits a
ballot first, one votes again), the trustees decrypt from their own program, the
result is published, and the board downloaded from the page passes the verifier."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from alianza.accounts.actions import create_token
from alianza.elections import actions
from alianza.elections.models import Election, Voter
from alianza.elections.trustee import main as trustee_program
from votecore import api as vc

from .conftest import login, pdf_shot, shot

pytestmark = pytest.mark.browser
VOTERS = 20


def _election(w) -> Election:
    from conftest import make_user

    now = timezone.now()
    election = actions.create_election(
        w["mineros_staff"], w.mineros, kind="strike", title="Huelga en Sombrerete",
        question="¿Está usted de acuerdo con ir a la huelga?", opens_at=now,
        closes_at=now + timedelta(days=1), language="es",
    )  # fmt: skip
    for n in range(VOTERS):
        Voter.objects.create(
            election=election, name=f"Minero {n:02}", worker_number=f"{n}"
        )
    for n in range(3):
        user = make_user(f"fideicomisario{n}@example.org", f"Fideicomisario {n}",
                         [(w.mineros, "member", None)], language="es")  # fmt: skip
        actions.assign_role(w["mineros_staff"], election, user.person, "trustee")
    actions.assign_role(
        w["mineros_staff"], election, w["member"].person, "credential_authority"
    )
    actions.begin_ceremony(w["mineros_staff"], election)
    return election


def _trustees(election, live_server, folder) -> None:
    users = [r.person.user for r in election.roles.filter(kind="trustee")]
    tokens = [create_token(u, "trustee")[1] for u in users]
    for _round in range(4):
        for n, token in enumerate(tokens):
            trustee_program([
                "--server", live_server.url, "--election", str(election.uid),
                "--token", token, "--state", str(folder / f"trustee{n}.json"),
            ])  # fmt: skip


def test_a_twenty_voter_election_in_the_browser(
    bworld, open_tab, live_server, tmp_path
):
    election = _election(bworld)
    _trustees(election, live_server, tmp_path)
    election.refresh_from_db()
    assert election.key is not None

    # The credential authority, in the browser.
    authority = open_tab()
    login(authority, bworld["member"])
    authority.goto(f"/elections/{election.uid}/authority/")
    page = authority.page
    page.locator("[data-action=make]").click()
    with page.expect_download() as saved:
        page.locator("[data-action=save]").click()
    codes_file = tmp_path / "codes.csv"
    saved.value.save_as(codes_file)
    codes = {
        int(row["voter"]): row["code"]
        for row in csv.DictReader(
            io.StringIO(codes_file.read_text(encoding="utf-8-sig"))
        )
    }
    assert len(codes) == VOTERS
    page.locator("[data-action=publish]").click()
    expect(page.locator("[data-delivery]")).to_be_visible()
    page.evaluate(
        "() => { window.print = () => {}; }"
    )  # the print dialogue, in a person's browser
    page.locator("[data-letters-all]").check()
    page.locator("[data-action=letters]").click()
    expect(page.locator(".letters .letter")).to_have_count(VOTERS)
    pdf_shot(page.pdf(format="Letter", print_background=True), "es-credential-letters")
    shot(authority, "en-credential-authority")
    election.refresh_from_db()
    assert election.status == "credentials"
    assert not any(
        code in json.dumps(list(Voter.objects.values())) for code in codes.values()
    )

    staff = open_tab(locale="es-MX")
    login(staff, bworld["mineros_staff"], totp=True)
    staff.goto(election.get_absolute_url())
    with staff.page.expect_navigation():
        staff.page.locator("button[name=do][value=open]").click()

    # The voters, in the booth (Spanish).
    booth = open_tab(viewport={"width": 390, "height": 844}, locale="es-MX")
    booth.allowed_statuses.add(422)
    choices = {}
    for n, (voter_id, code) in enumerate(sorted(codes.items())):
        booth.goto(f"/elections/{election.uid}/vote/")
        page = booth.page
        page.fill("#code", code)
        yes = n % 4 != 3
        page.locator("#answer-0" if yes else "#answer-1").check()
        page.locator("[data-action=encrypt]").click()
        expect(page.locator("[data-step=review]")).to_be_visible()
        if n == 0:
            # Audit one ballot: it is opened for checking, not cast.
            page.locator("[data-action=audit]").click()
            record = json.loads(page.locator("[data-audit]").input_value())
            assert vc.check_audit(election.crypto(), record) == [[1, 0]]
            # The booth checked it itself, and says what it said.
            verdict = page.locator("[data-audit-verdict]")
            expect(verdict).to_have_class("alert alert-success")
            expect(verdict).to_contain_text(election.answers[0])
            shot(booth, "es-booth-audited")
            page.locator("[data-action=encrypt]").click()
            expect(page.locator("[data-step=review]")).to_be_visible()
        page.locator("[data-action=cast]").click()
        expect(page.locator("[data-step=done]")).to_be_visible()
        choices[voter_id] = yes
        if n == 1:
            shot(booth, "es-booth-cast")
    # Voter 2 changes their mind: the last ballot counts.
    voter_id, code = sorted(codes.items())[1]
    booth.goto(f"/elections/{election.uid}/vote/")
    booth.page.fill("#code", code)
    booth.page.locator("#answer-1").check()
    booth.page.locator("[data-action=encrypt]").click()
    booth.page.locator("[data-action=cast]").click()
    expect(booth.page.locator("[data-step=done]")).to_be_visible()
    tracker = booth.page.locator("[data-step=done] [data-tracker-full]").text_content()
    choices[voter_id] = False
    with booth.page.expect_navigation():
        booth.page.locator("[data-board-link]").click()
    expect(booth.page.locator("main")).to_contain_text(tracker)

    staff.page.reload()
    with staff.page.expect_navigation():
        staff.page.locator("button[name=do][value=close]").click()
    _trustees(election, live_server, tmp_path)
    staff.page.reload()
    with staff.page.expect_navigation():
        staff.page.locator("button[name=do][value=publish]").click()
    yes = sum(choices.values())
    expect(staff.page.locator(".alert").last).to_contain_text(f"{yes}")
    shot(staff, "es-election-published")

    board = staff.page.request.get(
        f"{live_server.url}/elections/{election.uid}/board.jsonl"
    )
    report = vc.verify_board(board.body())
    assert report.ok
    election.refresh_from_db()
    assert election.result["counts"][0] == [yes, VOTERS - yes]
    assert election.board.filter(type="ballot").count() == VOTERS + 1
    certificate = staff.page.request.get(
        f"{live_server.url}/elections/{election.uid}/certificate.pdf"
    )
    pdf_shot(certificate.body(), "es-en-election-certificate")
    for tab in (authority, staff, booth):
        tab.assert_clean()
