"""Meetings: attendance, the speakers list, motions and votes. Every rule of the
Solidarity Alliance's observers is enforced here: they speak, never vote, never count."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alianza.audit.log import record, scope_of
from alianza.bodies.models import Body, Seat
from alianza.lib.permissions import require
from alianza.orgs.models import Person

from . import secret
from .models import (
    AgendaItem,
    Attendance,
    Ballot,
    FollowUp,
    FollowUpUpdate,
    Forwarding,
    Meeting,
    Motion,
    MotionEvent,
    MotionSupport,
    Proxy,
    SpeakerRequest,
    Vote,
    lower_first,
)
from .selectors import ballot_seats, floor_seat, quorum, seat_of

# Where a motion may go from each state; adopted and rejected come only from a vote.
MOTION_FLOW: dict[str, set[str]] = {
    Motion.Status.SUBMITTED: {"on_agenda", "referred", "withdrawn"},
    Motion.Status.ON_AGENDA: {"debated", "referred", "withdrawn"},
    Motion.Status.DEBATED: {"referred", "withdrawn"},
    Motion.Status.REFERRED: {"on_agenda", "withdrawn"},
}
DECIDED = {Motion.Status.ADOPTED, Motion.Status.REJECTED, Motion.Status.WITHDRAWN}


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
    """Self check-in by the seat's holder, or by the secretary for any seat.

    An alternate checking in sits for the member they stand in for, if that member
    is absent; the member arriving later takes the seat back."""
    require(actor, "governance.view_meeting", meeting)
    _require_open(meeting)
    own = seat_of(actor, meeting)
    if seat is None or (own is not None and seat.pk == own.pk):
        require(
            actor, "governance.hold_seat", meeting, _("You hold no seat on this body.")
        )
        assert own is not None
        seat, by_secretary = own, False
    else:
        require(actor, "governance.run_meeting", meeting)
        by_secretary = True
    if seat.body_id != meeting.body_id:
        raise ValidationError(_("This seat belongs to another body."))
    alternate = None
    member = seat.alternate_for if seat.kind == Seat.Kind.ALTERNATE else None
    if member is not None:
        alternate, seat = seat, member
        if meeting.attendance.filter(seat=member).exists():
            raise ValidationError(
                _("%(member)s is present: the alternate does not sit.")
                % {"member": member.holder or member}
            )
    attendance, created = Attendance.objects.get_or_create(
        meeting=meeting,
        seat=seat,
        defaults={"by_secretary": by_secretary, "alternate": alternate},
    )
    if not created and alternate is None and attendance.alternate_id:
        attendance.alternate = None  # the member is back and takes the seat
        attendance.save(update_fields=["alternate"])
    # A member present carries their own vote: any proxy they gave lapses.
    meeting.proxies.filter(giver=seat).delete()
    if alternate is not None:
        _audit(
            "governance.alternate_sits", actor, meeting, seat, alternate=alternate.pk
        )
    return attendance


@transaction.atomic
def give_proxy(
    actor: Any, meeting: Meeting, carrier: Seat, giver: Seat | None = None
) -> Proxy:
    """An absent voting member gives their vote to a member present (or the
    secretary records a proxy given on paper), within the body's limit per person."""
    require(actor, "governance.view_meeting", meeting)
    if giver is None:
        require(
            actor, "governance.hold_seat", meeting, _("You hold no seat on this body.")
        )
        giver = seat_of(actor, meeting)
        assert giver is not None
    else:
        own = seat_of(actor, meeting)
        if own is None or own.pk != giver.pk:
            require(actor, "governance.run_meeting", meeting)
    body = meeting.body
    if body.proxy_limit == 0:
        raise ValidationError(_("This body does not allow proxies."))
    if not giver.counts_for_quorum or not carrier.counts_for_quorum:
        raise ValidationError(_("Only voting members give and carry proxies."))
    if giver.body_id != body.pk or carrier.body_id != body.pk or giver.pk == carrier.pk:
        raise ValidationError(_("Choose another voting member of this body."))
    if meeting.attendance.filter(seat=giver).exists():
        raise ValidationError(_("A member present votes in person."))
    if meeting.proxies.filter(carrier=carrier).exclude(giver=giver).count() >= (
        body.proxy_limit
    ):
        raise ValidationError(
            _(
                "%(member)s already carries as many proxies as this body allows (%(limit)s)."
            )
            % {"member": carrier.holder or carrier, "limit": body.proxy_limit}
        )
    proxy, _created = Proxy.objects.update_or_create(
        meeting=meeting, giver=giver, defaults={"carrier": carrier}
    )
    _audit("governance.proxy_given", actor, meeting, giver, carrier=carrier.pk)
    return proxy


