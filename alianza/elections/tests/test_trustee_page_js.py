"""The trustee's page's code (static/alianza/booth/ceremony.js, run by Node)
against Alianza's ceremony actions and votecore: the page sends the same
messages as the trustee's program, so trustees may mix them, and the board the
two make together passes votecore's verifier."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from alianza.elections import actions, selectors
from alianza.elections.trustee import next_step
from votecore import api as vc

from .helpers import name_parties, new_election

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "static" / "alianza" / "booth" / "tests" / "next_step.mjs"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not on PATH")
YES, NO = [[1, 0]], [[0, 1]]


def _node_run(index, private, state) -> str:
    assert NODE is not None
    run = subprocess.run(  # noqa: S603 - node with a file of this repository
        [NODE, str(SCRIPT)],
        input=json.dumps({"index": index, "private": private, "state": state}),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def js_next_step(index, private, state):
    """The page's ``nextStep``, as trustee.next_step answers: (step, message, private)."""
    out = json.loads(_node_run(index, private, state))
    return out["step"], out.get("message", out.get("wait")), out["private"]


def drive(election, users, privates, browser, tamper=None):
    """Each trustee does what is next (in the browser's code when ``browser``
    names her index, else the program's) until nobody has anything to do."""
    while True:
        moved = False
        for user in users:
            election.refresh_from_db()
            index = selectors.trustee_index(user, election)
            state = json.loads(json.dumps(selectors.ceremony_state(election)))
            step_of = js_next_step if index in browser else next_step
            step, message, private = step_of(index, privates.get(index), state)
            privates[index] = private
            if step:
                if tamper:
                    message = tamper(index, step, message)
                actions.trustee_message(user, election, step, message)
                moved = True
        if not moved:
            return


def bad_share_for_three(index, step, message):
    """Trustee 2 seals trustee 3's share to trustee 1: it will not open for 3."""
    if index == 2 and step == "deal":
        message["shares"]["3"] = message["shares"]["1"]
    return message


def test_page_and_program_make_one_verified_election_with_a_complaint(world):
    election = new_election(world, voters=3)
    assert (election.trustee_count, election.threshold) == (3, 2)
    parties = name_parties(world, election)
    actions.begin_ceremony(world["mineros_staff"], election)
    privates: dict = {}
    drive(election, parties["trustees"], privates, {2, 3}, bad_share_for_three)
    election.refresh_from_db()
    complaints = selectors.board_payloads(election, "complaint")
    assert complaints == [{"trustee": 3, "against": [2]}]
    (revealed,) = selectors.board_payloads(election, "reveal")
    assert (revealed["trustee"], revealed["to"]) == (2, 3)
    # The reveal answered the complaint: trustee 2 stays in.
    assert election.key is not None and election.key["qualified"] == [1, 2, 3]
    assert all(private["share"] for private in privates.values())

    pairs = vc.make_credentials(election.election_id, 3)
    voters = list(election.voters.order_by("pk"))
    actions.publish_credentials(
        parties["authority"],
        election,
        {v.pk: pub for v, (_s, pub) in zip(voters, pairs, strict=True)},
    )
    actions.open_election(world["mineros_staff"], election)
    election.refresh_from_db()
    context = vc.election_from(election.params, election.key)
    for (secret, _public), choice in zip(pairs, [YES, NO, YES], strict=True):
        actions.cast(election, vc.cast(context, secret, choice)[0])
    actions.close_election(world["mineros_staff"], election)
    # Two trustees decrypt in the browser's code: the threshold.
    drive(election, parties["trustees"][1:], privates, {2, 3})
    election.refresh_from_db()
    assert election.status == "tallied"
    assert election.result is not None and election.result["counts"][0] == [2, 1]
    report = vc.verify_board(actions.board_bytes(election))
    assert report.ok, report


def test_the_page_answers_as_the_program_does_for_the_same_secret(world):
    """Announcements, checks and reveals are determined by the secret and the
    board: the page and the program write the very same events."""
    election = new_election(world, voters=1)
    parties = name_parties(world, election)
    actions.begin_ceremony(world["mineros_staff"], election)
    election.refresh_from_db()
    privates: dict = {}
    users = parties["trustees"]
    for user in users:  # the program announces
        index = selectors.trustee_index(user, election)
        state = selectors.ceremony_state(election)
        step, message, privates[index] = next_step(index, None, state)
        js = js_next_step(index, privates[index], state)
        assert js[0] == step == "announce" and js[1] == message
        actions.trustee_message(user, election, step, message)
    for user in users:  # deals are random (sealed boxes, proofs): the program's
        index = selectors.trustee_index(user, election)
        step, message, _ = next_step(
            index, privates[index], selectors.ceremony_state(election)
        )
        actions.trustee_message(
            user, election, step, bad_share_for_three(index, step, message)
        )
    state = json.loads(json.dumps(selectors.ceremony_state(election)))
    for user in users:
        index = selectors.trustee_index(user, election)
        python = next_step(index, privates[index], state)
        assert js_next_step(index, privates[index], state)[:2] == python[:2]
        actions.trustee_message(user, election, "check", python[1])
    state = json.loads(json.dumps(selectors.ceremony_state(election)))
    python = next_step(2, privates[2], state)
    assert python[0] == "reveal"
    assert js_next_step(2, privates[2], state)[:2] == python[:2]


def test_the_page_s_fingerprint_is_the_one_the_election_page_shows(world):
    election = new_election(world, voters=1)
    parties = name_parties(world, election)
    actions.begin_ceremony(world["mineros_staff"], election)
    election.refresh_from_db()
    privates: dict = {}
    drive(election, parties["trustees"], privates, {1, 2, 3})
    state = json.loads(json.dumps(selectors.ceremony_state(election)))
    progress = selectors.ceremony_progress(election)
    for row in progress:
        out = json.loads(_node_run(row["index"], privates[row["index"]], state))
        assert out["fingerprint"] == row["fingerprint"] != ""
