"""Who a user-written record belongs to, and what multilingual must ask the apps above
it about unions.

``multilingual`` sits below ``orgs``, ``spaces`` and ``accounts`` (docs/development.md):
it imports none of them. It finds a record's owner through the record's own
attributes (``organisation``, ``space``, ``council.space``, ``meeting.body``…), and the
apps above register at start-up (their ``AppConfig.ready``) the few questions it asks
about people and unions: which unions a person belongs to, whom a person acted for on
shared ground, who leads a union and how to e-mail them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model


def _no_unions(user: Any) -> set[int]:
    return set()


def _no_union(user: Any, space: Any) -> int | None:
    return None


def _leads_nothing(user: Any, organisation_id: int) -> bool:
    return False


def _no_leaders(organisation_id: int) -> list[tuple[str, str]]:
    return []


def _manages_nothing(user: Any) -> int | None:
    return None


def _no_mail(to: str, subject: str, body: str) -> None:
    return None


def _nobody(organisation_id: int | None) -> list[Any]:
    return []


@dataclass
class Hooks:
    """The questions about unions, answered by the apps above (registered at start-up)."""

    #: ids of the organisations a person belongs to (any role) — ``orgs``
    unions_of: Callable[[Any], set[int]] = _no_unions
    #: whether a person leads an organisation (administrator, staff, officer) — ``orgs``
    leads: Callable[[Any, int], bool] = _leads_nothing
    #: (e-mail address, language) of each leader of an organisation — ``orgs``
    leader_addresses: Callable[[int], list[tuple[str, str]]] = _no_leaders
    #: the union a person acted for in a joint space — ``spaces.shared_ground``
    union_of_actor: Callable[[Any, Any], int | None] = _no_union
    #: the union a person administers or works for as staff (the first, by id), or
    #: None: who keeps the alliance's glossary — ``orgs``
    managed_union: Callable[[Any], int | None] = _manages_nothing
    #: send one e-mail in the background — ``accounts.tasks.send_email``
    send_email: Callable[[str, str, str], None] = _no_mail
    #: the people (``orgs.Person``) who lead an organisation — ``orgs``
    leading_people: Callable[[int | None], Any] = _nobody


hooks = Hooks()


def register(**answers: Callable[..., Any]) -> None:
    """Called by a higher app's ``AppConfig.ready`` with the answers it gives."""
    for name, answer in answers.items():
        if not hasattr(hooks, name):
            raise ValueError(f"multilingual asks no question named {name!r}")
        setattr(hooks, name, answer)


# Attributes leading from a record to the record that says who owns it.
_PARENTS = ("council", "meeting", "body", "campaign", "unit")
# Attributes naming the person who wrote a record.
_AUTHORS = ("author", "created_by", "uploaded_by")


@dataclass(frozen=True)
class Ownership:
    """Who a record belongs to: a union (``organisation_id``), or on shared ground the
    union of its author; ``space`` is the joint space it sits in, if any."""

    organisation_id: int | None
    space: Any
    author: Any

    @property
    def is_shared_ground(self) -> bool:
        return self.space is not None


def _author_of(record: Any) -> Any:
    user_model = get_user_model()
    for name in _AUTHORS:
        value = getattr(record, name, None)
        if isinstance(value, user_model):
            return value
    return None


def ownership(record: Any) -> Ownership:
    """The record's owner, found through its own attributes."""
    organisation_id: int | None = None
    space: Any = None
    obj = record
    for _depth in range(4):
        label = obj._meta.label_lower
        if label == "orgs.organisation":
            organisation_id = obj.pk
            break
        if label == "spaces.jointspace":
            space = obj
            break
        organisation_id = getattr(obj, "organisation_id", None)
        space = getattr(obj, "space", None)
        if organisation_id is not None or space is not None:
            break
        parent = next(
            (
                getattr(obj, name)
                for name in _PARENTS
                if getattr(obj, f"{name}_id", None) is not None
            ),
            None,
        )
        if parent is None:
            break
        obj = parent
    author = _author_of(record)
    if organisation_id is None and space is not None and author is not None:
        organisation_id = hooks.union_of_actor(author, space)
    return Ownership(organisation_id, space, author)


def union_acted_for(user: Any, owner: Ownership) -> int | None:
    """The union ``user`` acted for when translating a record of ``owner``."""
    if owner.space is not None:
        return hooks.union_of_actor(user, owner.space)
    mine = hooks.unions_of(user)
    if owner.organisation_id in mine:
        return owner.organisation_id
    return min(mine) if mine else None
