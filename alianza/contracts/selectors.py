"""Which agreements, clauses and rounds a user may read."""

from django.db.models import Q, QuerySet

from alianza.orgs.roles import Role
from alianza.orgs.selectors import standing
from alianza.spaces.selectors import ids_shared_with

from .models import Agreement, BargainingRound, Clause

LEADING_ROLES = frozenset({Role.ADMIN, Role.STAFF, Role.OFFICER})


def visible_agreements(user) -> QuerySet[Agreement]:
    """The agreements of the user's unions (for their leaders) and those shared into a
    joint space the user takes part in."""
    st = standing(user)
    if st.is_superuser:
        return Agreement.objects.all()
    if st.person is None:
        return Agreement.objects.none()
    return Agreement.objects.filter(
        Q(organisation_id__in=st.organisation_ids(LEADING_ROLES))
        | Q(pk__in=ids_shared_with(user, Agreement))
    )


def visible_clauses(user) -> QuerySet[Clause]:
    return Clause.objects.filter(agreement__in=visible_agreements(user))


def visible_rounds(user) -> QuerySet[BargainingRound]:
    """Rounds of the user's unions, and rounds shared into the user's joint spaces."""
    st = standing(user)
    if st.is_superuser:
        return BargainingRound.objects.all()
    if st.person is None:
        return BargainingRound.objects.none()
    return BargainingRound.objects.filter(
        Q(agreement__organisation_id__in=st.organisation_ids(LEADING_ROLES))
        | Q(pk__in=ids_shared_with(user, BargainingRound))
    )
