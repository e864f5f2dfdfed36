"""The verifier on edited boards: re-vote order, running elections, the
observer's and the voter's checks, and the key ceremony's rules."""

import json
from pathlib import Path
from typing import Any

import pytest

from votecore import api, verify
from votecore.board import Board
from votecore.encoding import tracker

from .helpers import small_board

Events = list[dict[str, Any]]


def _events() -> Events:
    data, _ = small_board()
    return [json.loads(line) for line in data.split(b"\n")[:-1]]


def _rebuild(events: Events) -> bytes:
    """Re-chain edited events, as an operator rewriting the board would."""
    board = Board()
    for event in events:
        board.append(event["type"], event["payload"])
    return board.to_bytes()


def _seqs(events: Events, kind: str) -> list[int]:
    return [e["seq"] for e in events if e["type"] == kind]


def _revoter(events: Events) -> tuple[int, int]:
    """The positions of a re-voter's first and second ballots."""
    firsts: dict[str, int] = {}
    for seq in _seqs(events, "ballot"):
        cred = events[seq]["payload"]["credential"]
        if cred in firsts:
            return firsts[cred], seq
        firsts[cred] = seq
    raise AssertionError("the sample board has a re-vote")


def _failure(data: bytes) -> verify.Failure:
    report = verify.verify_bytes(data)
    assert report.failure is not None, report.lines
    return report.failure


# -- 2. the re-vote order ------------------------------------------------------


def test_a_re_voter_s_two_ballots_swapped_are_refused() -> None:
    events = _events()
    first, second = _revoter(events)
    swapped = [dict(e) for e in events]
    swapped[first], swapped[second] = events[second], events[first]
    # Rechained, every hash is right and both trackers are still on the board;
    # the earlier ballot would now be the last, and counted.
    failure = _failure(_rebuild(swapped))
    assert (failure.seq, failure.kind) == (first, "ballot")
    assert "re-vote chain is broken" in failure.message


def test_a_replaced_ballot_posted_again_after_the_re_vote_is_refused() -> None:
    events = _events()
    first, second = _revoter(events)
    # Drop the re-vote and re-sign nothing: the first ballot alone still
    # verifies (the operator can withhold a ballot), but the voter's check of
    # her last tracker fails.
    dropped = [e for e in events[: second + 1] if e["seq"] != second]
    report = verify.verify_bytes(_rebuild(dropped))
    assert report.valid_so_far
    last = tracker(events[second]["payload"])
    assert verify.tracker_standing(report, last) is not None
    # Posting the first ballot again after the re-vote breaks the chain.
    again = events[: second + 1] + [events[first]]
    failure = _failure(_rebuild(again))
    assert failure.seq == second + 1


def test_the_counted_tracker_is_each_credential_s_last() -> None:
    data, _ = small_board()
    events = _events()
    first, second = _revoter(events)
    report = verify.verify_bytes(data)
    assert report.ok
    old, new = (tracker(events[s]["payload"]) for s in (first, second))
    assert report.trackers[new] == (second, True)
    assert report.trackers[old] == (first, False)
    assert verify.tracker_standing(report, new) is None
    assert "replaced by a later ballot" in (verify.tracker_standing(report, old) or "")
    assert "no ballot" in (verify.tracker_standing(report, "ab" * 32) or "")


# -- 3. open boards ------------------------------------------------------------


def _open_board(events: Events) -> Events:
    """The board of a running election: up to its last ballot."""
    return events[: _seqs(events, "ballot")[-1] + 1]


def test_an_open_board_is_valid_so_far() -> None:
    events = _open_board(_events())
    report = verify.verify_bytes(_rebuild(events))
    assert report.failure is None and not report.ok
    assert report.valid_so_far and report.missing == "close"
    assert report.head == events[-1]["hash"] and report.events == len(events)


@pytest.mark.parametrize("damage", ["signature", "proof"])
def test_an_open_board_with_one_bad_ballot_names_it(damage: str) -> None:
    events = _open_board(_events())
    bad = _seqs(events, "ballot")[1]
    payload = json.loads(json.dumps(events[bad]["payload"]))
    if damage == "signature":
        sig = payload["signature"]
        payload["signature"] = sig[:64] + ("0" if sig[64] != "0" else "1") + sig[65:]
    else:
        c, s = payload["answers"][0]["proofs"][0][0]
        payload["answers"][0]["proofs"][0][0] = [s, c]
    events[bad] = {**events[bad], "payload": payload}
    failure = _failure(_rebuild(events))
    assert (failure.seq, failure.kind) == (bad, "ballot")
    assert "no close event" not in failure.message


