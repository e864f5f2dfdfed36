"""Who may see a record written for an audience (``alianza.orgs.audience``).

The alliance is its joint spaces: a union belongs to it by taking part in one (a
participant organisation), and a person by belonging (any role, now) to such a union
or by taking part in a joint space herself. Members are people with a current
membership of any role. A union's leaders always see their own union's records.
"""

from django.db.models import Q

from alianza.orgs.audience import Audience
from alianza.orgs.models import Unit
from alianza.orgs.roles import LEADING_ROLES
from alianza.orgs.selectors import standing

from .models import Participant


def in_the_alliance(user) -> bool:
    """She belongs to a union taking part in a joint space, or takes part in one.
    Read once per request (kept with her standing)."""
    st = standing(user)
    if st.person is None:
        return False
    cached = getattr(st, "_in_the_alliance", None)
    if cached is None:
        cached = Participant.objects.filter(
            Q(person=st.person) | Q(organisation_id__in=st.organisation_ids())
        ).exists()
        st._in_the_alliance = cached  # type: ignore[attr-defined]
    return cached


def units_reached(user) -> set[int]:
    """The units whose members she counts among: her units and those above them.
    Read once per request (kept with her standing)."""
    st = standing(user)
    cached = getattr(st, "_units_reached", None)
    if cached is not None:
        return cached
    ids: set[int] = set()
    pending = {m.unit_id for m in st.memberships if m.unit_id}
    while pending:
        ids |= pending
        pending = (
            set(
                Unit.objects.filter(pk__in=pending, parent__isnull=False).values_list(
                    "parent_id", flat=True
                )
            )
            - ids
        )
    st._units_reached = ids  # type: ignore[attr-defined]
    return ids


def audience_q(user, owner: str = "organisation_id") -> Q:
    """The records (with ``audience`` and ``audience_unit`` fields, their union at
    ``owner``) that the user's audiences reach. Superusers are the caller's to
    admit."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    st = standing(user)
    condition = Q(audience=Audience.PUBLIC)
    if st.person is None:
        return condition
    led = st.organisation_ids(LEADING_ROLES)
    if led:
        condition |= Q(**{f"{owner}__in": led})
    member_of = st.organisation_ids()
    if member_of:
        condition |= Q(audience=Audience.UNION, **{f"{owner}__in": member_of})
    units = units_reached(user)
    if units:
        condition |= Q(audience=Audience.UNIT, audience_unit_id__in=units)
    if in_the_alliance(user):
        condition |= Q(audience=Audience.ALLIANCE)
    return condition
