"""The comments on campaigns and requests: what a reader and a moderator see."""

from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from alianza.orgs.models import Person

from .models import Campaign, Comment, SolidarityRequest


def comments_on(
    record: Campaign | SolidarityRequest, *, moderator: bool
) -> QuerySet[Comment]:
    """The comments on a campaign or a request, newest first: the visible ones, and
    for its union's leaders (``moderator``) the hidden ones too."""
    field = "campaign" if isinstance(record, Campaign) else "request"
    comments = Comment.objects.filter(**{field: record}).select_related(
        "author", "hidden_by__person"
    )
    if not moderator:
        comments = comments.filter(state=Comment.State.VISIBLE)
    return comments.order_by("-created_at", "-id")


def comments_with_record() -> QuerySet[Comment]:
    """Comments with the record they are about and its union (rules ask both)."""
    return Comment.objects.select_related(
        "campaign__organisation", "request__organisation", "author"
    )


def comments_in_last_hour(person: Person) -> int:
    """How many comments the person wrote in the last hour (the rate limit)."""
    since = timezone.now() - timedelta(hours=1)
    return Comment.objects.filter(author=person, created_at__gte=since).count()
