"""The alert templates a union's leaders start alerts from."""

from typing import Any

from django.db.models import QuerySet

from .models import AlertTemplate
from .selectors import led_organisation_ids


def templates_for(user: Any) -> QuerySet[AlertTemplate]:
    """The alert templates of the unions the person leads (no other union's)."""
    return AlertTemplate.objects.filter(
        organisation_id__in=led_organisation_ids(user)
    ).select_related("organisation")


def templates_with_owner() -> QuerySet[AlertTemplate]:
    return AlertTemplate.objects.select_related("organisation")
