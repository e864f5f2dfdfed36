"""The election's programs talk to Alianza here: the trustee's program (its
ceremony), the credential authority's page (public credentials) and the booth
(ballots, which need no sign-in: the credential's signature is the proof)."""

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from alianza.lib.http import ApiRequest
from alianza.lib.permissions import require

from . import actions, selectors
from .models import Election

router = Router(tags=["elections"])


class CeremonyIn(Schema):
    step: str
    payload: Any


class CredentialsIn(Schema):
    credentials: dict[int, str]


class Tracker(Schema):
    tracker: str


class Count(Schema):
    count: int


def _election(uid: str) -> Election:
    return get_object_or_404(Election, uid=uid)


@router.get("/{uid}/ceremony")
def ceremony(request: ApiRequest, uid: str):
    """The public state of the trustees' ceremony, and which trustee you are."""
    election = _election(uid)
    require(request.auth, "elections.act_as_trustee", election)
    return {
        **selectors.ceremony_state(election),
        "you": selectors.trustee_index(request.auth, election),
    }


@router.post("/{uid}/ceremony")
def ceremony_message(request: ApiRequest, uid: str, payload: CeremonyIn):
    """One public message of a trustee's step (announce, deal, check, reveal, decrypt)."""
    election = _election(uid)
    state = actions.trustee_message(
        request.auth, election, payload.step, payload.payload
    )
    return {**state, "you": selectors.trustee_index(request.auth, election)}


@router.post("/{uid}/credentials", response=Count)
def credentials(request: ApiRequest, uid: str, payload: CredentialsIn):
    """The credential authority's public credentials, one per voter (by voter id)."""
    election = _election(uid)
    return {
        "count": actions.publish_credentials(
            request.auth, election, payload.credentials
        )
    }


@router.post("/{uid}/ballots", response={201: Tracker}, auth=None)
def ballot(request, uid: str):
    """Cast a ballot made by the booth (the request body is the ballot, as
    docs/voting-protocol.md §6.3 defines it); the answer is its tracker."""
    election = _election(uid)
    try:
        body = json.loads(request.body)
    except ValueError as exc:
        raise ValidationError(_("The ballot is not JSON.")) from exc
    return Status(201, {"tracker": actions.cast(election, body)})
