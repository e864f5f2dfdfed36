"""What the dashboard shows a person: her seats and her organisations' latest entries."""

from django.db.models import QuerySet

from alianza.audit.models import AuditEntry
from alianza.bodies.models import Seat
from alianza.orgs.models import Person
from alianza.orgs.roles import ADMIN_ROLES
from alianza.orgs.selectors import standing


def seats_held_by(person: Person | None) -> list[Seat]:
    """The seats the person holds, with their bodies and whom they represent."""
    if person is None:
        return []
    return list(
        Seat.objects.filter(holder=person).select_related(
            "body", "body__organisation", "body__space", "representing"
        )
    )


def recent_audit(user, count: int = 5) -> list[AuditEntry]:
    """The latest entries of the audit logs of the organisations the user administers."""
    organisation_ids = standing(user).organisation_ids(ADMIN_ROLES)
    if not organisation_ids:
        return []
    entries: QuerySet[AuditEntry] = AuditEntry.objects.filter(
        organisation_id__in=organisation_ids
    ).select_related("organisation")
    return list(entries[:count])
