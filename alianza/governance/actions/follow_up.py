"""After the vote: a joint body's recommendation forwarded to each union's
executive body and decided there, and the follow-up of adopted decisions."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alianza.audit.log import record, scope_of
from alianza.lib.permissions import require
from alianza.orgs.models import Person

from ..models import FollowUp, FollowUpUpdate, Forwarding, Meeting, Motion
from ..selectors import receiving_bodies
from ._shared import _audit, _next_number, _set_status


@transaction.atomic
def forward_recommendation(actor: Any, motion: Motion) -> list[Forwarding]:
    """Send an adopted recommendation of a joint body to each union's executive body."""
    meeting = motion.meeting
    require(actor, "governance.run_meeting", meeting)
    if meeting.body.space_id is None:
        raise ValidationError(_("Only a joint body's recommendations are forwarded."))
    if motion.status != Motion.Status.ADOPTED:
        raise ValidationError(_("Only an adopted recommendation is forwarded."))
    bodies = receiving_bodies(motion)
    if not bodies:
        raise ValidationError(
            _("No executive body of the participating unions was found.")
        )
    sent = []
    for body in bodies:
        forwarding, created = Forwarding.objects.get_or_create(
            recommendation=motion, body=body
        )
        if created:
            sent.append(forwarding)
            record("governance.recommendation_forwarded", actor=actor, target=forwarding,
                   data={"motion": motion.pk, "body": body.pk}, **scope_of(body))  # fmt: skip
    if not sent:
        raise ValidationError(_("This recommendation was already forwarded."))
    return sent


@transaction.atomic
def place_on_agenda(actor: Any, forwarding: Forwarding, meeting: Meeting) -> Motion:
    """Put a forwarded recommendation before a meeting of the receiving body; the
    vote on it records the body's decision."""
    require(actor, "governance.run_meeting", meeting)
    if meeting.body_id != forwarding.body_id:
        raise ValidationError(_("Choose a meeting of the receiving body."))
    if forwarding.local_motion_id is not None:
        raise ValidationError(_("This recommendation is already before the body."))
    if forwarding.decision != Forwarding.Decision.PENDING:
        raise ValidationError(_("The body has already decided on this recommendation."))
    source = forwarding.recommendation
    motion = Motion.objects.create(
        meeting=meeting, number=_next_number(meeting), text=source.text,
        language=source.language, proposer=None,
    )  # fmt: skip
    _set_status(motion, Motion.Status.ON_AGENDA, actor, str(source.meeting.body))
    forwarding.local_motion = motion
    forwarding.save(update_fields=["local_motion"])
    _audit("governance.recommendation_on_agenda", actor, meeting, motion,
           forwarding=forwarding.pk)  # fmt: skip
    return motion


@transaction.atomic
def record_decision(
    actor: Any,
    forwarding: Forwarding,
    *,
    decision: str,
    decided_on: date,
    note: str = "",
) -> Forwarding:
    """The receiving body's secretary records a decision taken outside a meeting here."""
    require(actor, "bodies.change_body", forwarding.body)
    if decision not in Forwarding.Decision.values or decision == "pending":
        raise ValidationError({"decision": _("Choose the decision taken.")})
    forwarding.decision, forwarding.decided_on = decision, decided_on
    forwarding.note = note.strip()
    forwarding.save(update_fields=["decision", "decided_on", "note"])
    record("governance.decision_recorded", actor=actor, target=forwarding,
           data={"decision": decision}, **scope_of(forwarding.body))  # fmt: skip
    return forwarding


@transaction.atomic
def add_follow_up(
    actor: Any, motion: Motion, *, task: str, owner: Person, due_on: date
) -> FollowUp:
    meeting = motion.meeting
    require(actor, "bodies.change_body", meeting.body)
    if motion.status != Motion.Status.ADOPTED:
        raise ValidationError(_("Only an adopted decision is followed up."))
    if not task.strip():
        raise ValidationError({"task": _("Say what is to be done.")})
    follow_up = FollowUp.objects.create(
        motion=motion, task=task.strip(), owner=owner, due_on=due_on,
        language=meeting.language,  # written in the language of the meeting
    )  # fmt: skip
    FollowUpUpdate.objects.create(
        follow_up=follow_up, by=actor, status=follow_up.status
    )
    _audit("governance.follow_up_added", actor, meeting, follow_up, owner=owner.pk)
    return follow_up


@transaction.atomic
def update_follow_up(
    actor: Any, follow_up: FollowUp, *, status: str, progress: int, note: str = ""
) -> FollowUp:
    """Its owner or the body's secretary reports progress; each report is kept."""
    require(actor, "governance.view_meeting", follow_up.motion.meeting)
    require(
        actor,
        "governance.update_follow_up",
        follow_up,
        _("Only its owner or the body's secretary updates this."),
    )
    if status not in FollowUp.Status.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    if not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Progress is between 0 and 100%.")})
    if status == FollowUp.Status.DONE:
        progress = 100
    follow_up.status, follow_up.progress = status, progress
    follow_up.save(update_fields=["status", "progress"])
    FollowUpUpdate.objects.create(
        follow_up=follow_up, by=actor, status=status, progress=progress, note=note[:300]
    )
    _audit("governance.follow_up_updated", actor, follow_up.motion.meeting, follow_up,
           status=status, progress=progress)  # fmt: skip
    return follow_up
