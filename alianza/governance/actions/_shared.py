"""What the meeting actions share: the audit entry in the body's log, the
session check, a motion's history and its number."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alianza.audit.log import record, scope_of
from alianza.bodies.models import Seat
from alianza.lib.permissions import require
from alianza.spaces.shared_ground import union_of_actor

from ..models import Meeting, Motion, MotionEvent
from ..selectors import floor_seat


def _audit(
    action: str,
    actor: Any,
    meeting: Meeting,
    target: Any,
    *,
    union: int | None = None,
    **data: Any,
) -> None:
    """An entry in the body's log. On a joint body it goes to the space, where every
    union taking part reads it, and names the union acted for: ``union`` (the seat's
    own, for a seat's proxy or vote), else the one the person acts for there."""
    body = meeting.body
    if body.space_id is not None:
        data["union"] = (
            union if union is not None else union_of_actor(actor, body.space)
        )
    record(action, actor=actor, target=target, data=data, **scope_of(body))


def _for_seat_message(seat: Seat) -> str:
    """Why a person is refused when she acts for a seat she may not act for."""
    return _(
        "Only the holder of this seat or %(union)s acts for it: on a joint body each "
        "union keeps its own delegation."
    ) % {"union": seat.representing}


def _require_open(meeting: Meeting) -> None:
    if not meeting.is_in_session:
        raise ValidationError(_("The meeting is not in session."))


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
