"""The result: decrypted from the trustees' shares, then published."""

from typing import Any

from django.db import transaction

from alianza.lib.permissions import require
from votecore import api as vc

from ..models import Election
from ..selectors import board_payloads
from ._shared import agreed, audit, locked, require_status, take_step
from .board import append_event


def finish_result(election: Election, actor: Any, shares: list[dict]) -> None:
    """Decrypt the tally with the first ``threshold`` trustees' shares (the caller
    holds the election's row lock)."""
    chosen = sorted(shares, key=lambda s: s["trustee"])[: election.threshold]
    for share in chosen:
        append_event(election, "decryption", share)
    tally = board_payloads(election, "tally")[0]
    result = vc.result(election.crypto(), election.public_key, tally, chosen)
    append_event(election, "result", result)
    election.result = result
    election.save(update_fields=["result"])
    take_step(election, Election.Status.TALLIED, actor)
    audit("elections.tallied", actor, election)


@transaction.atomic
def publish_result(actor: Any, election: Election) -> Election:
    """Publish the result; a joint body's ballot's result is published when every
    coordinating union has agreed."""
    require(actor, "elections.change_election", election)
    election = locked(election)
    require_status(election, Election.Status.TALLIED)
    if not agreed(actor, election, "publish"):
        return election
    return announce(election, actor)


@transaction.atomic
def announce(election: Election, actor: Any = None) -> Election:
    election = locked(election)
    require_status(election, Election.Status.TALLIED)
    take_step(election, Election.Status.PUBLISHED, actor)
    audit("elections.published", actor, election)
    return election
