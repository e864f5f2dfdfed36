"""A period's work of the unions, for the quarterly report (``reports``)."""

from datetime import date

from django.db.models import Q, QuerySet

from .models import Letter, Pledge, Signature, SolidarityRequest, Strike
from .selectors import VISIBLE_STATUSES


def requests_of(org_ids: set[int]) -> QuerySet[SolidarityRequest]:
    """The requests the unions ``org_ids`` wrote, whatever their state."""
    return SolidarityRequest.objects.filter(organisation_id__in=org_ids)


def requests_asking(org_ids: set[int]) -> QuerySet[SolidarityRequest]:
    """The published (or since closed) requests that ask one of ``org_ids``."""
    return SolidarityRequest.objects.filter(
        audiences__in=org_ids, status__in=VISIBLE_STATUSES
    ).distinct()


def pledges_by(org_ids: set[int]) -> QuerySet[Pledge]:
    """The pledges the unions ``org_ids`` made, each with its unit and union."""
    return Pledge.objects.filter(organisation_id__in=org_ids).select_related(
        "unit", "organisation"
    )


def letters_of(org_ids: set[int]) -> QuerySet[Letter]:
    return Letter.objects.filter(organisation_id__in=org_ids)


def confirmed_signatures_on(letters: QuerySet[Letter]) -> QuerySet[Signature]:
    return Signature.objects.filter(letter__in=letters, confirmed_at__isnull=False)


def strikes_supported(
    org_ids: set[int], first_day: date, next_day: date, pledges: QuerySet[Pledge]
) -> QuerySet[Strike]:
    """The strikes the unions ``org_ids`` supported from ``first_day`` to the day
    before ``next_day``: a support action they recorded (one recorded without a
    union is its campaign's), or a pledge of ``pledges`` on a request of the
    strike's campaign."""
    entries = Q(
        support_actions__happened_on__gte=first_day,
        support_actions__happened_on__lt=next_day,
    ) & (
        Q(support_actions__organisation_id__in=org_ids)
        | Q(
            support_actions__organisation__isnull=True,
            campaign__organisation_id__in=org_ids,
        )
    )
    pledged = Q(campaign__requests__pledges__in=pledges.values("pk"))
    return (
        Strike.objects.filter(entries | pledged)
        .select_related("unit", "worksite")
        .distinct()
    )
