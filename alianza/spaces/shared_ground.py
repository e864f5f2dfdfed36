"""Shared ground: how a joint space, a joint body or a council is governed by all the
unions that take part in it, so that none of them can act for another.

This module is the one place that says who acts for which union on shared ground;
the apps' rules build on its predicates, and ``docs/users/joint-spaces-and-sharing.md``
says the same in words:

- A union acts through its own administrators and staff (``acts_for``); its officers
  take part and read, and hold seats, but do not act for the union as a whole.
- The unions *taking part* in a space are its participating organisations; the
  *coordinating* unions are those that take part as coordinators.
- A union's delegation on a joint body (its seats, their rights, who holds them, its
  proxies) is changed by that union only (``acts_for_delegation``): the seat's
  ``representing`` organisation.
- A union's vote on a joint body is cast by its own seat holders only (the seat's
  holder, or the person carrying the seat's proxy, given by that union).
- What concerns the space as a whole (adding a participant, a council's units, a joint
  body's secret ballot) needs every coordinating union: one union proposes, each of the
  others accepts, and it takes effect when the last one has (``spaces.proposals``).
- Every audit entry on shared ground is visible to the administrators of every union
  taking part, and names the union of the person who acted.
"""

from typing import Any

from alianza.orgs.roles import MANAGING_ROLES
from alianza.orgs.selectors import standing

from .models import JointSpace, Participant


def participating_unions(space: JointSpace | None) -> set[int]:
    """Ids of the organisations taking part in ``space``."""
    if space is None:
        return set()
    return set(
        Participant.objects.filter(space=space, organisation__isnull=False).values_list(
            "organisation_id", flat=True
        )
    )


def coordinating_unions(space: JointSpace | None) -> set[int]:
    """Ids of the organisations that coordinate ``space``: all of them must agree on
    what concerns the space as a whole."""
    if space is None:
        return set()
    return set(
        Participant.objects.filter(
            space=space,
            organisation__isnull=False,
            role=Participant.Role.COORDINATOR,
        ).values_list("organisation_id", flat=True)
    )


def unions_acted_for(user: Any) -> set[int]:
    """Ids of the organisations ``user`` acts for: those she administers or staffs."""
    return standing(user).organisation_ids(MANAGING_ROLES)


def acts_for(user: Any, organisation_id: int | None) -> bool:
    """Whether ``user`` acts for the organisation (its administrators and staff)."""
    return organisation_id is not None and organisation_id in unions_acted_for(user)


def coordinating_unions_acted_for(user: Any, space: JointSpace | None) -> set[int]:
    """The coordinating unions of ``space`` that ``user`` acts for (usually one)."""
    return coordinating_unions(space) & unions_acted_for(user)


def participating_unions_acted_for(user: Any, space: JointSpace | None) -> set[int]:
    """The unions taking part in ``space`` that ``user`` acts for (usually one): each
    changes its own delegates' lines on the space's ballots, coordinating or not."""
    return participating_unions(space) & unions_acted_for(user)


def acts_for_delegation(user: Any, seat: Any) -> bool:
    """Whether ``user`` may change ``seat`` of a joint body: only the union the seat
    represents acts for its delegation."""
    return seat is not None and acts_for(user, seat.representing_id)


def union_of_actor(user: Any, space: JointSpace | None = None) -> int | None:
    """The union a person acted for on shared ground, for the audit entry: the one she
    acts for in ``space`` if any, else the first she leads or belongs to."""
    st = standing(user)
    if space is not None:
        mine = coordinating_unions_acted_for(user, space) or (
            participating_unions(space) & st.organisation_ids()
        )
        if mine:
            return min(mine)
    ids = st.organisation_ids()
    return min(ids) if ids else None


def unions_yet_to_answer(space: JointSpace | None, answered: set[int]) -> set[int]:
    """The coordinating unions of ``space`` that have not answered a proposal yet
    (``answered``: the ids of those that have); it takes effect when none is left."""
    return coordinating_unions(space) - answered


def unions_answering_for(
    user: Any, space: JointSpace | None, answered: set[int]
) -> set[int]:
    """The coordinating unions ``user`` may answer a proposal of ``space`` for: those
    she acts for that have not answered it yet. A union answers once, for itself."""
    return unions_yet_to_answer(space, answered) & unions_acted_for(user)


def acts_for_representation(user: Any, representation: Any) -> bool:
    """Whether ``user`` may end or replace ``representation`` at a worksite: a
    representation by a unit belongs to that unit's union, and only that union's
    administrators and staff record, change or end it; one that names no unit (a
    protection contract, a non-union site) may be replaced by any union acting there."""
    unit = getattr(representation, "unit", None)
    if unit is None:
        return bool(unions_acted_for(user))
    return acts_for(user, unit.organisation_id)
