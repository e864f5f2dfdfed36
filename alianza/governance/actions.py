"""Meetings: attendance, the speakers list, motions and votes. Every rule of the
Solidarity Alliance's observers is enforced here: they speak, never vote, never count."""

import math
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record, scope_of
from alianza.bodies.models import Body, Seat
from alianza.lib.permissions import require

from .models import Attendance, Ballot, Meeting, Motion, SpeakerRequest, Vote
from .selectors import quorum, seat_of


def _audit(action: str, actor: Any, meeting: Meeting, target: Any, **data: Any) -> None:
    record(action, actor=actor, target=target, data=data, **scope_of(meeting.body))


@transaction.atomic
def schedule_meeting(
    actor: Any,
    body: Body,
    *,
    title: str,
    starts_at: datetime,
    mode: str,
    place: str,
    language: str,
) -> Meeting:
    require(actor, "bodies.change_body", body)
    if not title.strip():
        raise ValidationError({"title": _("Give the meeting a title.")})
    meeting = Meeting.objects.create(
        body=body, title=title.strip(), starts_at=starts_at, mode=mode, place=place.strip(),
        language=language,
    )  # fmt: skip
    _audit("governance.meeting_scheduled", actor, meeting, meeting)
    return meeting


@transaction.atomic
def set_meeting_status(actor: Any, meeting: Meeting, status: str) -> Meeting:
    require(actor, "governance.run_meeting", meeting)
    if status not in Meeting.Status.values:
        raise ValidationError(_("Choose a valid status."))
    meeting.status = status
    meeting.save(update_fields=["status"])
    _audit("governance.meeting_status", actor, meeting, meeting, status=status)
    return meeting


def _require_open(meeting: Meeting) -> None:
    if meeting.status != Meeting.Status.OPEN:
        raise ValidationError(_("The meeting is not in session."))


@transaction.atomic
def check_in(actor: Any, meeting: Meeting, seat: Seat | None = None) -> Attendance:
    """Self check-in by the seat's holder, or by the secretary for any seat."""
    require(actor, "governance.view_meeting", meeting)
    _require_open(meeting)
    own = seat_of(actor, meeting)
    if seat is None or (own is not None and seat.pk == own.pk):
        if own is None:
            raise PermissionDenied(_("You hold no seat on this body."))
        seat, by_secretary = own, False
    else:
        require(actor, "governance.run_meeting", meeting)
        by_secretary = True
    if seat.body_id != meeting.body_id:
        raise ValidationError(_("This seat belongs to another body."))
    attendance, _created = Attendance.objects.get_or_create(
        meeting=meeting, seat=seat, defaults={"by_secretary": by_secretary}
    )
    return attendance


@transaction.atomic
def request_to_speak(
    actor: Any, meeting: Meeting, kind: str = SpeakerRequest.Kind.SPEAK
) -> SpeakerRequest:
    require(actor, "governance.view_meeting", meeting)
    _require_open(meeting)
    seat = seat_of(actor, meeting)
    if seat is None or not seat.can_speak:
        raise PermissionDenied(_("Your seat does not carry the right to speak."))
    if kind not in SpeakerRequest.Kind.values:
        raise ValidationError(_("Choose a valid kind of request."))
    waiting = meeting.speakers.filter(seat=seat, ended_at__isnull=True)
    if waiting.exists():
        raise ValidationError(_("You are already on the speakers list."))
    return SpeakerRequest.objects.create(meeting=meeting, seat=seat, kind=kind)


@transaction.atomic
def next_speaker(actor: Any, meeting: Meeting) -> SpeakerRequest | None:
    """The chair ends the current speaker's turn and gives the floor to the next;
    a point of order goes before everyone else."""
    require(actor, "governance.run_meeting", meeting)
    now = timezone.now()
    meeting.speakers.filter(started_at__isnull=False, ended_at__isnull=True).update(
        ended_at=now
    )
    waiting = list(
        meeting.speakers.filter(started_at__isnull=True, ended_at__isnull=True)
    )
    if not waiting:
        return None
    waiting.sort(
        key=lambda r: (r.kind != SpeakerRequest.Kind.POINT_OF_ORDER, r.requested_at)
    )
    chosen = waiting[0]
    chosen.started_at = now
    chosen.save(update_fields=["started_at"])
    return chosen


@transaction.atomic
def submit_motion(actor: Any, meeting: Meeting, *, text: str, language: str) -> Motion:
    require(actor, "governance.view_meeting", meeting)
    seat = seat_of(actor, meeting)
    if seat is None or not seat.can_vote or not seat.is_member:
        raise PermissionDenied(
            _("Only voting members move motions; observers may speak to them.")
        )
    if not text.strip():
        raise ValidationError({"text": _("Write the motion.")})
    number = (
        meeting.motions.order_by("-number").values_list("number", flat=True).first()
        or 0
    ) + 1
    motion = Motion.objects.create(
        meeting=meeting,
        number=number,
        text=text.strip(),
        proposer=seat,
        language=language,
    )
    _audit("governance.motion_submitted", actor, meeting, motion, number=number)
    return motion


