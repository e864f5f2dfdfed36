"""The browser booth (static/alianza/booth/votecore.js) against votecore, both ways.

Node runs the booth's own tests (its output against every Python vector) and a
script that makes credentials and ballots for an election made here; these
must pass :func:`votecore.api.check_ballot`, tally and decrypt to the votes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from votecore import api, credentials, sample, trustees

ROOT = Path(__file__).resolve().parents[2]
BOOTH = ROOT / "static" / "alianza" / "booth"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not on PATH")


def _node(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    assert NODE is not None
    return subprocess.run(  # noqa: S603 - node with files of this repository
        [NODE, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )


def test_the_booth_reproduces_every_vector() -> None:
    run = _node("--test", str(BOOTH / "tests"))
    assert run.returncode == 0, run.stdout + run.stderr


VOTES = [
    # yes/no, 1 of 6, up to two of three or blank
    [[1, 0], [1, 0, 0, 0, 0, 0], [1, 1, 0]],
    [[0, 1], [0, 0, 0, 0, 0, 1], [0, 0, 0]],
    [[1, 0], [0, 0, 1, 0, 0, 0], [0, 1, 0]],
    [[1, 0], [0, 0, 1, 0, 0, 0], [0, 0, 1]],
]
WEIGHTS = [1, 3, 2, 7]


def _election() -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    params = api.new_election(
        "booth-js-1",
        "Booth «JS» ¿sí?",
        [sample.QUESTIONS[name] for name in ("yesno", "1of6", "approval")],
        trustees=3,
        threshold=2,
    )
    board = api.Board()
    board.append("election", params)
    key, privates = sample.ceremony(params, board)
    return params, key, privates


def test_ballots_from_the_booth_are_accepted_and_counted() -> None:
    params, key, privates = _election()
    secrets = [code for code, _ in api.make_credentials(params["id"], 3)]
    request = {"params": params, "key": key, "votes": VOTES, "secrets": secrets}
    run = _node(str(BOOTH / "tests" / "make_ballots.mjs"), stdin=json.dumps(request))
    assert run.returncode == 0, run.stderr
    made = json.loads(run.stdout)

    # Credentials: the booth's codes have the authority's format, and both
    # sides derive the same public credential from a code.
    for code, public in made["credentials"]:
        assert len(code) == credentials.CODE_LENGTH
        assert set(code) <= set(credentials.ALPHABET)
        assert credentials.public_credential(params["id"], code) == public
    assert made["derived"] == [
        credentials.public_credential(params["id"], code) for code in secrets
    ]

    election = api.election_from(params, key)
    weights = {
        public: w for (_, public), w in zip(made["credentials"], WEIGHTS, strict=True)
    }
    for body, tracker in zip(made["ballots"], made["trackers"], strict=True):
        assert api.check_ballot(election, body, weights) == tracker

    assert api.check_audit(election, made["audit"]) == VOTES[0]

    tally = api.tally_ballots(election, made["ballots"], weights)
    cts = [
        [(bytes.fromhex(a), bytes.fromhex(b)) for a, b in row]
        for row in tally["ciphertexts"]
    ]
    shares = [trustees.decrypt_share(election, p, key, cts) for p in privates[1:]]
    counts = api.result(election, key, tally, shares)["counts"]
    expected = [
        [
            sum(w * vote[q][a] for vote, w in zip(VOTES, WEIGHTS, strict=True))
            for a in range(len(VOTES[0][q]))
        ]
        for q in range(len(VOTES[0]))
    ]
    assert counts == expected


def test_a_tampered_booth_ballot_is_refused() -> None:
    params, key, _ = _election()
    request = {"params": params, "key": key, "votes": VOTES[:1], "secrets": []}
    run = _node(str(BOOTH / "tests" / "make_ballots.mjs"), stdin=json.dumps(request))
    assert run.returncode == 0, run.stderr
    made = json.loads(run.stdout)
    election = api.election_from(params, key)
    body = made["ballots"][0]
    weights = {body["credential"]: 1}
    first, second = body["answers"][0]["proofs"][0]
    body["answers"][0]["proofs"][0] = [second, first]
    with pytest.raises(api.BallotError):
        api.check_ballot(election, body, weights)
