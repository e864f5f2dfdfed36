from django.db.models import Q, QuerySet

from alianza.orgs.roles import MANAGING_ROLES
from alianza.orgs.selectors import standing
from alianza.spaces.selectors import coordinated_spaces, ids_shared_with, visible_spaces

from .models import Body


def visible_bodies(user) -> QuerySet[Body]:
    """Bodies of the user's organisations, of their joint spaces, those they hold a
    seat on, and those shared into a space they take part in."""
    st = standing(user)
    if st.is_superuser:
        return Body.objects.all()
    if st.person is None:
        return Body.objects.none()
    condition = (
        Q(organisation_id__in=st.organisation_ids())
        | Q(space__in=visible_spaces(user))
        | Q(seats__holder=st.person)
        | Q(pk__in=ids_shared_with(user, Body))
    )
    return Body.objects.filter(condition).distinct()


def manageable_bodies(user) -> QuerySet[Body]:
    st = standing(user)
    if st.is_superuser:
        return Body.objects.all()
    return Body.objects.filter(
        Q(organisation_id__in=st.organisation_ids(MANAGING_ROLES))
        | Q(space__in=coordinated_spaces(user))
    )
