from dataclasses import dataclass
from datetime import timedelta
from enum import IntEnum
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from alianza.accounts.models import hash_secret
from alianza.bodies.models import Seat
from alianza.documents.models import Document
from alianza.employers.models import Representation
from alianza.employers.selectors import family_of
from alianza.governance.models import AgendaItem
from alianza.orgs.models import Membership, Person, Unit
from alianza.orgs.roles import LEADING_ROLES, MANAGING_ROLES
from alianza.orgs.selectors import standing, visible_people
from alianza.spaces.selectors import coordinated_spaces, shared_ids

from .models import (
    ActionItem,
    CalendarToken,
    Council,
    CouncilDocument,
    CouncilMeeting,
    CouncilPost,
    CouncilUnit,
    DelegateRegistration,
)

# --- Who reaches a council, and how far --------------------------------------------


class Access(IntEnum):
    """How far a person reaches into a council, each level including the ones below."""

    NONE = 0
    #: Officers of the unions' other units: the council exists, its member units and
    #: whom to ask; not its content.
    DIRECTORY = 1
    #: Members of its member units: what is not confidential to delegates.
    READER = 2
    #: Delegates (seat holders), officers of its member units, and the staff of the
    #: unions taking part: they read everything and write.
    TAKES_PART = 3


def _unit_ids(user, roles: frozenset[str] | None = None) -> set[int]:
    return {
        m.unit_id
        for m in standing(user).memberships
        if m.unit_id is not None and (roles is None or m.role in roles)
    }


def _taking_part(user) -> Q | None:
    st = standing(user)
    if st.person is None:
        return None
    return (
        Q(space__in=coordinated_spaces(user))
        | Q(space__participants__person=st.person)
        | Q(
            space__participants__organisation_id__in=st.organisation_ids(MANAGING_ROLES)
        )
        | Q(body__seats__holder=st.person)
        | Q(member_units__unit_id__in=_unit_ids(user, LEADING_ROLES))
    )


def _councils(user, level: Access) -> QuerySet[Council]:
    st = standing(user)
    if st.is_superuser:
        return Council.objects.all()
    condition = _taking_part(user)
    if condition is None:
        return Council.objects.none()
    if level <= Access.READER:
        condition |= Q(member_units__unit_id__in=_unit_ids(user))
    if level <= Access.DIRECTORY:
        condition |= Q(
            space__participants__organisation_id__in=st.organisation_ids(LEADING_ROLES)
        )
    return Council.objects.filter(pk__in=Council.objects.filter(condition).values("pk"))


def councils_taking_part(user) -> QuerySet[Council]:
    """The councils the person takes part in: she reads all and writes."""
    return _councils(user, Access.TAKES_PART).select_related(
        "employer", "space", "body"
    )


def visible_councils(user) -> QuerySet[Council]:
    """The councils whose content the person reads (what is not confidential to
    delegates at least)."""
    return _councils(user, Access.READER).select_related("employer", "space", "body")


def listed_councils(user) -> QuerySet[Council]:
    """The councils the person knows exist: the officers of the unions taking part
    see each council, its member units and whom to ask."""
    return _councils(user, Access.DIRECTORY).select_related("employer", "space", "body")


def access_to(user, council: Council | None) -> Access:
    """How far the person reaches into the council (cached on the person's standing
    for the request)."""
    if council is None or not getattr(user, "is_authenticated", False):
        return Access.NONE
    cache: dict[int, Access] = getattr(standing(user), "_council_access", None) or {}
    if council.pk not in cache:
        level = Access.NONE
        for candidate in (Access.TAKES_PART, Access.READER, Access.DIRECTORY):
            if _councils(user, candidate).filter(pk=council.pk).exists():
                level = candidate
                break
        cache[council.pk] = level
        standing(user)._council_access = cache  # type: ignore[attr-defined]
    return cache[council.pk]


