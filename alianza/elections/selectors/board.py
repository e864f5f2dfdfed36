"""The board and the trustees' ceremony."""

import json
from typing import Any, NamedTuple

from django.db.models import QuerySet

from votecore.trustees import key_fingerprint

from ..models import (
    BoardEvent,
    CeremonyMessage,
    CredentialReplacement,
    Election,
    ProvisionalVoter,
    Role,
)
from .roll import voting_lines

# --- The board and the trustees' ceremony ---------------------------------------------


def board_payloads(election: Election, kind: str) -> list[Any]:
    """The payloads of the board's events of ``kind``, in the board's order."""
    return [
        json.loads(line)["payload"]
        for line in election.board.filter(type=kind)
        .order_by("seq")
        .values_list("line", flat=True)
    ]


def board_events(election: Election) -> QuerySet[BoardEvent]:
    """The board's events as its page lists them (the lines themselves apart)."""
    return election.board.only("seq", "type", "hash", "tracker", "at").order_by("seq")


def board_head(election: Election) -> str | None:
    """The hash of the board's last event."""
    on_board = election.board.filter(seq__isnull=False)  # not the ballots still waiting
    return on_board.order_by("-seq").values_list("hash", flat=True).first()


#: The booth shows a tracker's first characters for a person to write down; the
#: board finds a ballot by them (64 bits: no two ballots share them in practice).
SHORT_TRACKER = 16


def ballot_with_tracker(election: Election, tracker: str) -> BoardEvent | None:
    """The ballot with this tracker, written whole or as its first characters
    (spaces and case ignored); None if none, or if the characters fit several."""
    tracker = "".join(tracker.split()).lower()
    if len(tracker) < SHORT_TRACKER:
        return None
    found = list(election.board.filter(type="ballot", tracker__startswith=tracker)[:2])
    return found[0] if len(found) == 1 else None


def _ballots_of(election: Election, credential: str) -> QuerySet[BoardEvent]:
    """The ballots of one credential, received or on the board, in board order
    (ballots are put on the board in the order they were received)."""
    return election.board.filter(
        type="ballot", line__contains=f'"credential":"{credential}"'
    ).order_by("pk")


def last_tracker(election: Election, credential: str) -> str | None:
    """The tracker of the credential's last ballot: the one its next replaces."""
    if not credential:
        return None
    return (
        _ballots_of(election, credential)
        .reverse()
        .values_list("tracker", flat=True)
        .first()
    )


class Standing(NamedTuple):
    """Whether a ballot on the board counts, and if not why: ``replaced`` (a later
    ballot of its credential, cast at ``later_at``), ``revoked`` (its code was
    replaced by the credential authority), ``provisional`` (held apart until
    decided) or ``rejected`` (a provisional ballot not accepted)."""

    counted: bool
    why: str = ""
    later_at: Any = None

    @property
    def is_replaced(self) -> bool:
        return self.why == "replaced"

    @property
    def is_revoked(self) -> bool:
        return self.why == "revoked"

    @property
    def is_held_apart(self) -> bool:
        return self.why == "provisional"


def tracker_standing(election: Election, event: BoardEvent) -> Standing:
    """The standing of the ballot ``event``, as the verifier would report it."""
    line = json.loads(event.line)
    ballot = line["payload"] if event.seq is not None else line  # or still received
    credential = ballot["credential"]
    later = _ballots_of(election, credential).filter(pk__gt=event.pk).last()
    if later is not None:
        return Standing(False, "replaced", later.at)
    if election.replacements.filter(old=credential).exists():
        return Standing(False, "revoked")
    held = election.provisional_voters.filter(credential=credential).first()
    if held is not None and not held.is_decided:
        return Standing(False, "provisional")
    if held is not None and not held.accepted:
        return Standing(False, "rejected")
    return Standing(True)


def provisional_voters(election: Election) -> QuerySet[ProvisionalVoter]:
    """The election's provisional voters, first issued first, with their deciders."""
    return election.provisional_voters.select_related(
        "administrator__person", "observer__person"
    ).order_by("issued_at", "pk")


def provisional_voter(election: Election, pk: int) -> ProvisionalVoter | None:
    return election.provisional_voters.filter(pk=pk).first()


def credentials_for_authority(election: Election) -> list[Any]:
    """The roll's lines with their public credential now, for the authority to
    choose whose code it replaces (no secrets)."""
    return list(
        voting_lines(election)
        .exclude(credential="")
        .order_by("name", "pk")
        .values("pk", "name", "worker_number", "credential")
    )


def replacements(election: Election) -> QuerySet[CredentialReplacement]:
    """The codes the credential authority replaced, with their voters' lines."""
    return election.replacements.select_related("voter").order_by("at")


def ceremony_messages(election: Election, step: str) -> list[CeremonyMessage]:
    """The trustees' messages of one step, in the trustees' order."""
    return list(election.ceremony.filter(step=step).order_by("trustee"))


def ceremony_state(election: Election) -> dict[str, Any]:
    """Everything a trustee's program needs, all public."""
    state: dict[str, Any] = {
        "status": election.status,
        "params": election.params,
        "key": election.key,
        "announcements": [m.payload for m in ceremony_messages(election, "announce")],
        "deals": [m.payload for m in ceremony_messages(election, "deal")],
        "checked": [m.trustee for m in ceremony_messages(election, "check")],
        "complaints": board_payloads(election, "complaint"),
        "reveals": board_payloads(election, "reveal"),
        "tally": None,
        "decrypted": [m.trustee for m in ceremony_messages(election, "decrypt")],
    }
    tally = board_payloads(election, "tally")
    if tally:
        state["tally"] = tally[0]
    return state


def ceremony_progress(election: Election) -> list[dict[str, Any]]:
    """Each trustee's steps of the key ceremony and of the decryption: what she has
    done, her key's fingerprint once she has dealt, and whether the election now
    waits for her (``awaited``)."""
    done: dict[str, dict[int, Any]] = {
        step: {m.trustee: m.payload for m in ceremony_messages(election, step)}
        for step in ("announce", "deal", "check", "reveal", "decrypt")
    }
    n = election.trustee_count
    accused = {
        i for c in done["check"].values() if isinstance(c, dict) for i in c["against"]
    }
    phase = next(
        (s for s in ("announce", "deal", "check") if len(done[s]) < n), "reveal"
    )
    rows = []
    for role in election.roles.filter(kind=Role.Kind.TRUSTEE).select_related("person"):
        i = role.trustee_index
        assert i is not None  # every trustee has her number
        dealt = done["deal"].get(i)
        check = done["check"].get(i)
        if election.is_in_key_ceremony and election.key is None:
            awaited = (
                i in accused and i not in done["reveal"]
                if phase == "reveal"
                else i not in done[phase]
            )
        else:
            awaited = election.awaits_shares and i not in done["decrypt"]
        rows.append(
            {
                "index": i,
                "person": role.person,
                "announced": i in done["announce"],
                "dealt": dealt is not None,
                "fingerprint": key_fingerprint(i, dealt["commitments"][0])
                if dealt
                else "",
                "checked": check is not None,
                "complained_against": check["against"] if check else [],
                "accused": i in accused,
                "revealed": i in done["reveal"],
                "decrypted": i in done["decrypt"],
                "awaited": awaited,
            }
        )
    return sorted(rows, key=lambda row: row["index"])
