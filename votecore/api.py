"""The stable API that applications (the Django elections app) call.

Every value that crosses this API is JSON-able (dicts, lists, strings, ints),
except :class:`Election`, which an application rebuilds from the ``params``
and ``key`` dicts it stores. See docs/voting-protocol.md §11.

Setting up::

    params = new_election("usw-lm-2026-ratify", "Ratification", [
        {"text": "Ratify?", "answers": ["Yes", "No"], "min": 1, "max": 1, "blank": False},
    ], trustees=3, threshold=2)
    board = Board(); board.append("election", params)

Each trustee, on their own machine (``votecore.trustees``): ``setup`` ->
``deal`` -> ``check_deals`` -> ``reveal`` -> (server: :func:`election_key`) ->
``finish``; after the tally, ``decrypt_share``. The credential authority calls
:func:`make_credentials` and sends each voter their secret. The booth calls
:func:`cast` (or its JavaScript twin); the server calls :func:`check_ballot`
for every ballot it receives, then :func:`tally_ballots` and :func:`result`.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from typing import Any

from . import ballot as _ballot
from . import credentials as _credentials
from . import tally as _tally
from . import trustees as _trustees
from .ballot import BallotError, BallotOutOfOrder, BallotReplayed
from .board import Board
from .election import Election, make_params
from .encoding import fingerprint, tracker
from .group import Scalar
from .verify import Report, verify_bytes

Json = dict[str, Any]


def new_election(
    election_id: str,
    name: str,
    questions: list[Json],
    *,
    trustees: int = 1,
    threshold: int = 1,
    revote: bool = True,
) -> Json:
    """Election parameters (the payload of the ``election`` event)."""
    return make_params(
        election_id,
        name,
        questions,
        trustees=trustees,
        threshold=threshold,
        revote=revote,
    )


def election_key(
    params: Json, deals: list[Json], complaints: list[Json], reveals: list[Json]
) -> Json:
    """The ``key`` event's payload from the trustees' public messages."""
    key = _trustees.combine_key(params, deals, complaints, reveals)
    key["fingerprint"] = fingerprint(params, key["public_key"])
    return key


def election_from(params: Json, key: Json) -> Election:
    """The context every ballot is checked against."""
    return Election.from_json(params, key["public_key"])


def make_credentials(election_id: str, count: int) -> list[tuple[str, str]]:
    """The credential authority: ``count`` pairs (secret code, public credential)."""
    return _credentials.generate(election_id, count)


def credentials_payload(public_weights: Iterable[tuple[str, int]]) -> Json:
    """The ``credentials`` event's payload: public credentials with their weights."""
    return {"credentials": [[public, weight] for public, weight in public_weights]}


def cast(
    election: Election,
    secret: str,
    choices: list[list[int]],
    replaces: str | None = None,
) -> tuple[Json, list[list[Scalar]]]:
    """Encrypt, prove and sign; return the ballot and its randomness (for an audit).

    ``replaces`` is the tracker of the credential's last ballot on the board
    (``None`` for a first ballot): a re-vote names the ballot it replaces.
    """
    return _ballot.create(election, secret, choices, replaces=replaces)


def check_ballot(
    election: Election,
    body: Any,
    weights: Mapping[str, int],
    cast_signatures: Container[str] = frozenset(),
    last_trackers: Mapping[str, str] | None = None,
) -> str:
    """Check a received ballot; return its tracker. Raise :class:`BallotError`.

    ``cast_signatures`` holds the signatures of the ballots already on the
    board: a ballot seen before is a replay (it could undo a later re-vote).
    ``last_trackers`` maps a credential to the tracker of its last ballot on
    the board: the ballot must name exactly that one in ``replaces`` (``null``
    when the credential has none), or it would break the credential's chain
    and with it the board.
    """
    if not isinstance(body, dict) or body.get("credential") not in weights:
        raise BallotError("the credential is not on the published list")
    if body.get("signature") in cast_signatures:
        raise BallotReplayed("this ballot is already on the board (a replay)")
    _ballot.verify(election, body)
    own = tracker(body)
    expected = (last_trackers or {}).get(body["credential"])
    if own == expected:
        raise BallotReplayed("this ballot is already on the board (a replay)")
    if body["replaces"] != expected:
        raise BallotOutOfOrder(
            "the ballot does not replace this credential's last ballot "
            f"(it replaces {body['replaces'] or 'none'}, the last is {expected or 'none'})"
        )
    return own


def tally_ballots(
    election: Election, ballots: Iterable[Json], weights: Mapping[str, int]
) -> Json:
    """The ``tally`` event's payload: the last ballot per credential, weighted.

    ``ballots`` are the accepted ballots in board order; ``weights`` holds the
    credentials that count: a credential the authority revoked, or a provisional
    one not accepted, is left out of it and its ballots are not counted.
    """
    last: dict[str, Json] = {}
    for body in ballots:
        if body["credential"] in weights:
            last[body["credential"]] = body
    sums = _tally.sums_by_weight(
        election, ((_ballot.ciphertexts(b), weights[c]) for c, b in last.items())
    )
    return _tally.tally_payload(
        election, sums, len(last), sum(weights[c] for c in last)
    )


def result(election: Election, key: Json, tally: Json, shares: list[Json]) -> Json:
    """The ``result`` event's payload from ``threshold`` valid decryption shares."""
    return _tally.result_payload(election, key, tally, shares)


def audit(body: Json, randomness: list[list[Scalar]], choices: list[list[int]]) -> Json:
    """What the booth shows when the voter audits a ballot (it is then not cast)."""
    return _ballot.audit_record(body, randomness, choices)


def check_audit(election: Election, record: Any) -> list[list[int]]:
    """Check an audited ballot; return the choices it encrypts."""
    return _ballot.verify_audit(election, record)


def verify_board(data: bytes, workers: int = 1) -> Report:
    """Verify an entire board (what ``python -m votecore.verify`` does)."""
    return verify_bytes(data, workers)


__all__ = [
    "BallotError",
    "BallotOutOfOrder",
    "BallotReplayed",
    "Board",
    "Election",
    "audit",
    "cast",
    "check_audit",
    "check_ballot",
    "credentials_payload",
    "election_from",
    "election_key",
    "make_credentials",
    "new_election",
    "result",
    "tally_ballots",
    "verify_board",
]
