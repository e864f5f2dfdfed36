from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from alianza.accounts.models import hash_secret
from alianza.bodies.models import Seat
from alianza.documents.models import Document
from alianza.employers.models import Representation
from alianza.employers.selectors import family_of
from alianza.orgs.models import Person, Unit
from alianza.orgs.selectors import visible_people
from alianza.spaces.selectors import shared_ids, visible_spaces

from .models import (
    ActionItem,
    CalendarToken,
    Council,
    CouncilMeeting,
    CouncilPost,
    CouncilUnit,
)


def visible_councils(user) -> QuerySet[Council]:
    return Council.objects.filter(space__in=visible_spaces(user)).select_related(
        "employer", "space", "body"
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
            "host_unit", "host_unit__organisation"
        ).order_by("starts_at")
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
    and the holders of the council's seats."""
    holders = council.body.seats.exclude(holder=None).values("holder_id")
    return Person.objects.filter(
        Q(pk__in=visible_people(user).values("pk")) | Q(pk__in=holders)
    )


def council_items(council: Council) -> list[ActionItem]:
    return list(council.action_items.select_related("owner", "council__space"))


def council_members(council: Council) -> QuerySet[CouncilUnit]:
    return council.member_units.select_related("unit", "unit__organisation")


def council_seats(council: Council) -> QuerySet[Seat]:
    return council.body.seats.select_related("holder", "representing")


def council_posts(council: Council) -> QuerySet[CouncilPost]:
    return council.posts.select_related("author")


def council_documents(council: Council) -> QuerySet[Document]:
    """The documents shared into the council's space."""
    return Document.objects.filter(
        pk__in=shared_ids(Document, [council.space])
    ).select_related("organisation")


def visible_action_items(user) -> QuerySet[ActionItem]:
    """The action items of the councils the user may see."""
    return ActionItem.objects.filter(council__in=visible_councils(user)).select_related(
        "council__space"
    )


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
    """The meetings of every council the user may see."""
    return CouncilMeeting.objects.filter(
        council__in=visible_councils(user)
    ).select_related("council__space", "host_unit__organisation")


def council_meetings(council: Council) -> QuerySet[CouncilMeeting]:
    return council.meetings.select_related("council__space", "host_unit__organisation")


def visible_council(user, slug: str) -> Council | None:
    return visible_councils(user).filter(space__slug=slug).first()


def meetings_between(spaces, start, end) -> QuerySet[CouncilMeeting]:
    """The meetings of the councils of ``spaces`` that started in [start, end)."""
    return CouncilMeeting.objects.filter(
        council__space__in=spaces, starts_at__gte=start, starts_at__lt=end
    ).select_related("council__space")


def posts_between(spaces, start, end) -> QuerySet[CouncilPost]:
    """The exchange posts of the councils of ``spaces`` posted in [start, end)."""
    return CouncilPost.objects.filter(
        council__space__in=spaces, posted_at__gte=start, posted_at__lt=end
    )
