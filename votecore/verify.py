"""The independent verifier: checks an election from its board alone.

Usage: ``python -m votecore.verify BOARD [--workers N] [--head HASH]
[--extends OLD_BOARD] [--tracker T] [--audit FILE]``. Every event present is
checked, a running election's board as well as a finished one's. Exit status:
0 the election verifies; 1 an event fails (the lowest one is named) or a check
asked for fails (an audited ballot that does not open as revealed); 2 a file
cannot be read; 3 every event present verifies but the board has no result yet
("valid so far").
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import authority, board, group, provisional, tally, trustees
from . import ballot as ballots
from .election import Election, ElectionError, check_params
from .elgamal import Ciphertext
from .encoding import fingerprint, tracker
from .group import GroupError

RANK = {kind: rank for rank, row in enumerate(board.EVENT_ROWS) for kind in row}
ONCE = ("election", "key", "close", "tally", "result")
# An event of a later type needs each of these before it.
NEEDED = ("key", "close", "tally")
MAX_WEIGHT = 1_000_000
EXIT_OK, EXIT_FAILED, EXIT_UNREADABLE, EXIT_VALID_SO_FAR = 0, 1, 2, 3


class Failure(Exception):
    def __init__(self, seq: int, kind: str, message: str) -> None:
        super().__init__(f"event {seq} ({kind}): {message}")
        self.seq, self.kind, self.message = seq, kind, message


@dataclass
class Report:
    """``ok``: the whole election verifies. ``valid_so_far``: every event
    present verifies but the board has no result yet (a running election)."""

    ok: bool = False
    valid_so_far: bool = False
    failure: Failure | None = None
    head: str = board.GENESIS
    events: int = 0
    missing: str = ""  # the first once-only event an open board still lacks
    lines: list[str] = field(default_factory=list)
    counts: list[list[int]] = field(default_factory=list)
    ops: dict[str, int] = field(default_factory=dict)
    # tracker -> (seq, counted): counted when it is its credential's last ballot
    # and the credential counts
    trackers: dict[str, tuple[int, bool]] = field(default_factory=dict)
    # tracker -> why it is not counted (a key of NOT_COUNTED), for those that are not
    not_counted: dict[str, str] = field(default_factory=dict)

    def say(self, text: str) -> None:
        self.lines.append(text)


@dataclass
class _Setup:
    params: dict[str, Any] | None = None
    ceremony: trustees.Ceremony | None = None
    key: dict[str, Any] | None = None
    election: Election | None = None
    credentials: dict[str, int] = field(default_factory=dict)
    credential_events: list[tuple[int, list[str]]] = field(default_factory=list)
    ballots: list[tuple[int, bytes]] = field(default_factory=list)
    # (seq, credential, replaces) of every ballot, in board order
    chain: list[tuple[int, str, Any]] = field(default_factory=list)
    last: dict[str, int] = field(default_factory=dict)
    signatures: set[str] = field(default_factory=set)
    singles: dict[str, tuple[int, Any]] = field(default_factory=dict)
    authority: str | None = None  # the credential authority's public key
    revoked: dict[str, int] = field(default_factory=dict)  # credential -> seq
    # provisional credential -> None while undecided, then accepted or not
    provisional: dict[str, bool | None] = field(default_factory=dict)
    shares: list[tuple[int, Any]] = field(default_factory=list)
    stop: Failure | None = None  # the first failure of the sequential pass
    events: int = 0
    head: str = board.GENESIS


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


Checked = tuple[list[tuple[int, str]], tally.Sums, list[tuple[int, str]]]


def _check_ballots(
    task: list[tuple[int, bytes, bool]],
) -> tuple[list[tuple[int, str]], tally.Sums, list[tuple[int, str]], dict[str, int]]:
    group.reset_ops()
    fails, sums, tracked = _ballot_chunk(task)
    return fails, sums, tracked, group.reset_ops()


def _ballot_chunk(task: list[tuple[int, bytes, bool]]) -> Checked:
    """Verify ballots; return the first failure, the counted sums and the
    tracker of every ballot that verified."""
    election: Election = _CTX["election"]
    creds: dict[str, int] = _CTX["credentials"]
    counted: list[tuple[list[list[Ciphertext]], int]] = []
    tracked: list[tuple[int, str]] = []
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
            return [(seq, message)], {}, tracked
        tracked.append((seq, tracker(payload)))
        if is_counted:
            counted.append((ballots.ciphertexts(payload), creds[payload["credential"]]))
    return [], tally.sums_by_weight(election, counted), tracked


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
        st.ceremony = trustees.Ceremony(payload)
    elif kind in ("trustee", "deal", "complaint", "reveal"):
        _ceremony_step(seq, kind, payload, st)
    elif kind == "key":
        _check_key(seq, payload, st)
    elif kind == "credentials":
        _check_credential_list(seq, payload, st)
    elif kind == "authority":
        _check_authority(seq, payload, st)
    elif kind == "credential_replaced":
        _check_replacement(seq, payload, st)
    elif kind in ("provisional", "provisional_decided"):
        _check_provisional(seq, kind, payload, st)
    elif kind == "ballot":
        _note_ballot(seq, payload, line, st)
    elif kind == "decryption":
        st.shares.append((seq, payload))
    if kind in ONCE:
        st.singles[kind] = (seq, payload)


def _ceremony_step(seq: int, kind: str, payload: Any, st: _Setup) -> None:
    assert st.ceremony is not None
    step = {
        "trustee": st.ceremony.announce,
        "deal": st.ceremony.deal,
        "complaint": st.ceremony.complain,
        "reveal": st.ceremony.reveal,
    }[kind]
    try:
        step(payload)
    except (KeyError, TypeError, ValueError) as exc:  # TrusteeError among them
        raise Failure(seq, kind, str(exc)) from exc


def _check_key(seq: int, payload: Any, st: _Setup) -> None:
    assert st.params is not None and st.ceremony is not None
    try:
        expected = st.ceremony.key()
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


def _check_authority(seq: int, payload: Any, st: _Setup) -> None:
    if st.authority is not None:
        raise Failure(seq, "authority", "a second authority key")
    try:
        st.authority = authority.check_authority(payload)
    except authority.AuthorityError as exc:
        raise Failure(seq, "authority", str(exc)) from exc


def _new_credential(seq: int, kind: str, public: str, st: _Setup) -> None:
    if public in st.credentials:
        raise Failure(seq, kind, "the new credential is already listed")


def _check_replacement(seq: int, payload: Any, st: _Setup) -> None:
    """The authority revokes a credential and lists a new one, same weight."""
    kind = "credential_replaced"
    assert st.key is not None
    if st.authority is None:
        raise Failure(seq, kind, "no authority key on the board to sign it")
    try:
        authority.check_replacement(st.key["fingerprint"], st.authority, payload)
    except authority.AuthorityError as exc:
        raise Failure(seq, kind, str(exc)) from exc
    old, new = payload["old"], payload["new"]
    if old not in st.credentials or old in st.provisional:
        raise Failure(seq, kind, "the old credential is not on the published list")
    if old in st.revoked:
        raise Failure(seq, kind, "the old credential was already revoked")
    _new_credential(seq, kind, new, st)
    st.revoked[old] = seq
    st.credentials[new] = st.credentials[old]


def _check_provisional(seq: int, kind: str, payload: Any, st: _Setup) -> None:
    try:
        if kind == "provisional":
            public = provisional.check_issue(payload)
            _new_credential(seq, kind, public, st)
            st.credentials[public] = 1
            st.provisional[public] = None
            return
        public, accepted = provisional.check_decision(payload)
    except provisional.ProvisionalError as exc:
        raise Failure(seq, kind, str(exc)) from exc
    if public not in st.provisional:
        raise Failure(seq, kind, "the credential is not a provisional one")
    if st.provisional[public] is not None:
        raise Failure(seq, kind, "the provisional credential was already decided")
    st.provisional[public] = accepted


def _counts(cred: str, st: _Setup) -> str | None:
    """Why the credential's last ballot does not count, or None when it does."""
    if cred in st.revoked:
        return "revoked"
    decided = st.provisional.get(cred, True)
    if decided is None:
        return "provisional"
    return None if decided else "rejected"


