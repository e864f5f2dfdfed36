"""The election's programs talk to Alianza here: the trustee's program (its
ceremony), the credential authority's page (public credentials) and the booth
(ballots, which need no sign-in: the credential's signature is the proof)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from alianza.lib.http import ApiRequest, loads, one_of
from alianza.lib.permissions import get_changeable, get_visible
from votecore.encoding import is_hex

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


class LastBallot(Schema):
    tracker: str | None


class StepIn(Schema):
    step: str = Field(..., json_schema_extra={"enum": list(actions.STEPS)})


class StepOut(Schema):
    status: str = one_of(Election, "status")
    #: On a joint body's ballot: the coordinating unions still to agree (ids).
    waiting_for: list[int]


VIEW = "elections.view_election"


@router.get("/{uid}/ceremony")
def ceremony(request: ApiRequest, uid: str):
    """The public state of the trustees' ceremony, and which trustee you are."""
    election: Election = get_changeable(
        request.auth,
        Election,
        "elections.act_as_trustee",
        view=VIEW,
        message=_("You are not a trustee of this election."),
        uid=uid,
    )
    return {
        **selectors.ceremony_state(election),
        "you": selectors.trustee_index(request.auth, election),
    }


@router.post("/{uid}/ceremony")
def ceremony_message(request: ApiRequest, uid: str, payload: CeremonyIn):
    """One public message of a trustee's step (announce, deal, check, reveal, decrypt)."""
    election: Election = get_visible(request.auth, Election, VIEW, uid=uid)
    state = actions.trustee_message(
        request.auth, election, payload.step, payload.payload
    )
    return {**state, "you": selectors.trustee_index(request.auth, election)}


@router.post("/{uid}/steps", response=StepOut)
def step(request: ApiRequest, uid: str, payload: StepIn):
    """Take an election's next step (begin, keys_now, open, close, publish), as its
    page's buttons do: a vote opens no earlier than its announced start, nor before
    the notice the law asks has run."""
    election: Election = get_changeable(
        request.auth, Election, "elections.change_election", view=VIEW, uid=uid
    )
    take = actions.STEPS.get(payload.step)
    if take is None:
        raise ValidationError({"step": _("Unknown step.")})
    election = take(request.auth, election)
    return {
        "status": election.status,
        "waiting_for": sorted(selectors.unions_yet_to_agree(election, payload.step)),
    }


@router.post("/{uid}/credentials", response=Count)
def credentials(request: ApiRequest, uid: str, payload: CredentialsIn):
    """The credential authority's public credentials, one per voter (by voter id)."""
    election: Election = get_visible(request.auth, Election, VIEW, uid=uid)
    return {
        "count": actions.publish_credentials(
            request.auth, election, payload.credentials
        )
    }


@router.post("/{uid}/ballots", response={201: Tracker}, auth=None)
def ballot(request, uid: str):
    """Cast a ballot made by the booth (the request body is the ballot, as
    docs/voting-protocol.md §6.3 defines it); the answer is its tracker."""
    election: Election = get_visible(request.user, Election, None, uid=uid)
    try:
        body = loads(request.body)
    except ValueError as exc:
        raise ValidationError(_("The ballot is not JSON.")) from exc
    return Status(201, {"tracker": actions.cast(election, body)})


@router.get("/{uid}/ballots/{credential}", response=LastBallot, auth=None)
def last_ballot(request, uid: str, credential: str):
    """The tracker of a credential's last ballot (null before its first): a
    re-vote names it in ``replaces`` (docs/voting-protocol.md §6.5). Public, as
    the board is."""
    election: Election = get_visible(request.user, Election, None, uid=uid)
    if not is_hex(credential, 32):
        raise ValidationError(_("A public credential is 64 hexadecimal characters."))
    return {"tracker": selectors.last_tracker(election, credential)}
