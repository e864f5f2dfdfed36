import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from votecore import verify
from votecore.board import Board, event_hash
from votecore.encoding import canonical

from .helpers import small_board


def _events(data: Any) -> Any:
    return [json.loads(line) for line in data.split(b"\n")[:-1]]


def _rebuild(events: Any) -> Any:
    """Re-chain edited events so that only the edited content is wrong."""
    board = Board()
    for event in events:
        board.append(event["type"], event["payload"])
    return board.to_bytes()


def test_the_sample_board_verifies() -> None:
    data, _ = small_board()
    report = verify.verify_bytes(data)
    assert report.ok, report.failure


@settings(max_examples=60, deadline=None)
@given(position=st.data(), delta=st.integers(min_value=1, max_value=255))
def test_any_single_byte_change_is_detected(position: Any, delta: Any) -> None:
    data, _ = small_board()
    i = position.draw(st.integers(min_value=0, max_value=len(data) - 1))
    tampered = bytearray(data)
    tampered[i] = (tampered[i] + delta) % 256
    report = verify.verify_bytes(bytes(tampered))
    assert not report.ok
    line = data[:i].count(b"\n")
    assert report.failure is not None and report.failure.seq <= line + 1


def test_a_byte_changed_in_every_event_is_detected() -> None:
    data, _ = small_board()
    start = 0
    for seq, line in enumerate(data.split(b"\n")[:-1]):
        for offset in (0, len(line) // 2, len(line) - 1):
            tampered = bytearray(data)
            tampered[start + offset] ^= 0x01
            report = verify.verify_bytes(bytes(tampered))
            assert report.failure is not None and report.failure.seq <= seq + 1
        start += len(line) + 1


def test_truncation_and_removal_are_detected() -> None:
    data, _ = small_board()
    lines = data.split(b"\n")[:-1]
    assert not verify.verify_bytes(b"\n".join(lines[:-1]) + b"\n").ok
    assert not verify.verify_bytes(data[:-1]).ok
    first_ballot = next(i for i, ln in enumerate(lines) if b'"type":"ballot"' in ln)
    without_ballot = lines[:first_ballot] + lines[first_ballot + 1 :]
    report = verify.verify_bytes(b"\n".join(without_ballot) + b"\n")
    assert report.failure is not None and report.failure.seq == first_ballot


def test_rechained_edits_are_caught_by_the_checks() -> None:
    data, _ = small_board()
    events = _events(data)
    ballots = [e for e in events if e["type"] == "ballot"]
    # a ballot moved to another credential (re-chained, so the hashes are right)
    edited = [dict(e) for e in events]
    target = edited.index(ballots[0])
    edited[target] = {
        **ballots[0],
        "payload": {
            **ballots[0]["payload"],
            "credential": ballots[1]["payload"]["credential"],
        },
    }
    report = verify.verify_bytes(_rebuild(edited))
    assert report.failure is not None and report.failure.seq == target
    assert report.failure.kind == "ballot"
    # a result that is not the decrypted tally
    edited = [dict(e) for e in events]
    counts = edited[-1]["payload"]["counts"]
    edited[-1] = {
        **edited[-1],
        "payload": {
            **edited[-1]["payload"],
            "counts": [[c + 1 for c in counts[0]], counts[1]],
        },
    }
    report = verify.verify_bytes(_rebuild(edited))
    assert report.failure is not None and report.failure.kind == "result"
    # a duplicated ballot event
    edited = events[: target + 1] + [events[target]] + events[target + 1 :]
    report = verify.verify_bytes(_rebuild(edited))
    assert report.failure is not None and report.failure.seq == target + 1
    assert "replay" in report.failure.message


def test_an_event_hash_is_over_its_content() -> None:
    assert event_hash(0, "0" * 64, "close", {"ballots": 1}) != event_hash(
        0, "0" * 64, "close", {"ballots": 2}
    )
    board = Board()
    board.append("close", {"ballots": 1})
    assert board.lines[0] == canonical(json.loads(board.lines[0])) + b"\n"


def test_cli_reports_the_first_failing_event(tmp_path: Any, capsys: Any) -> None:
    data, _ = small_board()
    good = tmp_path / "board.jsonl"
    good.write_bytes(data)
    assert verify.main([str(good), "--workers", "2"]) == 0
    assert "OK: the election verifies" in capsys.readouterr().out
    lines = data.split(b"\n")
    index = next(i for i, ln in enumerate(lines) if b'"type":"ballot"' in ln)
    lines[index] = (
        lines[index]
        .replace(b'"choices":[["', b'"choices":[["0', 1)
        .replace(b'["0', b'["', 0)
    )
    pos = lines[index].index(b'"choices":[["') + len(b'"choices":[["')
    lines[index] = (
        lines[index][:pos]
        + (b"1" if lines[index][pos : pos + 1] != b"1" else b"2")
        + lines[index][pos + 1 :]
    )
    bad = tmp_path / "tampered.jsonl"
    bad.write_bytes(b"\n".join(lines))
    assert verify.main([str(bad), "--workers", "1"]) == 1
    out = capsys.readouterr().out
    assert f"FAILED at event {index} (ballot)" in out
    assert verify.main([str(tmp_path / "missing.jsonl")]) == 2


@pytest.mark.parametrize("workers", [1, 2])
def test_parallel_and_serial_agree(workers: Any) -> None:
    data, expected = small_board()
    report = verify.verify_bytes(data, workers)
    assert report.ok and report.counts[0] == expected[0]
