from typing import Any

from django.db.models import QuerySet

from .models import Notification


def notifications_of(person: Any) -> QuerySet[Notification]:
    """What Alianza told her, newest first."""
    if person is None:
        return Notification.objects.none()
    return Notification.objects.filter(recipient=person)
