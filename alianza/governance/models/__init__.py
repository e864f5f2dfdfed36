"""The records of meetings and decisions, one module per topic, all named here."""

from .follow_up import FollowUp, FollowUpUpdate, Forwarding
from .meetings import AgendaItem, Attendance, Meeting, Proxy, SpeakerRequest
from .minutes import Minutes
from .motions import (
    DECIDED,
    MOTION_FLOW,
    Motion,
    MotionEvent,
    MotionSupport,
    lower_first,
)
from .votes import Ballot, Vote

__all__ = [
    "AgendaItem",
    "Attendance",
    "Ballot",
    "DECIDED",
    "FollowUp",
    "FollowUpUpdate",
    "Forwarding",
    "MOTION_FLOW",
    "Meeting",
    "Minutes",
    "Motion",
    "MotionEvent",
    "MotionSupport",
    "Proxy",
    "SpeakerRequest",
    "Vote",
    "lower_first",
]
