"""Provisional credentials (docs/voting-protocol.md §6.6): a worker missing
from the roll votes with a credential issued at the polling table; her ballots
are held apart until the election's administrator and an observer decide her
eligibility together. An accepted credential counts with weight 1; a rejected
one never counts and casts no further ballot.

``provisional`` payload: ``{"credential": X}``.
``provisional_decided`` payload: ``{"credential": X, "accepted": true|false,
"administrator": A, "observer": B}``, where ``A`` and ``B`` name (by the
election's own reference, not by name) the two people who decided, and differ.
"""

from __future__ import annotations

from typing import Any

from . import group
from .encoding import has_keys, is_hex
from .group import GroupError

DECISION_KEYS = ("credential", "accepted", "administrator", "observer")
MAX_REFERENCE = 64


class ProvisionalError(ValueError):
    """A provisional event that does not follow the protocol."""


def check_issue(payload: Any) -> str:
    """The public credential a ``provisional`` payload issues."""
    if not has_keys(payload, "credential") or not is_hex(payload["credential"], 32):
        raise ProvisionalError("the payload is {credential}, 64 hexadecimal characters")
    try:
        group.decode_point(payload["credential"])
    except GroupError as exc:
        raise ProvisionalError(f"the provisional credential: {exc}") from exc
    return str(payload["credential"])


def check_decision(payload: Any) -> tuple[str, bool]:
    """The credential a ``provisional_decided`` payload decides, and whether
    it is accepted."""
    if not has_keys(payload, *DECISION_KEYS):
        raise ProvisionalError(
            "the payload is {credential, accepted, administrator, observer}"
        )
    if not isinstance(payload["accepted"], bool):
        raise ProvisionalError("accepted is true or false")
    people = (payload["administrator"], payload["observer"])
    for who in people:
        if not isinstance(who, str) or not 1 <= len(who) <= MAX_REFERENCE:
            raise ProvisionalError("a decider is named by 1 to 64 characters")
    if people[0] == people[1]:
        raise ProvisionalError(
            "the administrator and the observer who decide are two different people"
        )
    return str(payload["credential"]), payload["accepted"]
