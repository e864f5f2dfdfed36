"""Every change to campaigns, strikes, organizing, events, requests and letters:
permission check, transaction, audit entry. One module per topic; all of them are
reachable from here (``actions.create_campaign(...)``)."""

from .campaigns import (
    add_team_member,
    add_timeline_entry,
    create_campaign,
    set_campaign_status,
)
from .comments import (
    delete_comment,
    edit_comment,
    hide_comment,
    post_comment,
    restore_comment,
    set_comments_open,
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
from .requests import (
    close_request,
    draft_request,
    pledge,
    pledge_done,
    publish_request,
    vet_request,
)
from .strikes import register_strike

__all__ = [
    "set_comments_open",
    "restore_comment",
    "post_comment",
    "hide_comment",
    "edit_comment",
    "delete_comment",
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
    "publish_letter",
    "publish_request",
    "record_support",
    "register_strike",
    "set_campaign_status",
    "vet_request",
]
