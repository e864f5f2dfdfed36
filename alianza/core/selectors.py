"""What the dashboard shows a person: her seats and her organisations' latest entries."""

from alianza.audit.models import AuditEntry
from alianza.audit.selectors import entries_of
from alianza.bodies.models import Seat
from alianza.orgs.models import Person
from alianza.orgs.selectors import administered_organisations


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
    """The latest entries of the audit log the user reads on its page: those of the
    organisations she administers and of the shared ground they take part in."""
    organisations = administered_organisations(user)
    if not organisations.exists():
        return []
    return list(entries_of(organisations)[:count])
