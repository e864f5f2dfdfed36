from dataclasses import dataclass

from django.db.models import Q, QuerySet

from alianza.employers.models import Representation
from alianza.employers.selectors import family_of
from alianza.orgs.models import Unit
from alianza.spaces.selectors import visible_spaces

from .models import Council, CouncilMeeting


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
