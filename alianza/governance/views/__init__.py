"""The meeting pages, one module per topic; ``urls`` names them all from here."""

from .follow_up import (
    follow_up_add,
    follow_up_update,
    forwarding_agenda,
    forwarding_decide,
    recommendations,
)
from .meetings import (
    agenda_add,
    agenda_current,
    check_in,
    live,
    meeting,
    meeting_new,
    meeting_status,
    next_speaker,
    projector,
    speak,
    speaking_limit,
)
from .minutes import minutes, minutes_approve, minutes_assemble, minutes_pdf
from .motions import (
    motion_add,
    motion_amend,
    motion_forward,
    motion_move,
    motion_support,
)
from .votes import ballot, hands, proxy_give, proxy_withdraw, vote_close, vote_open

__all__ = [
    "agenda_add",
    "agenda_current",
    "ballot",
    "check_in",
    "follow_up_add",
    "follow_up_update",
    "forwarding_agenda",
    "forwarding_decide",
    "hands",
    "live",
    "meeting",
    "meeting_new",
    "meeting_status",
    "minutes",
    "minutes_approve",
    "minutes_assemble",
    "minutes_pdf",
    "motion_add",
    "motion_amend",
    "motion_forward",
    "motion_move",
    "motion_support",
    "next_speaker",
    "projector",
    "proxy_give",
    "proxy_withdraw",
    "recommendations",
    "speak",
    "speaking_limit",
    "vote_close",
    "vote_open",
]
