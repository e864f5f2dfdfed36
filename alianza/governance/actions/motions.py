"""Motions and amendments: moving, seconding, amending, and the chair moving them
through the body's workflow. Observers speak to motions; only voting members move them."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alianza.lib.permissions import require

from ..models import AgendaItem, Meeting, Motion, MotionSupport, lower_first
from ..selectors import allowed_moves, floor_seat
from ._shared import _audit, _mover, _next_number, _set_status


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
    if motion.is_decided:
        raise ValidationError(_("This motion has been decided."))
    support, created = MotionSupport.objects.get_or_create(motion=motion, seat=seat)
    if created:
        _audit("governance.motion_seconded", actor, meeting, motion, seat=seat.pk)
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
    if motion.is_decided:
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
