"""Shared fixtures for the votecore tests."""

from __future__ import annotations

import functools
from typing import Any

from votecore import credentials, group, sample
from votecore.board import Board
from votecore.election import Election, make_params
from votecore.encoding import BODY_KEYS, signed_message

QUESTIONS = [
    sample.QUESTIONS["yesno"],
    sample.QUESTIONS["1of6"],
    sample.QUESTIONS["approval"],
]


def single_key_election(
    questions: list[dict[str, Any]] | None = None, eid: str = "test-1"
) -> Election:
    params = make_params(eid, "Test", questions or QUESTIONS)
    return Election(params, group.base(group.random_scalar()))


@functools.cache
def small_board() -> tuple[bytes, list[list[int]]]:
    bb, expected = sample.build(
        3,
        questions=["yesno", "approval"],
        trustee_count=3,
        threshold=2,
        revote_share=0.5,
        seed=7,
    )
    return bb.to_bytes(), expected


def resign(body: dict[str, Any], election_id: str, secret: str) -> dict[str, Any]:
    """Sign a (modified) ballot again with a secret credential."""
    x = credentials.secret_scalar(election_id, secret)
    cred = group.base(x)
    out = {k: body[k] for k in BODY_KEYS}
    out["credential"] = cred.hex()
    out["signature"] = credentials.sign(
        x, cred, signed_message(out), group.random_scalar()
    )
    return out


__all__ = ["Board", "QUESTIONS", "resign", "single_key_election", "small_board"]