def _counted(st: _Setup) -> dict[str, int]:
    """The counted ballots: credential -> seq of its chain's last ballot."""
    return {c: seq for c, seq in st.last.items() if _counts(c, st) is None}


def _note_ballot(seq: int, payload: Any, line: bytes, st: _Setup) -> None:
    assert st.params is not None
    cred = payload.get("credential") if isinstance(payload, dict) else None
    if not isinstance(cred, str) or cred not in st.credentials:
        raise Failure(seq, "ballot", "the credential is not on the published list")
    if cred in st.revoked:
        raise Failure(seq, "ballot", "the credential was revoked and replaced")
    if st.provisional.get(cred, True) is False:
        raise Failure(seq, "ballot", "the provisional credential was rejected")
    if cred in st.last and not st.params["revote"]:
        raise Failure(seq, "ballot", "a second ballot for a credential (no re-voting)")
    signature = payload.get("signature")
    if not isinstance(signature, str) or signature in st.signatures:
        raise Failure(seq, "ballot", "this ballot is already on the board (a replay)")
    st.signatures.add(signature)
    st.last[cred] = seq
    st.ballots.append((seq, line))
    st.chain.append((seq, cred, payload.get("replaces")))


def _first_pass(data: bytes) -> _Setup:
    """Form, chain, order and every check that needs the events before: up to
    the first event that fails (``st.stop``); nothing after it is trusted."""
    st = _Setup()
    highest = -1
    lines = data.split(b"\n")
    unfinished = lines.pop()
    if not data:
        st.stop = Failure(0, "election", "the board is empty")
    elif unfinished:
        st.stop = Failure(
            len(lines),
            _type_of(data, len(lines)),
            "the board does not end with a newline",
        )
    for seq, line in enumerate(lines):
        try:
            event = board.parse_line(seq, line)
            kind = event["type"]
            if kind != "ballot":
                board.check_line(seq, line, event)
            if event["prev"] != st.head:
                raise board.BoardError(
                    seq, "the chain is broken: prev is not the previous hash"
                )
            if seq == 0 and kind != "election":
                raise Failure(seq, kind, "the board must start with the election")
            if RANK[kind] < highest or (kind in ONCE and kind in st.singles):
                raise Failure(seq, kind, "event out of order")
            for needed in NEEDED:
                if RANK[kind] > RANK[needed] and needed not in st.singles:
                    raise Failure(seq, kind, f"no {needed} event before this one")
            highest = RANK[kind]
            _ingest(seq, kind, event["payload"], line, st)
        except board.BoardError as exc:
            st.stop = Failure(seq, _type_of(data, seq), exc.message)
            break
        except Failure as exc:
            st.stop = exc
            break
        st.head = event["hash"]
        st.events = seq + 1
    return st


