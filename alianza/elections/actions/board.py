"""The election's public board: events appended, chained to the one before, and
the ballots received put onto it in the order they came."""

import json
from typing import Any

from django.db import connection, transaction

from votecore.board import event_hash
from votecore.encoding import canonical

from ..models import BoardEvent, Election


def append_event(
    election: Election, kind: str, payload: Any, tracker: str = ""
) -> BoardEvent:
    """Append one event to the election's board, chained to the one before, after
    the ballots received so far. The caller holds the election's row lock."""
    sequence(election)
    return _append(election, kind, payload, tracker)


def _append(
    election: Election, kind: str, payload: Any, tracker: str = ""
) -> BoardEvent:
    seq = election.head_seq + 1
    prev = election.head_hash
    digest = event_hash(seq, prev, kind, payload)
    line = canonical(
        {"seq": seq, "prev": prev, "type": kind, "payload": payload, "hash": digest}
    ).decode()
    event = BoardEvent.objects.create(
        election=election, seq=seq, type=kind, line=line, hash=digest, tracker=tracker
    )
    election.head_seq, election.head_hash = seq, digest
    Election.objects.filter(pk=election.pk).update(head_seq=seq, head_hash=digest)
    return event


def sequence(election: Election) -> int:
    """Put the ballots received and not yet on the board onto it, in the order they
    were received, in one go. The caller holds the election's row lock."""
    pending = list(
        BoardEvent.objects.filter(election=election, seq__isnull=True)
        .order_by("pk")
        .only("pk", "line")
    )
    seq, prev = election.head_seq, election.head_hash
    for event in pending:
        seq += 1
        payload = json.loads(event.line)
        digest = event_hash(seq, prev, "ballot", payload)
        event.line = canonical(
            {
                "seq": seq,
                "prev": prev,
                "type": "ballot",
                "payload": payload,
                "hash": digest,
            }
        ).decode()
        event.seq, event.hash, prev = seq, digest, digest
    if pending:
        BoardEvent.objects.bulk_update(pending, ["seq", "line", "hash"], batch_size=500)
        election.head_seq, election.head_hash = seq, prev
        Election.objects.filter(pk=election.pk).update(head_seq=seq, head_hash=prev)
    return len(pending)


def sequence_now(election: Election, wait: bool = True) -> int:
    """Sequence the received ballots in a transaction of its own. Without ``wait``,
    give way when another request is already doing it (it takes ours too, or the
    next one will)."""
    skip = not wait and connection.features.has_select_for_update_skip_locked
    with transaction.atomic():
        locked = (
            Election.objects.select_for_update(skip_locked=skip)
            .only("pk", "head_seq", "head_hash")
            .filter(pk=election.pk)
            .first()
        )
        return sequence(locked) if locked is not None else 0


def board_bytes(election: Election) -> bytes:
    """The whole board, as published (the ballots received so far sequenced first)."""
    sequence_now(election)
    lines = election.board.order_by("seq").values_list("line", flat=True)
    return "".join(line + "\n" for line in lines).encode()