def contacts_of(council: Council) -> list[Membership]:
    """Whom to ask about the council: the officers of its member units."""
    return list(
        Membership.objects.current()
        .filter(
            unit_id__in=council.member_units.values("unit_id"),
            role__in=LEADING_ROLES,
        )
        .select_related("person", "unit", "organisation")
        .order_by("organisation__short_name", "unit__name", "person__sort_name")
    )


def representing_units(employer) -> QuerySet[Unit]:
    """Units that hold representation today at a worksite of the employer's family."""
    family = [e.pk for e, _depth in family_of(employer)]
    return (
        Unit.objects.filter(
            representations__worksite__employer_id__in=family,
            representations__ended_on__isnull=True,
            representations__status__in=Representation.HOLDS,
        )
        .select_related("organisation")
        .distinct()
    )


def candidate_units(council: Council) -> QuerySet[Unit]:
    """Units that may join the council: those of the unions taking part, and those
    that represent workers of the employer's family; not its members already."""
    taking_part = council.space.participants.exclude(organisation=None)
    return (
        Unit.objects.filter(
            Q(organisation_id__in=taking_part.values("organisation_id"))
            | Q(pk__in=representing_units(council.employer).values("pk"))
        )
        .exclude(pk__in=council.member_units.values("unit_id"))
        .select_related("organisation")
        .order_by("organisation__short_name", "name")
    )


@dataclass
class Rotation:
    countries: list[str]
    next_country: str | None
    next_host: Unit | None
    history: list[CouncilMeeting]


def rotation(council: Council) -> Rotation:
    """The next host country and unit: meetings go round the members' countries in
    turn, and within a country to the unit that has waited longest to host."""
    units = [
        cu.unit for cu in council.member_units.select_related("unit__organisation")
    ]
    countries = sorted({u.country for u in units})
    history = list(
        council.meetings.select_related(
            "meeting", "host_unit", "host_unit__organisation"
        ).order_by("meeting__starts_at")
    )
    if not countries:
        return Rotation(countries, None, None, history)
    if history and history[-1].country in countries:
        following = countries.index(history[-1].country) + 1
        next_country = countries[following % len(countries)]
    else:
        next_country = countries[0]
    last_hosted = {m.host_unit_id: m.starts_at for m in history if m.host_unit_id}
    candidates = [u for u in units if u.country == next_country]
    candidates.sort(
        key=lambda u: (
            u.pk in last_hosted,
            last_hosted.get(u.pk),
            u.organisation.short_name,
            u.name,
        )
    )
    return Rotation(
        countries, next_country, candidates[0] if candidates else None, history
    )


def possible_owners(user, council: Council) -> QuerySet[Person]:
    """Who may own one of the council's action items: the people the user may see,
    the holders of the council's seats, and every officer of a member unit."""
    holders = council.body.seats.exclude(holder=None).values("holder_id")
    officers = (
        Membership.objects.current()
        .filter(
            unit_id__in=council.member_units.values("unit_id"),
            role__in=LEADING_ROLES,
        )
        .values("person_id")
    )
    return Person.objects.filter(
        Q(pk__in=visible_people(user).values("pk"))
        | Q(pk__in=holders)
        | Q(pk__in=officers)
    ).order_by("sort_name")


def council_items(council: Council) -> list[ActionItem]:
    return list(council.action_items.select_related("owner", "council__space"))


def council_members(council: Council) -> QuerySet[CouncilUnit]:
    return council.member_units.select_related("unit", "unit__organisation")


def council_seats(council: Council) -> QuerySet[Seat]:
    return council.body.seats.select_related("holder", "representing")


def council_posts(council: Council, user=None) -> QuerySet[CouncilPost]:
    """The council's exchange as the person reads it: those who do not take part do
    not see what is confidential to delegates."""
    posts = council.posts.select_related("author")
    if user is not None and access_to(user, council) < Access.TAKES_PART:
        posts = posts.filter(confidential=False)
    return posts