@transaction.atomic
def withdraw_proxy(actor: Any, proxy: Proxy) -> None:
    meeting = proxy.meeting
    own = seat_of(actor, meeting)
    if own is None or own.pk != proxy.giver_id:
        require(actor, "governance.run_meeting", meeting)
    _audit("governance.proxy_withdrawn", actor, meeting, proxy.giver)
    proxy.delete()


@transaction.atomic
def request_to_speak(
    actor: Any,
    meeting: Meeting,
    kind: str = SpeakerRequest.Kind.SPEAK,
    seat: Seat | None = None,
) -> SpeakerRequest:
    """Ask for the floor; the chair may put any seat with the right to speak on the
    list (an observer included)."""
    require(actor, "governance.view_meeting", meeting)
    _require_open(meeting)
    if seat is None:
        seat = floor_seat(actor, meeting)
    else:
        require(actor, "governance.run_meeting", meeting)
        if seat.body_id != meeting.body_id:
            raise ValidationError(_("This seat belongs to another body."))
    require(
        actor,
        "governance.speak_from_seat",
        seat,
        _("This seat does not carry the right to speak."),
    )
    assert seat is not None
    if kind not in SpeakerRequest.Kind.values:
        raise ValidationError(_("Choose a valid kind of request."))
    waiting = meeting.speakers.filter(seat=seat, ended_at__isnull=True)
    if waiting.exists():
        raise ValidationError(_("Already on the speakers list."))
    return SpeakerRequest.objects.create(
        meeting=meeting, seat=seat, kind=kind, limit_seconds=meeting.speaking_limit
    )


@transaction.atomic
def set_speaking_limit(actor: Any, meeting: Meeting, seconds: int) -> Meeting:
    require(actor, "governance.run_meeting", meeting)
    if not 15 <= seconds <= 3600:
        raise ValidationError(_("Give a speaking time between 15 seconds and an hour."))
    meeting.speaking_limit = seconds
    meeting.save(update_fields=["speaking_limit"])
    meeting.speakers.filter(started_at__isnull=True).update(limit_seconds=seconds)
    _audit("governance.speaking_limit_set", actor, meeting, meeting, seconds=seconds)
    return meeting


@transaction.atomic
def add_agenda_item(
    actor: Any,
    meeting: Meeting,
    *,
    title: str,
    minutes: int,
    parent: AgendaItem | None = None,
) -> AgendaItem:
    require(actor, "governance.run_meeting", meeting)
    if not title.strip():
        raise ValidationError({"title": _("Name the agenda item.")})
    if not 0 < minutes <= 600:
        raise ValidationError(
            {"minutes": _("Give a duration between 1 and 600 minutes.")}
        )
    if parent is not None and parent.meeting_id != meeting.pk:
        raise ValidationError({"parent": _("Choose an item of this meeting.")})
    siblings = meeting.agenda.filter(parent=parent)
    item = AgendaItem.objects.create(
        meeting=meeting, parent=parent, title=title.strip(), minutes=minutes,
        position=(siblings.order_by("-position").values_list("position", flat=True).first() or 0) + 1,
    )  # fmt: skip
    return item