# -- the whole verification --------------------------------------------------


def verify_bytes(
    data: bytes, workers: int = 1, progress: Callable[[str], None] | None = None
) -> Report:
    """Verify a board given as bytes; never raises for a bad board.

    Every event present is checked; the report names the lowest failing one.
    """
    rep = Report()
    failures = _verify(data, workers, rep, progress or (lambda _text: None))
    if failures:
        rep.failure = min(failures, key=lambda f: f.seq)
    elif rep.missing:
        rep.valid_so_far = True
    else:
        rep.ok = True
    return rep


def _type_of(data: bytes, seq: int) -> str:
    """The type a damaged line seems to have, for the report."""
    lines = data.split(b"\n")
    found = re.search(rb'"type":"([a-z]+)"', lines[seq]) if seq < len(lines) else None
    return found.group(1).decode() if found else "unreadable"


def _verify(
    data: bytes, workers: int, rep: Report, progress: Callable[[str], None]
) -> list[Failure]:
    st = _first_pass(data)
    rep.head, rep.events = st.head, st.events
    if st.stop is None:
        rep.say(f"board: {st.events} events, head {st.head}")
    else:
        rep.say(f"board: read as far as event {st.stop.seq}, which fails")
    failures = [st.stop] if st.stop is not None else []
    if st.params is not None:
        rep.say(f"election: {st.params['name']} ({st.params['id']})")
    if st.election is None or st.key is None or st.params is None:
        _say_missing(st, rep, failures)
        return failures
    election, params = st.election, st.params
    rep.say(f"fingerprint: {election.fingerprint}")
    n, t = params["trustees"]["count"], params["trustees"]["threshold"]
    assert st.ceremony is not None
    rep.say(
        f"trustees: {t} of {n}; qualified {st.key['qualified']}; "
        f"complaints {len(st.ceremony.complaints)}"
    )
    listed = {c: w for c, w in st.credentials.items() if c not in st.provisional}
    rep.say(
        f"credentials: {len(listed) - len(st.revoked)}, total weight "
        f"{sum(listed.values()) - sum(listed[c] for c in st.revoked)}"
    )
    if st.revoked or st.provisional:
        accepted = sum(1 for d in st.provisional.values() if d)
        rep.say(
            f"replaced by the credential authority: {len(st.revoked)}; provisional: "
            f"{len(st.provisional)}, {accepted} accepted"
        )
    counted_seqs = set(_counted(st).values())
    ballot_tasks = [(seq, line, seq in counted_seqs) for seq, line in st.ballots]
    cred_tasks = [
        (seq, chunk)
        for seq, pubs in st.credential_events
        for chunk in _chunks(pubs, 5000)
    ]
    found: list[tuple[int, str]] = []
    sums: list[tally.Sums] = []
    trackers: dict[int, str] = {}
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
            found += fails
            count(delta)
        for chunk in _chunks(ballot_tasks, size):
            fails, part, tracked, delta = _check_ballots(chunk)
            found += fails
            sums.append(part)
            trackers.update(tracked)
            count(delta)
    else:
        ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        with ctx.Pool(workers, initializer=_init, initargs=init_args) as pool:
            for fails, delta in pool.imap_unordered(_check_credentials, cred_tasks):
                found += fails
                count(delta)
            done = 0
            chunks = _chunks(ballot_tasks, size)
            for fails, part, tracked, delta in pool.imap_unordered(
                _check_ballots, chunks
            ):
                found += fails
                sums.append(part)
                trackers.update(tracked)
                count(delta)
                done += 1
                progress(f"ballot chunks verified: {done}")
    checked = [Failure(seq, _kind_of(seq, st), message) for seq, message in found]
    checked += _check_chains(st, trackers, rep)
    revotes = len(st.ballots) - len(st.last)
    apart = len(st.last) - len(counted_seqs)
    rep.say(
        f"ballots: {len(st.ballots)} checked in {time.perf_counter() - started:.1f} s, "
        f"{len(counted_seqs)} counted, {revotes} replaced by a later ballot"
        + (f", {apart} of revoked or provisional credentials" if apart else "")
    )
    if checked:  # the end events are checked against sound ballots only
        return failures + checked
    group.reset_ops()
    try:
        _check_end(st, tally.merge(sums), rep)
    except Failure as exc:
        failures.append(exc)
    count(group.reset_ops())
    _say_missing(st, rep, failures)
    return failures


