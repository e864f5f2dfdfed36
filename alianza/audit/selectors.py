"""Reading the audit log."""

from django.apps import apps
from django.db.models import Q, QuerySet

from .models import AuditEntry


def entries_of(
    organisations: QuerySet, *, organisation_slug: str = "", action: str = ""
) -> QuerySet[AuditEntry]:
    """The entries of ``organisations`` and those on the shared ground (the joint
    spaces) they take part in; of one of them (its slug) or one action.

    An entry on shared ground is read by the administrators of every union taking
    part in its space, whichever union's person acted."""
    participant = apps.get_model("spaces", "Participant")
    spaces = participant.objects.filter(organisation__in=organisations).values(
        "space_id"
    )
    entries = AuditEntry.objects.filter(
        Q(organisation__in=organisations) | Q(space__in=spaces)
    ).select_related("organisation", "space")
    if organisation_slug:
        taking_part = participant.objects.filter(
            organisation__slug=organisation_slug
        ).values("space_id")
        entries = entries.filter(
            Q(organisation__slug=organisation_slug) | Q(space__in=taking_part)
        )
    if action:
        entries = entries.filter(action=action)
    return entries
