"""Moved: the minutes' actions are in ``actions.minutes``, their text and print in
``selectors``. Kept only while the authorisation matrix imports ``draft_minutes``
from here."""

from .actions.minutes import approve_minutes, draft_minutes, save_minutes
from .selectors import assemble, later_meetings, minutes_pdf

__all__ = [
    "approve_minutes",
    "assemble",
    "draft_minutes",
    "later_meetings",
    "minutes_pdf",
    "save_minutes",
]