def _say_missing(st: _Setup, rep: Report, failures: list[Failure]) -> None:
    """On a board that stops early: the first once-only event it lacks."""
    if failures:
        return
    for kind in ONCE:
        if kind not in st.singles:
            rep.missing = kind
            return


def _check_chains(st: _Setup, trackers: dict[int, str], rep: Report) -> list[Failure]:
    """Each credential's ballots form one unbroken chain: the first replaces
    nothing, each later one replaces the tracker of the one before."""
    last: dict[str, str] = {}
    for seq, cred, replaces in st.chain:
        own = trackers.get(seq)
        if own is None:  # this ballot failed its own checks (reported there)
            return []
        expected = last.get(cred)
        if replaces != expected:
            return [
                Failure(
                    seq,
                    "ballot",
                    f"the re-vote chain is broken: the ballot replaces "
                    f"{replaces or 'nothing'}, but its credential's last ballot "
                    f"is {expected or 'none'}",
                )
            ]
        last[cred] = own
    for seq, cred, _ in st.chain:
        own = trackers[seq]
        why = "replaced" if st.last[cred] != seq else _counts(cred, st)
        rep.trackers[own] = (seq, why is None)
        if why is not None:
            rep.not_counted[own] = why
    return []


def _kind_of(seq: int, st: _Setup) -> str:
    return "ballot" if any(s == seq for s, _ in st.ballots) else "credentials"


