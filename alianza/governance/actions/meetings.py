"""Scheduling and opening a meeting, its agenda, and who is present."""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from alianza.bodies.models import Body, Seat
from alianza.bodies.selectors import seat_holders
from alianza.lib.permissions import require
from alianza.lib.when import is_zone
from alianza.multilingual.text import render_for
from alianza.notifications.actions import notify
from alianza.notifications.models import Kind

from ..models import AgendaItem, Attendance, Meeting
from ..selectors import seat_of
from ._shared import _audit, _for_seat_message, _require_open


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
    time_zone: str = "",
) -> Meeting:
    """``time_zone`` is the clock of the meeting's place; empty for its body's."""
    require(actor, "bodies.change_body", body)
    if not title.strip():
        raise ValidationError({"title": _("Give the meeting a title.")})
    if time_zone and not is_zone(time_zone):
        raise ValidationError({"time_zone": _("Choose a time zone.")})
    meeting = Meeting.objects.create(
        body=body, title=title.strip(), starts_at=starts_at, mode=mode, place=place.strip(),
        language=language, time_zone=time_zone,
    )  # fmt: skip
    _audit("governance.meeting_scheduled", actor, meeting, meeting)
    notify(seat_holders(body), Kind.MEETING_SCHEDULED, {"body": body, "title": lambda: render_for(meeting, "title", get_language() or "en").text, "when": meeting.starts_at, "zone": meeting.zone}, meeting.get_absolute_url(), by=actor)  # fmt: skip
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
        require(
            actor,
            "governance.check_in_seat",
            Attendance(meeting=meeting, seat=seat),
            _for_seat_message(seat),
        )
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
            "governance.alternate_sits", actor, meeting, seat,
            union=seat.representing_id, alternate=alternate.pk,
        )  # fmt: skip
    elif created:
        _audit(
            "governance.checked_in", actor, meeting, seat,
            union=seat.representing_id, by_secretary=by_secretary,
        )  # fmt: skip
    return attendance


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
        language=meeting.language,  # the agenda is in the meeting's language
        position=(siblings.order_by("-position").values_list("position", flat=True).first() or 0) + 1,
    )  # fmt: skip
    _audit("governance.agenda_item_added", actor, meeting, item)
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