@transaction.atomic
def set_current_item(actor: Any, meeting: Meeting, item: AgendaItem | None) -> Meeting:
    require(actor, "governance.run_meeting", meeting)
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError(_("Choose an item of this meeting."))
    meeting.current_item = item
    meeting.save(update_fields=["current_item"])
    _audit("governance.current_item_set", actor, meeting, meeting,
           item=item.pk if item is not None else None)  # fmt: skip
    return meeting


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
    _audit("governance.floor_given", actor, meeting, chosen.seat, kind=chosen.kind)
    return chosen


def _set_status(motion: Motion, status: str, actor: Any, note: str = "") -> None:
    motion.status = status
    motion.save(update_fields=["status"])
    MotionEvent.objects.create(
        motion=motion,
        status=status,
        by=actor if getattr(actor, "is_authenticated", False) else None,
        note=note[:300],
    )


def _next_number(meeting: Meeting) -> int:
    last = meeting.motions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def _mover(actor: Any, meeting: Meeting) -> Seat:
    require(
        actor,
        "governance.propose_motion",
        meeting,
        _("Only voting members move motions; observers may speak to them."),
    )
    seat = floor_seat(actor, meeting)
    assert seat is not None
    return seat


@transaction.atomic
def submit_motion(
    actor: Any,
    meeting: Meeting,
    *,
    text: str,
    language: str,
    agenda_item: AgendaItem | None = None,
) -> Motion:
    require(actor, "governance.view_meeting", meeting)
    seat = _mover(actor, meeting)
    if not text.strip():
        raise ValidationError({"text": _("Write the motion.")})
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("Choose an item of this meeting.")})
    motion = Motion.objects.create(
        meeting=meeting, number=_next_number(meeting), text=text.strip(), proposer=seat,
        language=language, agenda_item=agenda_item,
    )  # fmt: skip
    _set_status(motion, Motion.Status.SUBMITTED, actor)
    _audit("governance.motion_submitted", actor, meeting, motion, number=motion.number)
    return motion


@transaction.atomic
def support_motion(actor: Any, motion: Motion) -> MotionSupport:
    meeting = motion.meeting
    require(actor, "governance.view_meeting", meeting)
    seat = _mover(actor, meeting)
    if motion.proposer_id == seat.pk:
        raise ValidationError(_("The mover cannot also second the motion."))
    if motion.status in DECIDED:
        raise ValidationError(_("This motion has been decided."))
    support, _created = MotionSupport.objects.get_or_create(motion=motion, seat=seat)
    return support


@transaction.atomic
def amend_motion(
    actor: Any,
    motion: Motion,
    *,
    line_from: int,
    line_to: int,
    text: str,
    language: str,
) -> Motion:
    """An amendment replaces lines ``line_from``–``line_to`` of the motion's text with
    its own text (empty to strike them). It is moved, seconded and voted like a
    motion; when adopted, the motion's text changes."""
    meeting = motion.meeting
    require(actor, "governance.view_meeting", meeting)
    seat = _mover(actor, meeting)
    if motion.amends_id is not None:
        raise ValidationError(_("Amend the motion itself, not an amendment."))
    if motion.status in DECIDED:
        raise ValidationError(_("This motion has been decided."))
    count = len(motion.lines())
    if not 1 <= line_from <= line_to <= count:
        raise ValidationError(
            _("Choose lines between 1 and %(count)s, the first not after the last.")
            % {"count": count}
        )
    amendment = Motion.objects.create(
        meeting=meeting, number=_next_number(meeting), text=text.strip(), proposer=seat,
        language=language, amends=motion, line_from=line_from, line_to=line_to,
        agenda_item=motion.agenda_item,
    )  # fmt: skip
    _set_status(amendment, Motion.Status.SUBMITTED, actor)
    _audit("governance.amendment_submitted", actor, meeting, amendment,
           motion=motion.number, lines=[line_from, line_to])  # fmt: skip
    return amendment


def allowed_moves(motion: Motion) -> list[str]:
    """The states the chair may move this motion to, by the body's workflow."""
    enabled = set(motion.meeting.body.motion_states or Motion.Status.values)
    return [
        s for s in Motion.Status.values if s in MOTION_FLOW.get(motion.status, set())
        and s in enabled
    ]  # fmt: skip