def _check_end(st: _Setup, sums: tally.Sums, rep: Report) -> None:
    """The close, tally, decryption and result events present."""
    assert st.election is not None and st.key is not None
    election = st.election
    if "close" not in st.singles:
        return
    seq, close = st.singles["close"]
    if close != {"ballots": len(st.ballots)}:
        raise Failure(seq, "close", "the number of ballots is wrong")
    if any(st.provisional.get(c, True) is None for c in st.last):
        raise Failure(seq, "close", "a provisional ballot is still undecided")
    if "tally" not in st.singles:
        return
    counted = _counted(st)
    counted_weight = sum(st.credentials[c] for c in counted)
    seq, payload = st.singles["tally"]
    expected = tally.tally_payload(election, sums, len(counted), counted_weight)
    if payload != expected:
        raise Failure(seq, "tally", "is not the weighted sum of the counted ballots")
    rep.say(f"tally: {len(counted)} ballots, counted weight {counted_weight}: matches")
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
    if "result" not in st.singles:
        return
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


# -- what an observer or a voter wrote down ----------------------------------


def extends(old: bytes, new: bytes) -> str | None:
    """Why ``new`` does not extend the earlier copy ``old``, or ``None``."""
    old_lines, new_lines = old.split(b"\n"), new.split(b"\n")
    if old and not old.endswith(b"\n"):
        return "the earlier board does not end with a newline"
    for seq, line in enumerate(old_lines[:-1]):
        if seq >= len(new_lines) - 1:
            return f"the board is shorter than the earlier one (event {seq} is gone)"
        if new_lines[seq] != line:
            return f"event {seq} differs from the earlier board"
    return None


SHORT_TRACKER = 16  # the characters a voter may have written down (four groups)


def find_tracker(rep: Report, wanted: str) -> str | None:
    """The tracker on the board that ``wanted`` names: whole, or its first 16
    characters or more (spaces and capitals ignored); None if none or several."""
    wanted = "".join(wanted.split()).lower()
    if wanted in rep.trackers:
        return wanted
    if len(wanted) < SHORT_TRACKER:
        return None
    found = [t for t in rep.trackers if t.startswith(wanted)]
    return found[0] if len(found) == 1 else None


def tracker_standing(rep: Report, wanted: str) -> str | None:
    """Why ``wanted`` is not its credential's counted ballot, or ``None``."""
    found = find_tracker(rep, wanted)
    if found is None:
        return f"no ballot with tracker {wanted} is on the board"
    seq, counted = rep.trackers[found]
    if not counted:
        return f"the ballot with tracker {found} (event {seq}) " + str(
            NOT_COUNTED[rep.not_counted[found]]
        )
    return None


