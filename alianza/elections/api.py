"""The election's programs talk to Alianza here: the trustee's program (its
ceremony), the credential authority's page and program (public credentials, its
key, replaced codes), the polling table (provisional credentials and their
decisions, check-ins and incidents) and the booth (ballots, which need no sign-in: the credential's
signature is the proof)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from alianza.lib.http import ApiRequest, loads, one_of
from alianza.lib.permissions import get_changeable, get_visible
from votecore.encoding import is_hex

from . import actions, selectors
from .models import Election, ProvisionalVoter
from .rules import VIEW

router = Router(tags=["elections"])


class CeremonyIn(Schema):
    step: str
    payload: Any


class CredentialsIn(Schema):
    credentials: dict[int, str]


class AuthorityKeyIn(Schema):
    public_key: str


class ReplacementIn(Schema):
    """The credential authority's signed replacement (``python -m votecore.authority
    replace`` prints it): docs/voting-protocol.md §5.1."""

    old: str
    new: str
    reason: str
    signature: str


class Credential(Schema):
    credential: str


class ProvisionalIn(Schema):
    name: str
    curp: str = ""
    reason: str
    #: The public credential; her code is drawn on the polling table's device.
    credential: str


class ProvisionalOut(Schema):
    id: int
    credential: str
    #: None while undecided; true once the administrator and an observer accept.
    accepted: bool | None


class DecisionIn(Schema):
    accepted: bool


class CheckInIn(Schema):
    #: Her worker number or CURP, as on her ID card.
    worker: str
    #: Only when she votes assisted: the person she chose, and her statement.
    assistant_name: str = ""
    assistant_statement: str = ""


class CheckInOut(Schema):
    id: int
    at: str
    assisted: bool


class IncidentIn(Schema):
    text: str


class IncidentOut(Schema):
    id: int
    at: str


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


@router.post("/{uid}/authority-key", response={201: AuthorityKeyIn})
def authority_key(request: ApiRequest, uid: str, payload: AuthorityKeyIn):
    """The credential authority's public key, once, before the vote opens; it
    signs the replacement of a lost or stolen code."""
    election: Election = get_changeable(
        request.auth, Election, "elections.issue_credentials", view=VIEW, uid=uid
    )
    actions.publish_authority_key(request.auth, election, payload.public_key)
    return Status(201, {"public_key": payload.public_key})


@router.post("/{uid}/replacements", response={201: Credential})
def replacement(request: ApiRequest, uid: str, payload: ReplacementIn):
    """A lost or stolen code replaced: the voter's line takes the new public
    credential the authority signed (never a secret code)."""
    election: Election = get_changeable(
        request.auth, Election, "elections.issue_credentials", view=VIEW, uid=uid
    )
    done = actions.replace_credential(request.auth, election, payload.dict())
    return Status(201, {"credential": done.new})


@router.post("/{uid}/provisional", response={201: ProvisionalOut})
def provisional(request: ApiRequest, uid: str, payload: ProvisionalIn):
    """The polling table's administrator issues a provisional credential to a
    worker missing from the roll (her name, CURP and why are kept off the board)."""
    election: Election = get_changeable(
        request.auth, Election, "elections.issue_provisional", view=VIEW, uid=uid
    )
    worker = actions.issue_provisional(request.auth, election, **payload.dict())
    return Status(201, _provisional_out(worker))


@router.post("/{uid}/provisional/{pk}/decision", response=ProvisionalOut)
def provisional_decision(request: ApiRequest, uid: str, pk: int, payload: DecisionIn):
    """The administrator's or an observer's answer on a provisional ballot; it is
    decided once both give the same one."""
    election: Election = get_changeable(
        request.auth, Election, "elections.decide_provisional", view=VIEW, uid=uid
    )
    worker: ProvisionalVoter = get_visible(
        request.auth, selectors.provisional_voters(election), None, pk=pk
    )
    worker = actions.decide_provisional(request.auth, worker, payload.accepted)
    return _provisional_out(worker)


def _provisional_out(worker: ProvisionalVoter) -> dict[str, Any]:
    return {
        "id": worker.pk,
        "credential": worker.credential,
        "accepted": worker.accepted,
    }


@router.post("/{uid}/check-ins", response={201: CheckInOut})
def check_in(request: ApiRequest, uid: str, payload: CheckInIn):
    """The polling table's console: a worker on the roll checked in by her worker
    number or CURP, with the assistant she chose when she votes assisted."""
    election: Election = get_changeable(
        request.auth, Election, "elections.keep_polling_table", view=VIEW, uid=uid
    )
    found = selectors.find_worker(election, payload.worker)
    if found is None or found.voter is None:
        raise ValidationError(
            {"worker": _("No worker with this worker number or CURP is on the roll.")}
        )
    done = actions.check_in(
        request.auth, election, found.voter,
        assistant_name=payload.assistant_name,
        assistant_statement=payload.assistant_statement,
    )  # fmt: skip
    return Status(
        201, {"id": done.pk, "at": done.at.isoformat(), "assisted": done.is_assisted}
    )


@router.post("/{uid}/incidents", response={201: IncidentOut})
def incident(request: ApiRequest, uid: str, payload: IncidentIn):
    """An incident at the polling table, written as it happens."""
    election: Election = get_changeable(
        request.auth, Election, "elections.keep_polling_table", view=VIEW, uid=uid
    )
    done = actions.record_incident(request.auth, election, payload.text)
    return Status(201, {"id": done.pk, "at": done.at.isoformat()})
