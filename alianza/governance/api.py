"""Meetings for integrations: the live state of a meeting, asking for the floor, and
the minutes. The same actions and checks as the pages."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from alianza.lib.http import ApiRequest, one_of
from alianza.lib.permissions import get_visible

from . import actions, selectors
from .models import Meeting, Minutes, Motion, SpeakerRequest
from .selectors import agenda, live_state

router = Router(tags=["meetings"])


class QuorumOut(Schema):
    present: int
    required: int
    voting_seats: int
    reached: bool


class AgendaLineOut(Schema):
    number: str
    title: str
    minutes: int
    current: bool


class SpeakerOut(Schema):
    seat_id: int
    name: str
    kind: str = one_of(SpeakerRequest, "kind")
    observer: bool


class VoteOut(Schema):
    method: str
    threshold: str
    present: int
    quorum_required: int
    yes: int
    no: int
    abstain: int
    adopted: bool | None
    explanation: str


class MotionOut(Schema):
    number: int
    status: str = one_of(Motion, "status")
    language: str
    text: str
    amends: int | None
    lines: list[int] | None
    votes: list[VoteOut]


class MeetingOut(Schema):
    id: int
    body_id: int
    title: str
    starts_at: datetime
    time_zone: str
    mode: str
    place: str
    language: str
    status: str = one_of(Meeting, "status")
    quorum: QuorumOut
    agenda: list[AgendaLineOut]
    speaking: SpeakerOut | None
    seconds_left: int | None
    waiting: list[SpeakerOut]
    motions: list[MotionOut]


class SpeakIn(Schema):
    kind: str = one_of(SpeakerRequest, "kind", default="speak")


class MinutesOut(Schema):
    meeting_id: int
    status: str = one_of(Minutes, "status")
    language: str
    text: str
    approved_at_meeting: int | None


def _speaker(request) -> dict:
    seat = request.seat
    return {
        "seat_id": seat.pk,
        "name": str(seat.holder or seat),
        "kind": request.kind,
        "observer": seat.is_observer,
    }


def _state(meeting: Meeting, context: dict) -> dict:
    motions = []
    for motion in selectors.motions_with_votes(meeting):
        motions.append(
            {
                "number": motion.number, "status": motion.status,
                "language": motion.language, "text": motion.text,
                "amends": motion.amends.number if motion.amends else None,
                "lines": [motion.line_from, motion.line_to] if motion.amends else None,
                "votes": [
                    {**{f: getattr(v, f) for f in ("method", "threshold", "present",
                        "quorum_required", "yes", "no", "abstain", "adopted")},
                     "explanation": v.explanation}
                    for v in motion.votes.all()
                ],
            }
        )  # fmt: skip
    current = context["current"]
    quorum = context["quorum"]
    return {
        "id": meeting.pk, "body_id": meeting.body_id, "title": meeting.title,
        "starts_at": meeting.starts_at, "time_zone": meeting.zone.key, "mode": meeting.mode, "place": meeting.place,
        "language": meeting.language, "status": meeting.status,
        "quorum": {"present": quorum.present, "required": quorum.required,
                   "voting_seats": quorum.voting_seats, "reached": quorum.reached},
        "agenda": [
            {"number": line.number, "title": line.item.title, "minutes": line.item.minutes,
             "current": line.item.pk == meeting.current_item_id}
            for line in agenda(meeting)
        ],
        "speaking": _speaker(current) if current else None,
        "seconds_left": context["remaining"],
        "waiting": [_speaker(r) for r in context["waiting"]],
        "motions": motions,
    }  # fmt: skip


@router.get("/{meeting_id}", response=MeetingOut)
def meeting(request: ApiRequest, meeting_id: int):
    """The meeting as everyone's screen shows it: quorum (observers never count),
    the agenda, who has the floor, who waits, motions and votes."""
    obj: Meeting = get_visible(
        request.auth, selectors.meetings(), "governance.view_meeting", pk=meeting_id
    )
    return _state(obj, live_state(obj))


@router.post("/{meeting_id}/speakers", response={201: SpeakerOut})
def speak(request: ApiRequest, meeting_id: int, payload: SpeakIn):
    """Ask for the floor for one's own seat (observers too: they speak)."""
    obj: Meeting = get_visible(
        request.auth, selectors.meetings(), "governance.view_meeting", pk=meeting_id
    )
    created = actions.request_to_speak(request.auth, obj, payload.kind)
    return Status(201, _speaker(created))


@router.get("/{meeting_id}/minutes", response=MinutesOut)
def minutes(request: ApiRequest, meeting_id: int):
    obj: Meeting = get_visible(
        request.auth, selectors.meetings(), "governance.view_meeting", pk=meeting_id
    )
    record = get_object_or_404(Minutes, meeting=obj)
    return {
        "meeting_id": obj.pk,
        "status": record.status,
        "language": record.language,
        "text": record.text,
        "approved_at_meeting": record.approved_at_id,
    }
