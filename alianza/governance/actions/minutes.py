"""Minutes: assembled from the meeting's record in its language, edited by the
secretary, approved at the body's next meeting (the text is assembled, and printed,
by ``selectors``)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alianza.lib.permissions import require

from ..models import Meeting, Minutes
from ..selectors import assemble, later_meetings, minutes_of
from ._shared import _audit


@transaction.atomic
def draft_minutes(actor: Any, meeting: Meeting) -> Minutes:
    """Assemble (or assemble again) the draft; approved minutes stay as approved."""
    require(actor, "governance.run_meeting", meeting)
    minutes = minutes_of(meeting)
    if minutes is not None and minutes.is_approved:
        raise ValidationError(_("Approved minutes are not changed."))
    text = assemble(meeting)
    if minutes is None:
        minutes = Minutes.objects.create(
            meeting=meeting, text=text, language=meeting.language
        )
    else:
        minutes.text = text
        minutes.save(update_fields=["text", "updated_at"])
    _audit("governance.minutes_assembled", actor, meeting, minutes)
    return minutes


@transaction.atomic
def save_minutes(actor: Any, minutes: Minutes, text: str) -> Minutes:
    require(actor, "governance.run_meeting", minutes.meeting)
    if minutes.is_approved:
        raise ValidationError(_("Approved minutes are not changed."))
    if not text.strip():
        raise ValidationError({"text": _("The minutes cannot be empty.")})
    minutes.text = text.strip()
    minutes.save(update_fields=["text", "updated_at"])
    _audit("governance.minutes_edited", actor, minutes.meeting, minutes)
    return minutes


@transaction.atomic
def approve_minutes(actor: Any, minutes: Minutes, at: Meeting) -> Minutes:
    """The chair records that the next meeting approved the minutes."""
    require(actor, "governance.run_meeting", at)
    if minutes.is_approved:
        raise ValidationError(_("These minutes are already approved."))
    if at.pk not in {m.pk for m in later_meetings(minutes)}:
        raise ValidationError(
            _("Minutes are approved at a later meeting of the same body, in session.")
        )
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = at
    minutes.save(update_fields=["status", "approved_at", "updated_at"])
    _audit("governance.minutes_approved", actor, minutes.meeting, minutes, at=at.pk)
    return minutes
