"""The speakers list: asking for the floor, the chair giving it, speaking time."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.bodies.models import Seat
from alianza.lib.permissions import require

from ..models import Meeting, SpeakerRequest
from ..selectors import floor_seat
from ._shared import _audit, _require_open


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
    asked = SpeakerRequest.objects.create(
        meeting=meeting, seat=seat, kind=kind, limit_seconds=meeting.speaking_limit
    )
    _audit("governance.speaker_requested", actor, meeting, seat, kind=kind)
    return asked


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