def council_documents(council: Council, user=None) -> list[tuple[Document, bool]]:
    """The documents shared into the council's space and those put before it, each
    with whether it is confidential to delegates; as the person may read them."""
    marks = {
        d.document_id: d.confidential
        for d in council.council_documents.filter(council_meeting=None)
    }
    documents = Document.objects.filter(
        Q(pk__in=shared_ids(Document, [council.space])) | Q(pk__in=list(marks))
    ).select_related("organisation")
    everything = user is None or access_to(user, council) >= Access.TAKES_PART
    return [
        (d, marks.get(d.pk, False))
        for d in documents
        if everything or not marks.get(d.pk, False)
    ]


def visible_action_items(user) -> QuerySet[ActionItem]:
    """The action items of the councils the user reads, and those she owns."""
    person = standing(user).person
    return ActionItem.objects.filter(
        Q(council__in=visible_councils(user))
        | Q(owner=person if person is not None else -1)
    ).select_related("council__space")


def items_to_remind(days_before: int = 3) -> list[ActionItem]:
    """Open items due within ``days_before`` days (or overdue) not yet reminded today."""
    today = timezone.localdate()
    return list(
        ActionItem.objects.filter(
            status__in=[ActionItem.Status.OPEN, ActionItem.Status.IN_PROGRESS],
            due_on__lte=today + timedelta(days=days_before),
        )
        .exclude(reminded_on=today)
        .select_related("owner", "council__space")
    )


def user_for_calendar(secret: str) -> Any:
    """The active user whose calendar feeds ``secret`` opens, or None."""
    token = (
        CalendarToken.objects.select_related("user")
        .filter(token_hash=hash_secret(secret))
        .first()
    )
    return token.user if token is not None and token.user.is_active else None


def visible_meetings(user) -> QuerySet[CouncilMeeting]:
    """The meetings the person reads: every meeting of the councils she takes part
    in, and those not confidential of the councils she reads."""
    return CouncilMeeting.objects.filter(
        Q(council__in=councils_taking_part(user))
        | Q(council__in=visible_councils(user), confidential=False)
    ).select_related(
        "meeting", "council__space", "host_unit__organisation", "council__body"
    )


def council_meetings(council: Council, user=None) -> QuerySet[CouncilMeeting]:
    meetings = council.meetings.select_related(
        "meeting", "council__space", "host_unit__organisation", "council__body"
    )
    if user is not None and access_to(user, council) < Access.TAKES_PART:
        meetings = meetings.filter(confidential=False)
    return meetings


def visible_council(user, slug: str) -> Council | None:
    return visible_councils(user).filter(space__slug=slug).first()


def meetings_between(spaces, start, end) -> QuerySet[CouncilMeeting]:
    """The meetings of the councils of ``spaces`` that started in [start, end)."""
    return CouncilMeeting.objects.filter(
        council__space__in=spaces,
        meeting__starts_at__gte=start,
        meeting__starts_at__lt=end,
    ).select_related("council__space", "meeting")


def posts_between(spaces, start, end) -> QuerySet[CouncilPost]:
    """The exchange posts of the councils of ``spaces`` posted in [start, end)."""
    return CouncilPost.objects.filter(
        council__space__in=spaces, posted_at__gte=start, posted_at__lt=end
    )


def agenda_of(council_meeting: CouncilMeeting) -> list[AgendaItem]:
    return list(council_meeting.meeting.agenda.order_by("position", "id"))


def registrations_of(council_meeting: CouncilMeeting) -> list[DelegateRegistration]:
    return list(
        council_meeting.registrations.select_related("person").order_by(
            "person__sort_name"
        )
    )


def registration_of(
    user, council_meeting: CouncilMeeting
) -> DelegateRegistration | None:
    person = standing(user).person
    if person is None:
        return None
    return council_meeting.registrations.filter(person=person).first()


def meeting_documents(council_meeting: CouncilMeeting, user) -> list[CouncilDocument]:
    documents = council_meeting.documents.select_related("document__organisation")
    if access_to(user, council_meeting.council) < Access.TAKES_PART:
        documents = documents.filter(confidential=False)
    return list(documents)


def minutes_of(council_meeting: CouncilMeeting) -> Any:
    return getattr(council_meeting.meeting, "minutes", None)
