"""Which agreements, clauses and rounds a user may read."""

from django.db.models import Q, QuerySet

from alianza.orgs.roles import Role
from alianza.orgs.selectors import standing
from alianza.spaces.selectors import ids_shared_with, visible_spaces

from .models import Agreement, BargainingRound

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


def reading_scope(user) -> list[str] | None:
    """The scope words (see ``search``) of what the user may read, as
    :func:`visible_agreements` decides it: ``o12`` for a union the user leads,
    ``s3`` for a joint space the user takes part in. None: everything."""
    st = standing(user)
    if st.is_superuser:
        return None
    if st.person is None:
        return []
    return [f"o{pk}" for pk in sorted(st.organisation_ids(LEADING_ROLES))] + [
        f"s{pk}"
        for pk in visible_spaces(user).order_by("pk").values_list("pk", flat=True)
    ]


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
