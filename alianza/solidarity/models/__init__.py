"""Solidarity and organizing: campaigns with their timeline, strikes, organizing
targets, events and commemorations, solidarity requests with pledges, and letters.
One module per concept; every model is importable from here."""

from .campaigns import Campaign, Strike, TimelineEntry
from .events import Delegation, Event, Rsvp
from .letters import Letter, Signature
from .organizing import CERTIFICATE_THRESHOLD, OrganizingContact, OrganizingTarget
from .pledges import Ask, PersonalPledge, Pledge
from .requests import SolidarityRequest

__all__ = [
    "Ask",
    "CERTIFICATE_THRESHOLD",
    "Campaign",
    "Delegation",
    "Event",
    "Letter",
    "OrganizingContact",
    "OrganizingTarget",
    "PersonalPledge",
    "Pledge",
    "Rsvp",
    "Signature",
    "SolidarityRequest",
    "Strike",
    "TimelineEntry",
]
