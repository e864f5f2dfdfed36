"""Solidarity and organizing: campaigns with their timeline, strikes, organizing
targets, events and commemorations, solidarity requests with pledges, and letters.
One module per concept; every model is importable from here."""

from .campaigns import Campaign, Strike, TimelineEntry
from .comments import COMMENT_MAX_LENGTH, Comment
from .events import Delegation, Event, Rsvp
from .letters import Letter, Signature
from .organizing import CERTIFICATE_THRESHOLD, OrganizingContact, OrganizingTarget
from .pledges import Ask, PersonalPledge, Pledge
from .requests import SolidarityRequest
from .signing import IndividualSignature, SignatureInvitation, token_hash

__all__ = [
    "Ask",
    "CERTIFICATE_THRESHOLD",
    "COMMENT_MAX_LENGTH",
    "Campaign",
    "Comment",
    "Delegation",
    "Event",
    "IndividualSignature",
    "Letter",
    "OrganizingContact",
    "OrganizingTarget",
    "PersonalPledge",
    "Pledge",
    "Rsvp",
    "Signature",
    "SignatureInvitation",
    "SolidarityRequest",
    "Strike",
    "TimelineEntry",
    "token_hash",
]