@transaction.atomic
def move_motion(actor: Any, motion: Motion, status: str, note: str = "") -> Motion:
    """The chair moves a motion through the body's workflow; its mover may withdraw
    it until it is decided."""
    meeting = motion.meeting
    require(actor, "governance.view_meeting", meeting)
    own = floor_seat(actor, meeting)
    withdrawing = (
        status == Motion.Status.WITHDRAWN
        and own is not None
        and own.pk == motion.proposer_id
    )
    if not withdrawing:
        require(actor, "governance.run_meeting", meeting)
    if status not in allowed_moves(motion):
        raise ValidationError(
            _("A motion that is %(now)s cannot be moved to “%(next)s” in this body.")
            % {
                "now": lower_first(str(Motion.Status(motion.status).label)),
                "next": lower_first(str(Motion.Status(status).label))
                if status in Motion.Status.values
                else status,
            }
        )
    if status == Motion.Status.ON_AGENDA and motion.proposer_id is not None:
        needed = meeting.body.motion_supporters
        if motion.support.count() < needed:
            raise ValidationError(
                ngettext(
                    "The motion needs %(needed)s supporter before it goes on the agenda.",
                    "The motion needs %(needed)s supporters before it goes on the agenda.",
                    needed,
                )
                % {"needed": needed}
            )
    _set_status(motion, status, actor, note)
    _audit("governance.motion_moved", actor, meeting, motion, status=status)
    return motion


@transaction.atomic
def open_vote(actor: Any, motion: Motion, *, method: str, threshold: str) -> Vote:
    meeting = motion.meeting
    require(actor, "governance.run_meeting", meeting)
    _require_open(meeting)
    if method not in Vote.Method.values or threshold not in Vote.Threshold.values:
        raise ValidationError(_("Choose how to vote and the rule that decides."))
    if motion.status in DECIDED:
        raise ValidationError(_("This motion has been decided."))
    if motion.amends is not None and motion.amends.status in DECIDED:
        raise ValidationError(_("The motion this amendment changes has been decided."))
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
    if method == Vote.Method.SECRET:
        provider = secret.provider()
        if provider is None:
            raise ValidationError(
                _(
                    "Secret ballots are held through the elections capability, which is not available here."
                )
            )
        vote.external_ref = provider.open(vote, _electorate(meeting))
        vote.save(update_fields=["external_ref"])
    if motion.status != Motion.Status.DEBATED:
        _set_status(motion, Motion.Status.DEBATED, actor)
    _audit(
        "governance.vote_opened",
        actor,
        meeting,
        motion,
        method=method,
        threshold=threshold,
        present=present.present,
        quorum=present.required,
    )
    return vote


def _electorate(meeting: Meeting) -> list[tuple[Seat, int]]:
    """Seats voting at this moment with their weights: members present and the
    proxies they carry."""
    present = set(meeting.attendance.values_list("seat_id", flat=True))
    carried = {p.giver_id for p in meeting.proxies.all() if p.carrier_id in present}
    return [
        (seat, seat.vote_weight)
        for seat in meeting.body.seats.all()
        if seat.counts_for_quorum and (seat.pk in present or seat.pk in carried)
    ]


@transaction.atomic
def cast_ballot(
    actor: Any, vote: Vote, choice: str, seat: Seat | None = None
) -> Ballot:
    """A named vote, for the seat the person sits in or a proxy they carry. The
    server refuses anyone whose seat has no vote."""
    meeting = vote.motion.meeting
    require(actor, "governance.view_meeting", meeting)
    if vote.closed_at is not None or vote.method != Vote.Method.ROLL_CALL:
        raise ValidationError(_("This vote does not take named ballots now."))
    require(
        actor,
        "governance.vote",
        meeting,
        _("An observer has the right to speak but not to vote."),
    )
    allowed = ballot_seats(actor, meeting)
    if not allowed:
        raise ValidationError(_("Check in first: only members present vote."))
    seat = seat or allowed[0]
    require(
        actor,
        "governance.cast_ballot",
        Ballot(vote=vote, seat=seat),
        _("You carry no proxy for this seat."),
    )
    if choice not in Ballot.Choice.values:
        raise ValidationError(_("Choose yes, no or abstain."))
    mine = seat_of(actor, meeting)
    ballot, _created = Ballot.objects.update_or_create(
        vote=vote,
        seat=seat,
        defaults={
            "choice": choice,
            "weight": seat.vote_weight,
            "cast_for_by": mine if mine is not None and mine.pk != seat.pk else None,
        },
    )
    return ballot


