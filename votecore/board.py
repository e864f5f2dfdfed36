"""The bulletin board: an append-only, hash-chained log of events.

Each event is the canonical JSON object ``{"seq", "prev", "type", "payload",
"hash"}`` on a line of its own (``\\n``-terminated). ``seq`` counts from 0,
``prev`` is the previous event's ``hash`` (64 zeros for the first) and ``hash``
is ``sha256_hex("event", {"seq", "prev", "type", "payload"})``. The board file is
exactly the concatenation of these lines.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .encoding import PREFIX, TAG_EVENT, canonical, sha256_hex

GENESIS = "0" * 64
# The board's rows, in order (docs/voting-protocol.md §10): an event may not
# come after one of a later row; the events of one row mix freely.
EVENT_ROWS = (
    ("election",),
    ("trustee",),
    ("deal",),
    ("complaint",),
    ("reveal",),
    ("key",),
    ("credentials", "authority"),
    ("ballot", "credential_replaced", "provisional", "provisional_decided"),
    ("close",),
    ("tally",),
    ("decryption",),
    ("result",),
)
EVENT_TYPES = tuple(kind for row in EVENT_ROWS for kind in row)


class BoardError(ValueError):
    """A board that is not well formed; ``seq`` names the event."""

    def __init__(self, seq: int, message: str) -> None:
        super().__init__(f"event {seq}: {message}")
        self.seq = seq
        self.message = message


def event_hash(seq: int, prev: str, kind: str, payload: Any) -> str:
    return sha256_hex(
        TAG_EVENT, {"seq": seq, "prev": prev, "type": kind, "payload": payload}
    )


class Board:
    """An in-memory board that appends events and writes them out."""

    def __init__(self) -> None:
        self.lines: list[bytes] = []
        self.head = GENESIS

    def __len__(self) -> int:
        return len(self.lines)

    def append(self, kind: str, payload: Any) -> dict[str, Any]:
        if kind not in EVENT_TYPES:
            raise ValueError(f"unknown event type {kind!r}")
        seq = len(self.lines)
        digest = event_hash(seq, self.head, kind, payload)
        event = {
            "seq": seq,
            "prev": self.head,
            "type": kind,
            "payload": payload,
            "hash": digest,
        }
        self.lines.append(canonical(event) + b"\n")
        self.head = digest
        return event

    def to_bytes(self) -> bytes:
        return b"".join(self.lines)

    def write(self, path: str | Path) -> None:
        Path(path).write_bytes(self.to_bytes())


def split_lines(data: bytes) -> list[bytes]:
    """The event lines of a board file (each without its newline)."""
    if data and not data.endswith(b"\n"):
        raise BoardError(data.count(b"\n"), "the board does not end with a newline")
    return data.split(b"\n")[:-1]


def parse_line(seq: int, line: bytes) -> dict[str, Any]:
    """Decode one line and check its shape and sequence number (not the hash)."""
    try:
        event = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BoardError(seq, f"not JSON: {exc}") from exc
    if not isinstance(event, dict) or set(event) != {
        "seq",
        "prev",
        "type",
        "payload",
        "hash",
    }:
        raise BoardError(seq, "an event is {seq, prev, type, payload, hash}")
    if event["seq"] != seq or isinstance(event["seq"], bool):
        raise BoardError(seq, "wrong sequence number")
    if event["type"] not in EVENT_TYPES:
        raise BoardError(seq, f"unknown event type {event['type']!r}")
    return event


def check_line(
    seq: int, line: bytes, event: dict[str, Any], *, types: bool = True
) -> None:
    """The line is the canonical encoding of the event, and its hash is right.

    ``types=False`` skips the walk over value types (integer range, ASCII
    keys) for payloads whose every field is checked elsewhere (ballots).
    """
    try:
        encoded = canonical(event, check=types)
    except ValueError as exc:
        raise BoardError(seq, str(exc)) from exc
    if encoded != line:
        raise BoardError(seq, "not in canonical encoding")
    # Keys are sorted, so "hash" comes first: without it, the line is exactly
    # the canonical encoding of {"payload", "prev", "seq", "type"}.
    head = b'{"hash":"' + event["hash"].encode() + b'",'
    if not isinstance(event["hash"], str) or not line.startswith(head):
        raise BoardError(seq, "the event hash is malformed")
    content = b"{" + line[len(head) :]
    expected = hashlib.sha256(
        (PREFIX + TAG_EVENT).encode() + b"\x00" + content
    ).hexdigest()
    if event["hash"] != expected:
        raise BoardError(seq, "the event hash does not match its content")


def read(data: bytes) -> Iterator[tuple[int, bytes, dict[str, Any]]]:
    """Every event, checked for shape, canonical form, hash and chain."""
    prev = GENESIS
    for seq, line in enumerate(split_lines(data)):
        event = parse_line(seq, line)
        check_line(seq, line, event)
        if event["prev"] != prev:
            raise BoardError(seq, "the chain is broken: prev is not the previous hash")
        prev = event["hash"]
        yield seq, line, event
