"""What the dashboard shows a person: her seats, the meetings in session where she
sits, the votes she is on the roll of, and her organisations' latest entries."""

from django.db.models import Q, QuerySet

from alianza.alerts.selectors import channels_of
from alianza.audit.models import AuditEntry
from alianza.audit.selectors import entries_of
from alianza.bodies.models import Seat
from alianza.elections.models import Election, Voter
from alianza.governance.models import Meeting
from alianza.lib.phones import normalise_phone
from alianza.orgs.models import ContactChannel, Person
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


def meetings_in_session_for(person: Person | None) -> QuerySet[Meeting]:
    """Meetings in session of the bodies where she holds a seat: the banner that
    calls her in."""
    if person is None:
        return Meeting.objects.none()
    return (
        Meeting.objects.filter(status=Meeting.Status.OPEN, body__seats__holder=person)
        .select_related("body")
        .distinct()
    )


def roll_lines_of(person: Person | None) -> QuerySet[Voter]:
    """The lines of votes' rolls that are hers (by her e-mail addresses or phone
    numbers), for votes not yet over or whose result is out."""
    if person is None:
        return Voter.objects.none()
    emails = {
        value.casefold()
        for value in ContactChannel.objects.filter(
            person=person, kind="email"
        ).values_list("value", flat=True)
    }
    login = channels_of([person.pk])[person.pk].email
    if login:
        emails.add(login.casefold())
    phones = {
        normalise_phone(value, person.country) or value
        for value in ContactChannel.objects.filter(
            person=person, kind="phone"
        ).values_list("value", flat=True)
    }
    match = Q(pk__in=[])
    for email in emails:
        match |= Q(email__iexact=email)
    if phones:
        match |= Q(phone__in=phones)
    shown = [
        Election.Status.CREDENTIALS, Election.Status.OPEN, Election.Status.CLOSED,
        Election.Status.TALLIED, Election.Status.PUBLISHED,
    ]  # fmt: skip
    return (
        Voter.objects.filter(match, election__status__in=shown)
        .select_related("election__organisation", "election__space")
        .order_by("-election__opens_at")
    )
