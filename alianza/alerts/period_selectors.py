"""The alerts a union sent in a period and how they reached people, for the
quarterly report (``reports``)."""

from typing import Any

from django.db.models import Count, QuerySet

from .models import Alert, Delivery
from .selectors import state_filters


def sent_between(org_ids: set[int], start: Any, end: Any) -> QuerySet[Alert]:
    """The alerts of the unions ``org_ids`` sent in [start, end)."""
    return Alert.objects.filter(
        organisation_id__in=org_ids, sent_at__gte=start, sent_at__lt=end
    )


def states_of(alerts: QuerySet[Alert]) -> dict[str, int]:
    """The recipients of ``alerts`` by state (``Delivery.State``), each once per
    alert; "recipients" counts them all."""
    rows = Delivery.objects.filter(alert__in=alerts).aggregate(
        recipients=Count("pk"),
        **{name: Count("pk", filter=q) for name, q in state_filters().items()},
    )
    rows["unreachable"] = rows["recipients"] - sum(
        rows[name] for name in state_filters()
    )
    return rows
