"""The independent verifier: checks an entire election from its board alone.

Usage: ``python -m votecore.verify BOARD [--workers N]``. Prints a report and
exits with status 0 when every check passes, 1 naming the first failing event
otherwise, 2 when the board cannot be read.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import ballot as ballots
from . import board, group, tally, trustees
from .election import Election, ElectionError, check_params
from .elgamal import Ciphertext
from .encoding import fingerprint
from .group import GroupError

RANK = {kind: rank for rank, kind in enumerate(board.EVENT_TYPES)}
ONCE = ("election", "key", "close", "tally", "result")
MAX_WEIGHT = 1_000_000


class Failure(Exception):
    def __init__(self, seq: int, kind: str, message: str) -> None:
        super().__init__(f"event {seq} ({kind}): {message}")
        self.seq, self.kind, self.message = seq, kind, message


@dataclass
class Report:
    ok: bool = False
    failure: Failure | None = None
    lines: list[str] = field(default_factory=list)
    counts: list[list[int]] = field(default_factory=list)
    ops: dict[str, int] = field(default_factory=dict)

    def say(self, text: str) -> None:
        self.lines.append(text)


@dataclass
class _Setup:
    params: dict[str, Any] | None = None
    announcements: list[dict[str, Any]] = field(default_factory=list)
    deals: list[dict[str, Any]] = field(default_factory=list)
    complaints: list[dict[str, Any]] = field(default_factory=list)
    reveals: list[dict[str, Any]] = field(default_factory=list)
    key: dict[str, Any] | None = None
    election: Election | None = None
    credentials: dict[str, int] = field(default_factory=dict)
    credential_events: list[tuple[int, list[str]]] = field(default_factory=list)
    ballots: list[tuple[int, bytes]] = field(default_factory=list)
    last: dict[str, int] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)
    signatures: set[str] = field(default_factory=set)
    singles: dict[str, tuple[int, Any]] = field(default_factory=dict)
    shares: list[tuple[int, Any]] = field(default_factory=list)


# -- workers -----------------------------------------------------------------

_CTX: dict[str, Any] = {}


def _init(params: dict[str, Any], public_key: str, creds: dict[str, int]) -> None:
    _CTX["election"] = Election.from_json(params, public_key)
    _CTX["credentials"] = creds


def _check_credentials(
    task: tuple[int, list[str]],
) -> tuple[list[tuple[int, str]], dict[str, int]]:
    seq, items = task
    group.reset_ops()
    for pub in items:
        try:
            group.decode_point(pub)
        except GroupError as exc:
            return [(seq, f"public credential {pub[:16]}...: {exc}")], group.reset_ops()
    return [], group.reset_ops()


def _check_ballots(
    task: list[tuple[int, bytes, bool]],
) -> tuple[list[tuple[int, str]], tally.Sums, dict[str, int]]:
    group.reset_ops()
    fails, sums = _ballot_chunk(task)
    return fails, sums, group.reset_ops()


def _ballot_chunk(
    task: list[tuple[int, bytes, bool]],
) -> tuple[list[tuple[int, str]], tally.Sums]:
    election: Election = _CTX["election"]
    creds: dict[str, int] = _CTX["credentials"]
    counted: list[tuple[list[list[Ciphertext]], int]] = []
    for seq, line, is_counted in task:
        try:
            event = board.parse_line(seq, line)
            board.check_line(seq, line, event, types=False)
            payload = event["payload"]
            cred = bytes.fromhex(payload["credential"])
            ballots.verify(election, payload, cred)
        except (
            board.BoardError,
            ballots.BallotError,
            KeyError,
            TypeError,
            ValueError,
        ) as exc:
            message = exc.message if isinstance(exc, board.BoardError) else str(exc)
            return [(seq, message)], {}
        if is_counted:
            counted.append((ballots.ciphertexts(payload), creds[payload["credential"]]))
    return [], tally.sums_by_weight(election, counted)


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# -- the sequential pass -----------------------------------------------------


def _ingest(seq: int, kind: str, payload: Any, line: bytes, st: _Setup) -> None:
    if kind == "election":
        try:
            check_params(payload)
        except (ElectionError, ValueError, KeyError, TypeError) as exc:
            raise Failure(seq, kind, str(exc)) from exc
        st.params = payload
    elif kind == "trustee":
        st.announcements.append(payload)
    elif kind == "deal":
        st.deals.append(payload)
    elif kind == "complaint":
        st.complaints.append(payload)
    elif kind == "reveal":
        st.reveals.append(payload)
    elif kind == "key":
        _check_key(seq, payload, st)
    elif kind == "credentials":
        _check_credential_list(seq, payload, st)
    elif kind == "ballot":
        _note_ballot(seq, payload, line, st)
    elif kind == "decryption":
        st.shares.append((seq, payload))
    if kind in ONCE:
        st.singles[kind] = (seq, payload)


def _check_key(seq: int, payload: Any, st: _Setup) -> None:
    assert st.params is not None
    try:
        expected = trustees.combine_key(st.params, st.deals, st.complaints, st.reveals)
    except (trustees.TrusteeError, KeyError, TypeError, ValueError) as exc:
        raise Failure(seq, "key", f"the key ceremony fails: {exc}") from exc
    expected["fingerprint"] = fingerprint(st.params, expected["public_key"])
    if payload != expected:
        raise Failure(seq, "key", "does not follow from the trustees' deals")
    st.key = payload
    st.election = Election.from_json(st.params, payload["public_key"])


def _check_credential_list(seq: int, payload: Any, st: _Setup) -> None:
    if not isinstance(payload, dict) or set(payload) != {"credentials"}:
        raise Failure(seq, "credentials", "the payload is {credentials}")
    items = payload["credentials"]
    if not isinstance(items, list):
        raise Failure(seq, "credentials", "credentials is a list")
    pubs = []
    for item in items:
        if (
            not isinstance(item, list)
            or len(item) != 2
            or not isinstance(item[0], str)
            or not isinstance(item[1], int)
            or isinstance(item[1], bool)
            or not 1 <= item[1] <= MAX_WEIGHT
        ):
            raise Failure(
                seq, "credentials", "each entry is [public credential, weight]"
            )
        if item[0] in st.credentials:
            raise Failure(seq, "credentials", "a public credential is listed twice")
        st.credentials[item[0]] = item[1]
        pubs.append(item[0])
    st.credential_events.append((seq, pubs))


def _note_ballot(seq: int, payload: Any, line: bytes, st: _Setup) -> None:
    assert st.params is not None
    cred = payload.get("credential") if isinstance(payload, dict) else None
    if not isinstance(cred, str) or cred not in st.credentials:
        raise Failure(seq, "ballot", "the credential is not on the published list")
    if cred in st.seen and not st.params["revote"]:
        raise Failure(seq, "ballot", "a second ballot for a credential (no re-voting)")
    signature = payload.get("signature")
    if not isinstance(signature, str) or signature in st.signatures:
        raise Failure(seq, "ballot", "this ballot is already on the board (a replay)")
    st.signatures.add(signature)
    st.seen[cred] = st.seen.get(cred, 0) + 1
    st.last[cred] = seq
    st.ballots.append((seq, line))


def _first_pass(data: bytes, rep: Report) -> _Setup:
    st = _Setup()
    highest = -1
    prev = board.GENESIS
    lines = board.split_lines(data)
    for seq, line in enumerate(lines):
        event = board.parse_line(seq, line)
        kind = event["type"]
        if kind != "ballot":
            board.check_line(seq, line, event)
        if event["prev"] != prev:
            raise board.BoardError(
                seq, "the chain is broken: prev is not the previous hash"
            )
        prev = event["hash"]
        if seq == 0 and kind != "election":
            raise Failure(seq, kind, "the board must start with the election")
        if RANK[kind] < highest or (kind in ONCE and kind in st.singles):
            raise Failure(seq, kind, "event out of order")
        if kind == "ballot" and st.election is None:
            raise Failure(seq, kind, "a ballot before the key")
        highest = RANK[kind]
        _ingest(seq, kind, event["payload"], line, st)
    rep.say(f"board: {len(lines)} events, head {prev}")
    return st


# -- the whole verification --------------------------------------------------


def verify_bytes(
    data: bytes, workers: int = 1, progress: Callable[[str], None] | None = None
) -> Report:
    """Verify a board given as bytes; never raises for a bad board."""
    rep = Report()
    try:
        _verify(data, workers, rep, progress or (lambda _text: None))
        rep.ok = True
    except board.BoardError as exc:
        rep.failure = Failure(exc.seq, _type_of_line(data, exc.seq), exc.message)
    except Failure as exc:
        rep.failure = exc
    return rep


def _type_of_line(data: bytes, seq: int) -> str:
    """The type a damaged line seems to have, for the report."""
    lines = data.split(b"\n")
    found = re.search(rb'"type":"([a-z]+)"', lines[seq]) if seq < len(lines) else None
    return found.group(1).decode() if found else "unreadable"


def _verify(
    data: bytes, workers: int, rep: Report, progress: Callable[[str], None]
) -> None:
    st = _first_pass(data, rep)
    for kind in ONCE:
        if kind not in st.singles:
            raise Failure(len(data.split(b"\n")) - 1, "end", f"no {kind} event")
    assert st.params is not None and st.election is not None and st.key is not None
    election, params = st.election, st.params
    rep.say(
        f"election: {params['name']} ({params['id']}), fingerprint {election.fingerprint}"
    )
    n, t = params["trustees"]["count"], params["trustees"]["threshold"]
    rep.say(
        f"trustees: {t} of {n}; qualified {st.key['qualified']}; complaints {len(st.complaints)}"
    )
    total_weight = sum(st.credentials.values())
    rep.say(f"credentials: {len(st.credentials)}, total weight {total_weight}")
    counted_seqs = set(st.last.values())
    ballot_tasks = [(seq, line, seq in counted_seqs) for seq, line in st.ballots]
    cred_tasks = [
        (seq, chunk)
        for seq, pubs in st.credential_events
        for chunk in _chunks(pubs, 5000)
    ]
    failures: list[tuple[int, str]] = []
    sums: list[tally.Sums] = []
    size = max(200, min(2000, len(ballot_tasks) // (4 * max(1, workers)) + 1))
    init_args = (params, st.key["public_key"], st.credentials)
    started = time.perf_counter()
    ops = rep.ops

    def count(delta: dict[str, int]) -> None:
        for name, value in delta.items():
            ops[name] = ops.get(name, 0) + value

    if workers <= 1:
        _init(*init_args)
        for task in cred_tasks:
            fails, delta = _check_credentials(task)
            failures += fails
            count(delta)
        for chunk in _chunks(ballot_tasks, size):
            fails, part, delta = _check_ballots(chunk)
            failures += fails
            sums.append(part)
            count(delta)
    else:
        ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        with ctx.Pool(workers, initializer=_init, initargs=init_args) as pool:
            for fails, delta in pool.imap_unordered(_check_credentials, cred_tasks):
                failures += fails
                count(delta)
            done = 0
            chunks = _chunks(ballot_tasks, size)
            for fails, part, delta in pool.imap_unordered(_check_ballots, chunks):
                failures += fails
                sums.append(part)
                count(delta)
                done += 1
                progress(f"ballot chunks verified: {done}")
    if failures:
        seq, message = min(failures)
        raise Failure(seq, _kind_of(seq, st), message)
    revotes = len(st.ballots) - len(st.last)
    rep.say(
        f"ballots: {len(st.ballots)} verified in {time.perf_counter() - started:.1f} s, "
        f"{len(st.last)} counted, {revotes} replaced by a later ballot"
    )
    group.reset_ops()
    _check_end(st, tally.merge(sums), rep)
    count(group.reset_ops())


def _kind_of(seq: int, st: _Setup) -> str:
    return "ballot" if any(s == seq for s, _ in st.ballots) else "credentials"


def _check_end(st: _Setup, sums: tally.Sums, rep: Report) -> None:
    assert st.election is not None and st.key is not None
    election = st.election
    seq, close = st.singles["close"]
    if close != {"ballots": len(st.ballots)}:
        raise Failure(seq, "close", "the number of ballots is wrong")
    counted_weight = sum(st.credentials[c] for c in st.last)
    seq, payload = st.singles["tally"]
    expected = tally.tally_payload(election, sums, len(st.last), counted_weight)
    if payload != expected:
        raise Failure(seq, "tally", "is not the weighted sum of the counted ballots")
    rep.say(f"tally: {len(st.last)} ballots, counted weight {counted_weight}: matches")
    cts = tally.decode_tally(election, payload)
    seen: set[Any] = set()
    for seq, share in st.shares:
        who = share.get("trustee") if isinstance(share, dict) else None
        if who in seen:
            raise Failure(
                seq, "decryption", f"a second decryption share from trustee {who}"
            )
        seen.add(who)
        try:
            trustees.verify_share(election, st.key, cts, share)
        except (trustees.TrusteeError, KeyError, TypeError, ValueError) as exc:
            raise Failure(seq, "decryption", str(exc)) from exc
    rep.say(f"decryption shares: {len(st.shares)} verified")
    seq, result = st.singles["result"]
    try:
        expected = tally.result_payload(
            election, st.key, payload, [share for _, share in st.shares]
        )
    except (tally.TallyError, trustees.TrusteeError) as exc:
        raise Failure(seq, "result", str(exc)) from exc
    if result != expected:
        raise Failure(seq, "result", "does not match the decrypted tally")
    rep.counts = expected["counts"]
    for q, counts in zip(election.params["questions"], expected["counts"], strict=True):
        shown = ", ".join(
            f"{a}: {c}" for a, c in zip(q["answers"], counts, strict=True)
        )
        rep.say(f"result: {q['text']} -> {shown}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m votecore.verify", description=__doc__
    )
    parser.add_argument("board", type=Path)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    try:
        data = args.board.read_bytes()
    except OSError as exc:
        print(f"cannot read the board: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    rep = verify_bytes(data, args.workers)
    for line in rep.lines:
        print(line)
    elapsed = time.perf_counter() - started
    if rep.failure is not None:
        print(f"FAILED at {rep.failure}")
        return 1
    print(f"OK: the election verifies ({elapsed:.1f} s, {args.workers} workers)")
    return 0


if __name__ == "__main__":
    from votecore.verify import main as _main

    sys.exit(_main())
