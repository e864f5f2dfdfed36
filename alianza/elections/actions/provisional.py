"""Provisional ballots: a worker missing from the roll votes with a credential
the election's administrator issues at the polling table; her ballot is held
apart until the administrator and an observer, two people, give the same answer
on her eligibility (docs/voting-protocol.md §6.6). The close waits for them."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alianza.lib.permissions import require
from alianza.orgs.selectors import standing
from votecore import provisional

from ..models import Election, ProvisionalVoter, Role
from ..roll_lines import curp_is_valid, in_mexico
from ._shared import audit, locked, require_status
from .board import append_event
from .codes import credential_in_use


def issue_provisional(
    actor: Any,
    election: Election,
    *,
    name: str,
    curp: str,
    reason: str,
    credential: str,
) -> ProvisionalVoter:
    """Record the worker (her name, CURP and why she is not on the roll) and put
    her provisional public credential on the board. Her code is drawn on the
    polling table's device; only its public credential reaches Alianza."""
    require(actor, "elections.issue_provisional", election)
    return record_provisional(
        election, name=name, curp=curp, reason=reason, credential=credential,
        actor=actor,
    )  # fmt: skip


@transaction.atomic
def record_provisional(
    election: Election, *, name: str, curp: str, reason: str, credential: str,
    actor: Any = None,
) -> ProvisionalVoter:  # fmt: skip
    election = locked(election)
    require_status(election, Election.Status.OPEN)
    name, curp, reason = name.strip(), curp.strip().upper(), reason.strip()
    if not name:
        raise ValidationError({"name": _("Write her name.")})
    if not reason:
        raise ValidationError({"reason": _("Say why she is not on the roll.")})
    if curp and not curp_is_valid(curp):
        raise ValidationError({"curp": _("This is not a valid CURP.")})
    if not curp and in_mexico(election):
        raise ValidationError({"curp": _("Her CURP is required for a vote in Mexico.")})
    payload = {"credential": credential}
    try:
        provisional.check_issue(payload)
    except provisional.ProvisionalError as exc:
        raise ValidationError(
            {"credential": _("This is not a valid public key.")}
        ) from exc
    if credential_in_use(election, credential):
        raise ValidationError({"credential": _("This credential is already in use.")})
    append_event(election, "provisional", payload)
    issued = ProvisionalVoter.objects.create(
        election=election,
        name=name,
        curp=curp,
        reason=reason,
        credential=credential,
        issued_by=actor,
    )
    audit("elections.provisional_issued", actor, election, provisional=issued.pk)
    return issued


def _deciding_role(actor: Any, election: Election) -> Role:
    """The actor's part in deciding: the election's administrator or an observer."""
    person = standing(actor).person
    roles = election.roles.filter(
        person=person, kind__in=[Role.Kind.ADMINISTRATOR, Role.Kind.OBSERVER]
    )
    found = list(roles) if person is not None else []
    if len(found) != 1:
        raise ValidationError(
            _(
                "Provisional ballots are decided by the election's administrator "
                "and an observer, two different people."
            )
        )
    return found[0]


def decide_provisional(
    actor: Any, worker: ProvisionalVoter, accepted: bool
) -> ProvisionalVoter:
    """Give one decider's answer on the worker's eligibility (she may change it
    while the other's differs). Once the administrator and an observer agree, the
    decision goes on the board: an accepted ballot is counted with weight 1, a
    rejected one never."""
    require(actor, "elections.decide_provisional", worker.election)
    role = _deciding_role(actor, worker.election)
    return answer_provisional(worker, role, accepted, actor)


@transaction.atomic
def answer_provisional(
    worker: ProvisionalVoter, role: Role, accepted: bool, actor: Any = None
) -> ProvisionalVoter:
    """The answer of ``role`` (the election's administrator or an observer)."""
    election = locked(worker.election)
    require_status(election, Election.Status.OPEN)
    worker = ProvisionalVoter.objects.select_for_update().get(pk=worker.pk)
    if worker.is_decided:
        raise ValidationError(_("This provisional ballot is already decided."))
    if role.kind == Role.Kind.ADMINISTRATOR:
        other = worker.observer
        worker.administrator, worker.administrator_accepts = role, accepted
    else:
        other = worker.administrator
        worker.observer, worker.observer_accepts = role, accepted
    if other is not None and other.person_id == role.person_id:
        raise ValidationError(
            _(
                "Provisional ballots are decided by the election's administrator "
                "and an observer, two different people."
            )
        )
    answers = (worker.administrator_accepts, worker.observer_accepts)
    if answers[0] is not None and answers[0] == answers[1]:
        assert worker.administrator is not None and worker.observer is not None
        worker.accepted = accepted
        append_event(
            election,
            "provisional_decided",
            {
                "credential": worker.credential,
                "accepted": accepted,
                # The election's own references, not the people's names.
                "administrator": f"role-{worker.administrator.pk}",
                "observer": f"role-{worker.observer.pk}",
            },
        )
    worker.save()
    audit(
        "elections.provisional_decided"
        if worker.is_decided
        else "elections.provisional_answered",
        actor,
        election,
        provisional=worker.pk,
        accepted=accepted,
    )
    return worker
