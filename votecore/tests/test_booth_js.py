"""The browser booth (static/alianza/booth/votecore.js) against votecore, both ways.

Node runs the booth's own tests (its output against every Python vector) and a
script that makes credentials and ballots for an election made here; these
must pass :func:`votecore.api.check_ballot`, tally and decrypt to the votes.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from nacl import bindings as nacl

from votecore import api, credentials, group, sample, trustees

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


def _make_ballots(
    params: dict[str, Any],
    key: dict[str, Any],
    votes: list[list[list[int]]],
    secrets: list[str],
) -> dict[str, Any]:
    """Run make_ballots.mjs (see there for what it returns)."""
    request = {"params": params, "key": key, "votes": votes, "secrets": secrets}
    run = _node(str(BOOTH / "tests" / "make_ballots.mjs"), stdin=json.dumps(request))
    assert run.returncode == 0, run.stderr
    result: dict[str, Any] = json.loads(run.stdout)
    return result


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
    made = _make_ballots(params, key, VOTES, secrets)

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

    # A re-vote from the booth names the ballot it replaces, and only then fits.
    first = made["ballots"][0]
    revote = made["revote"]
    assert revote["replaces"] == made["trackers"][0]
    last = {first["credential"]: made["trackers"][0]}
    api.check_ballot(election, revote, weights, last_trackers=last)
    with pytest.raises(api.BallotError, match="last ballot"):
        api.check_ballot(election, revote, weights)

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
    made = _make_ballots(params, key, VOTES[:1], [])
    election = api.election_from(params, key)
    body = made["ballots"][0]
    weights = {body["credential"]: 1}
    first, second = body["answers"][0]["proofs"][0]
    body["answers"][0]["proofs"][0] = [second, first]
    with pytest.raises(api.BallotError):
        api.check_ballot(election, body, weights)


# The eight points of order dividing 8 (RFC 8032 encodings).
TORSION = [
    "01" + "00" * 31,
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "00" * 31 + "80",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "ec" + "ff" * 30 + "7f",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    "00" * 32,
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
]


def test_the_booth_accepts_exactly_the_points_libsodium_accepts() -> None:
    p = 2**255 - 19
    rng = random.Random(2026)
    candidates = list(TORSION)
    for _ in range(40):
        point = group.base(group.random_scalar())
        candidates.append(point.hex())
        for t in TORSION[1:]:  # mixed order: a subgroup point plus torsion
            candidates.append(
                nacl.crypto_core_ed25519_add(point, bytes.fromhex(t)).hex()
            )
        flipped = bytearray(point)
        flipped[31] ^= 0x80  # the other x
        candidates.append(flipped.hex())
    for k in range(40):  # y >= p: non-canonical, with and without the sign bit
        raw = bytearray((p + k % 20).to_bytes(32, "little"))
        raw[31] |= 0x80 if k >= 20 else 0
        candidates.append(raw.hex())
    candidates += [rng.randbytes(32).hex() for _ in range(300)]
    run = _node(str(BOOTH / "tests" / "check_points.mjs"), stdin=json.dumps(candidates))
    assert run.returncode == 0, run.stderr
    booth = json.loads(run.stdout)
    sodium = [group.is_valid_point(bytes.fromhex(c)) for c in candidates]
    disagree = [c for c, a, b in zip(candidates, booth, sodium, strict=True) if a != b]
    assert disagree == []
    assert 40 < sum(sodium) < len(candidates) - 300
