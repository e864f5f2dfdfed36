"""Meetings: attendance, the speakers list, motions and votes, forwarding and
follow-up, minutes. Every rule of the Solidarity Alliance's observers is enforced
here: they speak, never vote, never count.

One module per topic; every public action is named here, so that
``from alianza.governance import actions; actions.open_vote(...)`` reads the same
whatever module holds it.
"""

from ..models import DECIDED, MOTION_FLOW
from ..selectors import allowed_moves, receiving_bodies
from .follow_up import (
    add_follow_up,
    forward_recommendation,
    place_on_agenda,
    record_decision,
    update_follow_up,
)
from .meetings import (
    add_agenda_item,
    check_in,
    schedule_meeting,
    set_current_item,
    set_meeting_status,
)
from .minutes import approve_minutes, draft_minutes, save_minutes
from .motions import amend_motion, move_motion, submit_motion, support_motion
from .speakers import next_speaker, request_to_speak, set_speaking_limit
from .votes import (
    cast_ballot,
    close_vote,
    give_proxy,
    open_vote,
    record_hands,
    withdraw_proxy,
)

__all__ = [
    "DECIDED",  # moved: models.DECIDED
    "MOTION_FLOW",  # moved: models.MOTION_FLOW
    "add_agenda_item",
    "add_follow_up",
    "allowed_moves",  # moved: selectors.allowed_moves
    "amend_motion",
    "approve_minutes",
    "cast_ballot",
    "check_in",
    "close_vote",
    "draft_minutes",
    "forward_recommendation",
    "give_proxy",
    "move_motion",
    "next_speaker",
    "open_vote",
    "place_on_agenda",
    "receiving_bodies",  # moved: selectors.receiving_bodies
    "record_decision",
    "record_hands",
    "request_to_speak",
    "save_minutes",
    "schedule_meeting",
    "set_current_item",
    "set_meeting_status",
    "set_speaking_limit",
    "submit_motion",
    "support_motion",
    "update_follow_up",
    "withdraw_proxy",
]