@transaction.atomic
def record_hands(actor: Any, vote: Vote, *, yes: int, no: int, abstain: int) -> Vote:
    meeting = vote.motion.meeting
    require(actor, "governance.run_meeting", meeting)
    if vote.closed_at is not None or vote.method != Vote.Method.SHOW_OF_HANDS:
        raise ValidationError(_("This vote does not take a count of hands now."))
    weight = sum(w for _seat, w in _electorate(meeting))
    if min(yes, no, abstain) < 0 or yes + no + abstain > weight:
        raise ValidationError(
            _(
                "More votes than the members present and their proxies carry (%(weight)s)."
            )
            % {"weight": weight}
        )
    vote.yes, vote.no, vote.abstain = yes, no, abstain
    vote.save(update_fields=["yes", "no", "abstain"])
    _audit("governance.hands_counted", actor, meeting, vote.motion,
           yes=yes, no=no, abstain=abstain)  # fmt: skip
    return vote


def _apply_amendment(amendment: Motion) -> None:
    motion = amendment.amends
    assert motion is not None and amendment.line_from and amendment.line_to
    lines = motion.text.splitlines()
    first, last = amendment.line_from - 1, amendment.line_to
    amendment.replaced_text = "\n".join(lines[first:last])
    amendment.save(update_fields=["replaced_text"])
    new = amendment.text.splitlines()
    motion.text = "\n".join(lines[:first] + new + lines[last:])
    motion.save(update_fields=["text"])


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
    elif vote.method == Vote.Method.SECRET:
        provider = secret.provider()
        counts = provider.counts(vote) if provider is not None else None
        if counts is None:
            raise ValidationError(_("The secret ballot has not been counted yet."))
        vote.yes, vote.no, vote.abstain = counts
    vote.voting_weight = sum(
        s.vote_weight for s in meeting.body.seats.all() if s.counts_for_quorum
    )
    vote.adopted, words = vote.decide(vote.voting_weight)
    vote.closed_at = timezone.now()
    vote.save()
    motion = vote.motion
    _set_status(
        motion,
        Motion.Status.ADOPTED if vote.adopted else Motion.Status.REJECTED,
        actor,
        words,
    )
    if vote.adopted and motion.amends_id is not None:
        _apply_amendment(motion)
    forwarding = Forwarding.objects.filter(local_motion=motion).first()
    if forwarding is not None:
        forwarding.decision = (
            Forwarding.Decision.ADOPTED
            if vote.adopted
            else Forwarding.Decision.REJECTED
        )
        forwarding.decided_on = timezone.localdate()
        forwarding.note = words
        forwarding.save(update_fields=["decision", "decided_on", "note"])
    _audit("governance.vote_closed", actor, meeting, motion, adopted=vote.adopted,
           yes=vote.yes, no=vote.no, abstain=vote.abstain)  # fmt: skip
    return vote


# --- Forwarding a joint body's recommendation, and following decisions up ---------


def receiving_bodies(motion: Motion) -> list[Body]:
    """The executive bodies of the unions taking part in the joint body's space."""
    space = motion.meeting.body.space
    if space is None:
        return []
    org_ids = space.participants.values_list("organisation_id", flat=True)
    return list(
        Body.objects.filter(
            organisation_id__in=org_ids, kind=Body.Kind.EXECUTIVE_BOARD
        ).order_by("name")
    )


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
        motion=motion, task=task.strip(), owner=owner, due_on=due_on
    )
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
