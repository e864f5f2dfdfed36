"""Reading the audit log."""

from django.db.models import QuerySet

from .models import AuditEntry


def entries_of(
    organisations: QuerySet, *, organisation_slug: str = "", action: str = ""
) -> QuerySet[AuditEntry]:
    """The entries of ``organisations``, of one of them (its slug) or one action."""
    entries = AuditEntry.objects.filter(organisation__in=organisations).select_related(
        "organisation"
    )
    if organisation_slug:
        entries = entries.filter(organisation__slug=organisation_slug)
    if action:
        entries = entries.filter(action=action)
    return entries