@transaction.atomic
def open_vote(actor: Any, motion: Motion, *, method: str, threshold: str) -> Vote:
    meeting = motion.meeting
    require(actor, "governance.run_meeting", meeting)
    _require_open(meeting)
    if method not in Vote.Method.values or threshold not in Vote.Threshold.values:
        raise ValidationError(_("Choose how to vote and the rule that decides."))
    if motion.votes.filter(closed_at__isnull=True).exists():
        raise ValidationError(_("A vote on this motion is already open."))
    present = quorum(meeting)
    if not present.reached:
        raise ValidationError(
            _(
                "There is no quorum: %(present)s voting members present, %(required)s needed."
            )
            % {"present": present.present, "required": present.required}
        )
    vote = Vote.objects.create(
        motion=motion, method=method, threshold=threshold, present=present.present,
        quorum_required=present.required,
    )  # fmt: skip
    motion.status = Motion.Status.DEBATED
    motion.save(update_fields=["status"])
    _audit(
        "governance.vote_opened",
        actor,
        meeting,
        motion,
        method=method,
        threshold=threshold,
    )
    return vote


@transaction.atomic
def cast_ballot(actor: Any, vote: Vote, choice: str) -> Ballot:
    """A named vote. The server refuses anyone whose seat has no vote."""
    meeting = vote.motion.meeting
    require(actor, "governance.view_meeting", meeting)
    if vote.closed_at is not None or vote.method != Vote.Method.ROLL_CALL:
        raise ValidationError(_("This vote does not take named ballots now."))
    seat = seat_of(actor, meeting)
    if seat is None or not seat.can_vote or not seat.is_member:
        raise PermissionDenied(_("An observer has the right to speak but not to vote."))
    if not meeting.attendance.filter(seat=seat).exists():
        raise ValidationError(_("Check in first: only members present vote."))
    if choice not in Ballot.Choice.values:
        raise ValidationError(_("Choose yes, no or abstain."))
    ballot, _created = Ballot.objects.update_or_create(
        vote=vote, seat=seat, defaults={"choice": choice, "weight": seat.vote_weight}
    )
    return ballot


@transaction.atomic
def record_hands(actor: Any, vote: Vote, *, yes: int, no: int, abstain: int) -> Vote:
    require(actor, "governance.run_meeting", vote.motion.meeting)
    if vote.closed_at is not None or vote.method != Vote.Method.SHOW_OF_HANDS:
        raise ValidationError(_("This vote does not take a count of hands now."))
    if min(yes, no, abstain) < 0 or yes + no + abstain > vote.present:
        raise ValidationError(
            _("More hands than voting members present (%(present)s).")
            % {"present": vote.present}
        )
    vote.yes, vote.no, vote.abstain = yes, no, abstain
    vote.save(update_fields=["yes", "no", "abstain"])
    return vote


def _lower_first(text: str) -> str:
    """A label used inside a sentence: "a majority of the votes cast"."""
    return text[:1].lower() + text[1:]


def decide(vote: Vote, voting_weight: int) -> tuple[bool, str]:
    """The result and, in words, the rule that decided it."""
    yes, no, abstain = vote.yes, vote.no, vote.abstain
    if vote.threshold == Vote.Threshold.CAST:
        needed = (yes + no) // 2 + 1
    elif vote.threshold == Vote.Threshold.PRESENT:
        needed = vote.present // 2 + 1
    elif vote.threshold == Vote.Threshold.ALL_SEATS:
        needed = voting_weight // 2 + 1
    else:
        needed = math.ceil((yes + no) * 2 / 3) or 1
    adopted = yes >= needed
    words = _("Adopted") if adopted else _("Rejected")
    explanation = _(
        "%(result)s: %(yes)s yes, %(no)s no, %(abstain)s abstaining; %(needed)s yes votes "
        "were needed (%(rule)s)."
    ) % {
        "result": words, "yes": yes, "no": no, "abstain": abstain, "needed": needed,
        "rule": _lower_first(str(Vote.Threshold(vote.threshold).label)),
    }  # fmt: skip
    return adopted, str(explanation)


@transaction.atomic
def close_vote(actor: Any, vote: Vote) -> Vote:
    meeting = vote.motion.meeting
    require(actor, "governance.run_meeting", meeting)
    if vote.closed_at is not None:
        raise ValidationError(_("This vote is already closed."))
    if vote.method == Vote.Method.ROLL_CALL:
        totals = {choice: 0 for choice in Ballot.Choice.values}
        for ballot in vote.ballots.all():
            totals[ballot.choice] += ballot.weight
        vote.yes, vote.no, vote.abstain = totals["yes"], totals["no"], totals["abstain"]
    vote.voting_weight = sum(
        s.vote_weight for s in meeting.body.seats.all() if s.counts_for_quorum
    )
    vote.adopted, _words = decide(vote, vote.voting_weight)
    vote.closed_at = timezone.now()
    vote.save()
    motion = vote.motion
    motion.status = Motion.Status.ADOPTED if vote.adopted else Motion.Status.REJECTED
    motion.save(update_fields=["status"])
    _audit("governance.vote_closed", actor, meeting, motion, adopted=vote.adopted,
           yes=vote.yes, no=vote.no, abstain=vote.abstain)  # fmt: skip
    return vote