def test_the_lowest_failing_event_is_reported() -> None:
    events = _open_board(_events())
    ballots = _seqs(events, "ballot")
    forged = json.loads(json.dumps(events[ballots[0]]["payload"]))
    forged["signature"] = "00" * 64
    # A replay later on fails in the sequential pass; the forged ballot before
    # it fails only when its signature is checked, and is the one named.
    edited = events[: ballots[0]] + [{**events[ballots[0]], "payload": forged}]
    edited += events[ballots[0] + 1 :] + [events[ballots[1]]]
    failure = _failure(_rebuild(edited))
    assert failure.seq == ballots[0]


def test_the_cli_on_open_boards_and_what_observers_wrote_down(
    tmp_path: Path, capsys: Any
) -> None:
    events = _events()
    full = _rebuild(events)
    early = _rebuild(_open_board(events))
    first, second = _revoter(events)
    old_path = tmp_path / "earlier.jsonl"
    old_path.write_bytes(early)
    path = tmp_path / "board.jsonl"

    def run(data: bytes, *args: str) -> tuple[int, str]:
        path.write_bytes(data)
        code = verify.main([str(path), "--workers", "1", *args])
        return code, capsys.readouterr().out

    code, out = run(early)
    assert code == verify.EXIT_VALID_SO_FAR == 3
    assert "VALID SO FAR" in out and "no close event yet" in out
    head = events[-1]["hash"]
    assert run(full, "--head", head)[0] == 0
    code, out = run(full, "--head", "ab" * 32)
    assert code == 1 and f"FAILED: the head is {head}" in out
    code, out = run(full, "--extends", str(old_path))
    assert code == 0 and "extends the earlier board" in out
    # An earlier copy that showed another history (the re-vote first).
    swapped = [dict(e) for e in events]
    swapped[first], swapped[second] = events[second], events[first]
    old_path.write_bytes(_rebuild(swapped[: second + 1]))
    code, out = run(full, "--extends", str(old_path))
    assert code == 1 and f"event {first} differs from the earlier board" in out
    old_path.write_bytes(full + early)
    assert run(full, "--extends", str(old_path))[0] == 1
    last, replaced = (tracker(events[s]["payload"]) for s in (second, first))
    code, out = run(full, "--tracker", last)
    assert code == 0 and f"counted ballot of its credential (event {second})" in out
    # What a voter copied down: four groups of four characters.
    short = " ".join(last[i : i + 4] for i in range(0, 16, 4)).upper()
    assert run(full, "--tracker", short)[0] == 0
    assert run(full, "--tracker", last[:15])[0] == 1
    code, out = run(full, "--tracker", replaced)
    assert code == 1 and "replaced by a later ballot" in out
    assert run(full, "--extends", str(tmp_path / "missing.jsonl"))[0] == 2


# -- 4. the key ceremony's rules ----------------------------------------------


def _edit(events: Events, seq: int, **changes: Any) -> Events:
    out = [dict(e) for e in events]
    out[seq] = {**out[seq], "payload": {**out[seq]["payload"], **changes}}
    return out


def _without(events: Events, seq: int) -> Events:
    return events[:seq] + events[seq + 1 :]


def _insert(events: Events, seq: int, kind: str, payload: Any) -> Events:
    return events[:seq] + [{"type": kind, "payload": payload}] + events[seq:]


def test_key_ceremony_rules() -> None:
    events = _events()
    (complaint,) = _seqs(events, "complaint")
    (reveal,) = _seqs(events, "reveal")
    deals = _seqs(events, "deal")
    announcements = _seqs(events, "trustee")
    shown = events[reveal]["payload"]
    wrong = {**shown, "share": "01" + shown["share"][2:]}
    cases = {
        # a share revealed without a complaint
        "did not complain": _edit(events, reveal, to=shown["trustee"]),
        # a wrong reveal followed by a right one
        "revealed the share": _insert(events, reveal, "reveal", wrong),
        # an empty complaint, a repeated one
        "one or more trustees": _edit(events, complaint, against=[]),
        "complained twice": _insert(
            events, complaint, "complaint", events[complaint]["payload"]
        ),
        "once each": _edit(events, complaint, against=[3, 3]),
        # a box key that is not a valid point encoding, or of low order
        "lowercase hexadecimal": _edit(events, announcements[0], box_key="zz" * 32),
        "canonical X25519": _edit(events, announcements[0], box_key="ff" * 32),
        "low order": _edit(events, announcements[0], box_key="01" + "00" * 31),
        # unknown keys in an event
        "an announcement is": _edit(events, announcements[0], note="hi"),
        "a reveal is": _edit(events, reveal, note="hi"),
        "a complaint is": _edit(events, complaint, note="hi"),
        # a trustee who never announced
        "trustee 2 announced": _without(events, announcements[1]),
        "dealt twice": _insert(
            events, deals[-1] + 1, "deal", events[deals[0]]["payload"]
        ),
    }
    for expected, edited in cases.items():
        failure = _failure(_rebuild(edited))
        assert expected in failure.message, (expected, failure)
        assert failure.kind in ("trustee", "deal", "complaint", "reveal"), failure


