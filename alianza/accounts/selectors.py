"""Reading invitations and API tokens."""

from django.db.models import QuerySet

from .models import ApiToken, Invitation, hash_secret


def find_invitation(token: str) -> Invitation | None:
    """The invitation whose secret link holds ``token``, usable or not."""
    return (
        Invitation.objects.select_related("organisation", "unit", "person")
        .filter(token_hash=hash_secret(token))
        .first()
    )


def invitations_of(organisations: QuerySet) -> QuerySet[Invitation]:
    """The latest invitations to ``organisations``, newest first."""
    return Invitation.objects.filter(organisation__in=organisations).select_related(
        "organisation", "unit", "invited_by"
    )[:100]


def tokens_of(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)
