from django.db.models import Count, Q, QuerySet

from alianza.orgs.models import Organisation, Person
from alianza.orgs.roles import MANAGING_ROLES
from alianza.orgs.selectors import standing
from alianza.spaces.models import JointSpace
from alianza.spaces.selectors import coordinated_spaces, ids_shared_with, visible_spaces
from alianza.spaces.shared_ground import participating_unions, unions_acted_for

from .models import Body, Seat


def visible_bodies(user) -> QuerySet[Body]:
    """Bodies of the user's organisations, of their joint spaces (a council's: for
    its coordinators), those they hold a seat on, and those shared into a space they
    take part in."""
    st = standing(user)
    if st.is_superuser:
        return Body.objects.all()
    if st.person is None:
        return Body.objects.none()
    # A council's body (its delegates' seats and meetings) is not for every
    # officer of the unions taking part: its coordinators and its delegates see it;
    # the others reach the council through the council's own pages.
    condition = (
        Q(organisation_id__in=st.organisation_ids())
        | (Q(space__in=visible_spaces(user)) & ~Q(space__kind=JointSpace.Kind.COUNCIL))
        | Q(space__in=coordinated_spaces(user))
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


def body_listing(user) -> QuerySet[Body]:
    """The bodies the person sees, by name, with their voting members and observers
    counted."""
    return (
        visible_bodies(user)
        .select_related("organisation", "space")
        .annotate(
            voting=Count(
                "seats", filter=Q(seats__kind=Seat.Kind.MEMBER, seats__can_vote=True)
            ),
            observers=Count("seats", filter=Q(seats__kind=Seat.Kind.OBSERVER)),
        )
        .order_by("name")
    )


def visible_bodies_with_seats(user) -> QuerySet[Body]:
    """The bodies the person sees, by name, with their owners and seats (the API)."""
    return (
        visible_bodies(user)
        .select_related("organisation", "space")
        .prefetch_related("seats__holder", "seats__representing")
        .order_by("name", "id")
    )


def bodies() -> QuerySet[Body]:
    """Bodies with their owner, as a body's page fetches one."""
    return Body.objects.select_related("organisation", "space")


def seats() -> QuerySet[Seat]:
    """Seats with their body, as a seat's form fetches one."""
    return Seat.objects.select_related("body")


def seats_of(body: Body) -> list[Seat]:
    """The body's seats, in order, with their holders."""
    return list(body.seats.select_related("holder", "representing"))


def spaces_to_share_into(user, body: Body) -> QuerySet[JointSpace]:
    """The joint spaces the person takes part in, other than the body's own."""
    return visible_spaces(user).exclude(pk=body.space_id or 0)


def unions_adding_seats(user, body: Body) -> QuerySet[Organisation] | None:
    """The unions whose seats the person may add to ``body``: on a joint body, the
    participating unions she acts for (each union adds its own delegation); None
    (any organisation) on an organisation's own body."""
    if body.space_id is None or standing(user).is_superuser:
        return None
    ids = participating_unions(body.space) & unions_acted_for(user)
    return Organisation.objects.filter(pk__in=ids)


def seat_holders(body: Body) -> QuerySet[Person]:
    """The people who hold a seat on the body (observers too: they are called to
    its meetings)."""
    return Person.objects.filter(seats__body=body).distinct()