def test_what_no_board_may_hold() -> None:
    events = _events()
    assert _failure(b"").message == "the board is empty"
    # A string with an unpaired surrogate has no canonical encoding (§2).
    params = {**events[0]["payload"], "name": "Votaci\ud800n"}
    line = json.dumps(
        {"hash": "0" * 64, "payload": params, "prev": "0" * 64, "seq": 0,
         "type": "election"},
        sort_keys=True, separators=(",", ":"),
    ).encode()  # fmt: skip
    assert _failure(line + b"\n").seq == 0
    ballot = _seqs(events, "ballot")[0]
    payload = json.loads(json.dumps(events[ballot]["payload"]))
    payload["replaces"] = "\udc00"
    board = Board()
    for event in events[:ballot]:
        board.append(event["type"], event["payload"])
    good = board.to_bytes()
    line = json.dumps(
        {"hash": "0" * 64, "payload": payload, "prev": board.head, "seq": ballot,
         "type": "ballot"},
        sort_keys=True, separators=(",", ":"),
    ).encode()  # fmt: skip
    assert _failure(good + line + b"\n").seq == ballot
    # Credentials (or anything later) before the key: the key was skipped.
    key = _seqs(events, "key")[0]
    failure = _failure(_rebuild(_without(events, key)))
    assert (failure.kind, failure.message) == (
        "credentials",
        "no key event before this one",
    )


# -- 5. an audited ballot ------------------------------------------------------


def _audit_record(events: Events) -> dict[str, Any]:
    """What a voter's booth revealed when she audited a ballot for this election:
    yes to the first question, the first and third answers of the second."""
    params = next(e["payload"] for e in events if e["type"] == "election")
    key = next(e["payload"] for e in events if e["type"] == "key")
    election = api.election_from(params, key)
    ((secret, _public),) = api.make_credentials(params["id"], 1)
    approval = [1, 0, 1] + [0] * (len(params["questions"][1]["answers"]) - 3)
    choices = [[1, 0], approval]
    ballot, randomness = api.cast(election, secret, choices)
    return api.audit(ballot, randomness, choices)


def test_the_cli_checks_an_audited_ballot_against_the_board(
    tmp_path: Path, capsys: Any
) -> None:
    events = _events()
    board_path = tmp_path / "board.jsonl"
    board_path.write_bytes(_rebuild(events))
    audit_path = tmp_path / "audit.json"
    record = _audit_record(events)
    params = events[0]["payload"]
    answers = params["questions"][1]["answers"]

    def run(audit: Any) -> tuple[int, str]:
        audit_path.write_text(json.dumps(audit))
        code = verify.main(
            [str(board_path), "--workers", "1", "--audit", str(audit_path)]
        )
        return code, capsys.readouterr().out

    code, out = run(record)
    assert code == verify.EXIT_OK, out
    assert f"audited ballot {record['tracker']}: encrypted correctly" in out
    assert (
        f"{params['questions'][0]['text']} -> {params['questions'][0]['answers'][0]}"
        in out
    )
    assert f"-> {answers[0]}, {answers[2]}" in out
    assert "OK: the election verifies" in out

    # The booth claimed the other answer for the same ciphertexts.
    claimed = json.loads(json.dumps(record))
    claimed["choices"][0] = [0, 1]
    code, out = run(claimed)
    assert code == verify.EXIT_FAILED
    assert "FAILED: the audited ballot is not encrypted as revealed" in out
    assert "does not open as revealed" in out and "encrypted correctly" not in out

    # A ciphertext swapped for another: the tracker no longer matches, nor the proofs.
    tampered = json.loads(json.dumps(record))
    tampered["ballot"]["answers"][1]["choices"].reverse()
    code, out = run(tampered)
    assert code == verify.EXIT_FAILED and "FAILED: the audited ballot" in out

    # An audit record for another election.
    other = json.loads(json.dumps(record))
    other["ballot"]["election"] = "ab" * 32
    assert run(other)[0] == verify.EXIT_FAILED

    # An unreadable audit file, as an unreadable board.
    audit_path.write_text("{not json")
    code = verify.main([str(board_path), "--workers", "1", "--audit", str(audit_path)])
    assert code == verify.EXIT_UNREADABLE

    # A running board: the ballot checks, the board is valid so far.
    board_path.write_bytes(_rebuild(_open_board(events)))
    code, out = run(record)
    assert code == verify.EXIT_VALID_SO_FAR and "encrypted correctly" in out
