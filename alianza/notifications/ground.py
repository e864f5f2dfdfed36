"""What notifications must ask the apps above it about people.

``notifications`` sits low: the apps whose actions notify (``multilingual``,
``councils``, ``governance``, ``solidarity``) import it, so it imports none of them,
nor ``orgs`` (which ``multilingual`` sits below). The recipient is an ``orgs.Person``
read through its own attributes; how she wants to be reached (her addresses, the
channels she chose, her quiet hours) is answered by ``alerts``, which registers at
start-up (its ``AppConfig.ready``), as ``multilingual.ground`` does.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass
class Address:
    """Where and how a person takes notifications: each channel's address and its
    mode (``Mode``: at once, in a daily digest, or not at all)."""

    email: str = ""
    phone: str = ""
    email_mode: str = "off"
    sms_mode: str = "off"


def _nowhere(person_ids: Iterable[int]) -> dict[int, Address]:
    return {pk: Address() for pk in person_ids}


def _never_quiet(person: Any, now: datetime) -> datetime | None:
    return None


@dataclass
class Hooks:
    #: each person's addresses and chosen modes — ``alerts`` (Reach)
    addresses: Callable[[Iterable[int]], dict[int, Address]] = _nowhere
    #: when her quiet hours end, if ``now`` falls in them — ``alerts`` (Reach)
    end_of_quiet_hours: Callable[[Any, datetime], datetime | None] = _never_quiet


hooks = Hooks()


def register(**answers: Callable[..., Any]) -> None:
    """Called by a higher app's ``AppConfig.ready`` with the answers it gives."""
    for name, answer in answers.items():
        if not hasattr(hooks, name):
            raise ValueError(f"notifications asks no question named {name!r}")
        setattr(hooks, name, answer)
