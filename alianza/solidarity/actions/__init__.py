"""Every change to campaigns, strikes, organizing, events, requests and letters:
permission check, transaction, audit entry. One module per topic; all of them are
reachable from here (``actions.create_campaign(...)``)."""

from .audience import set_audience
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
from .individuals import (
    confirm_ally_signature,
    set_open_to_individuals,
    sign_as_ally,
    sign_as_member,
)
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
from .signing import (
    invite_signatory,
    record_signature,
    replace_signatory,
    revoke_invitation,
    sign_by_invitation,
    usable_invitation,
    withdraw_signature,
)
from .strikes import register_strike

__all__ = [
    "set_comments_open",
    "restore_comment",
    "post_comment",
    "hide_comment",
    "edit_comment",
    "delete_comment",
    "add_ask",
    "add_contact",
    "add_delegation",
    "add_signatory",
    "answer_event",
    "add_target",
    "add_team_member",
    "add_timeline_entry",
    "close_request",
    "confirm_ally_signature",
    "confirm_signature",
    "create_campaign",
    "create_event",
    "draft_letter",
    "draft_request",
    "invite_signatory",
    "link_election",
    "move_stage",
    "pledge",
    "pledge_done",
    "pledge_personally",
    "publish_letter",
    "publish_request",
    "record_signature",
    "record_support",
    "register_strike",
    "replace_signatory",
    "revoke_invitation",
    "set_audience",
    "set_campaign_status",
    "set_open_to_individuals",
    "share_draft",
    "sign_as_ally",
    "sign_as_member",
    "sign_by_invitation",
    "tell_of_pledge",
    "usable_invitation",
    "vet_request",
    "withdraw_personal_pledge",
    "withdraw_signature",
]
