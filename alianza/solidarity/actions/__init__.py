"""Every change to campaigns, strikes, organizing, events, requests and letters:
permission check, transaction, audit entry. One module per topic; all of them are
reachable from here (``actions.create_campaign(...)``)."""

from .campaigns import (
    add_team_member,
    add_timeline_entry,
    create_campaign,
    set_campaign_status,
)
from .events import add_delegation, answer_event, create_event
from .letters import add_signatory, confirm_signature, draft_letter, publish_letter
from .organizing import (
    add_contact,
    add_target,
    link_election,
    move_stage,
    record_support,
)
from .pledges import (
    pledge,
    pledge_done,
    pledge_personally,
    tell_of_pledge,
    withdraw_personal_pledge,
)
from .requests import (
    add_ask,
    close_request,
    draft_request,
    publish_request,
    share_draft,
    vet_request,
)
from .strikes import register_strike

__all__ = [
    "add_ask",
    "add_contact",
    "add_delegation",
    "add_signatory",
    "answer_event",
    "add_target",
    "add_team_member",
    "add_timeline_entry",
    "close_request",
    "confirm_signature",
    "create_campaign",
    "create_event",
    "draft_letter",
    "draft_request",
    "link_election",
    "move_stage",
    "pledge",
    "pledge_done",
    "pledge_personally",
    "publish_letter",
    "publish_request",
    "record_support",
    "register_strike",
    "set_campaign_status",
    "share_draft",
    "tell_of_pledge",
    "vet_request",
    "withdraw_personal_pledge",
]