def audit_standing(
    data: bytes, rep: Report, record: Any
) -> tuple[str | None, list[str]]:
    """Why the audited ballot ``record`` (§7) is not a correct encryption for
    this board's election, or None with what it said, one line per question."""
    st = _first_pass(data)
    if st.election is None or st.params is None:
        return "the board has no election key to check an audited ballot against", []
    try:
        choices = ballots.verify_audit(st.election, record)
    except (ballots.BallotError, GroupError, KeyError, TypeError) as exc:
        return f"the audited ballot is not encrypted as revealed: {exc}", []
    if record["tracker"] in rep.trackers:
        return "the audited ballot was cast: an audited ballot never may be", []
    said = []
    for question, picks in zip(st.params["questions"], choices, strict=True):
        names = [a for a, bit in zip(question["answers"], picks, strict=True) if bit]
        said.append(f"{question['text']} -> {', '.join(names) or '(blank)'}")
    return None, said


#: Why a ballot on the board is not counted.
NOT_COUNTED = {
    "replaced": "was replaced by a later ballot of its credential",
    "revoked": "was cast with a credential the credential authority revoked",
    "provisional": "is provisional: its eligibility is not decided yet",
    "rejected": "is provisional, and its eligibility was rejected",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m votecore.verify",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("board", type=Path)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--head", help="the board's head (last hash) must be this")
    parser.add_argument(
        "--extends", type=Path, help="the board must extend this earlier copy"
    )
    parser.add_argument(
        "--tracker",
        help="this tracker (whole, or its first 16 characters) must be its "
        "credential's counted ballot",
    )
    parser.add_argument(
        "--audit",
        type=Path,
        help="an audited ballot (the booth's audit record, JSON): it must be a "
        "correct encryption, for this election, of the choices it reveals",
    )
    args = parser.parse_args(argv)
    try:
        data = args.board.read_bytes()
        old = args.extends.read_bytes() if args.extends is not None else None
    except OSError as exc:
        print(f"cannot read the board: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    record = None
    if args.audit is not None:
        try:
            record = json.loads(args.audit.read_bytes())
        except (OSError, ValueError) as exc:
            print(f"cannot read the audited ballot: {exc}", file=sys.stderr)
            return EXIT_UNREADABLE
    started = time.perf_counter()
    rep = verify_bytes(data, args.workers)
    for line in rep.lines:
        print(line)
    elapsed = time.perf_counter() - started
    if rep.failure is not None:
        print(f"FAILED at {rep.failure}")
        return EXIT_FAILED
    asked = []
    if args.head is not None:
        same = rep.head == args.head.strip().lower()
        asked.append(None if same else f"the head is {rep.head}, not {args.head}")
        if same:
            print(f"head: {rep.head}, as given")
    if old is not None:
        why = extends(old, data)
        asked.append(why)
        if why is None:
            print(f"extends the earlier board ({old.count(10)} events)")
    if args.tracker is not None:
        why = tracker_standing(rep, args.tracker)
        asked.append(why)
        if why is None:
            found = find_tracker(rep, args.tracker)
            assert found is not None
            print(
                f"tracker {found}: the counted ballot of its credential "
                f"(event {rep.trackers[found][0]})"
            )
    if record is not None:
        why, said = audit_standing(data, rep, record)
        asked.append(why)
        if why is None:
            print(
                f"audited ballot {record['tracker']}: encrypted correctly, "
                "never cast; it said:"
            )
            for line in said:
                print(f"  {line}")
    problems = [why for why in asked if why is not None]
    if problems:
        for why in problems:
            print(f"FAILED: {why}")
        return EXIT_FAILED
    if rep.valid_so_far:
        print(
            f"VALID SO FAR: the {rep.events} events verify; the election is not "
            f"finished (no {rep.missing} event yet)"
        )
        return EXIT_VALID_SO_FAR
    print(f"OK: the election verifies ({elapsed:.1f} s, {args.workers} workers)")
    return EXIT_OK


if __name__ == "__main__":
    from votecore.verify import main as _main

    sys.exit(_main())
