"""What Alianza told the demo people: the notifications the demo's letters, requests
and action items would have sent (marked sent; nothing is mailed while loading)."""

from django.utils import timezone

from alianza.councils.models import ActionItem
from alianza.notifications.actions import language_of
from alianza.notifications.messages import render
from alianza.notifications.models import Kind, Notification
from alianza.orgs.models import Person
from alianza.orgs.selectors import leading_people
from alianza.solidarity.models import Signature, SolidarityRequest


def _told(person: Person, kind: str, context: dict, path: str) -> Notification:
    language = language_of(person)
    subject, body = render(kind, context, language)
    return Notification(
        recipient=person, kind=kind, path=path, language=language, subject=subject,
        body=body, channel="email", email_state=Notification.State.SENT,
        sent_at=timezone.now(),
    )  # fmt: skip


def load(people: list[Person]) -> int:
    """Notifications for the demo people (those with a login), made afresh."""
    ids = {p.pk for p in people if p.user_id}
    Notification.objects.filter(recipient_id__in=ids).delete()
    made = []
    for s in Signature.objects.filter(
        person_id__in=ids, confirmed_at__isnull=True
    ).select_related("letter__organisation", "person__user"):
        made.append(_told(s.person, Kind.SIGNATORY_ADDED,
                          {"union": s.letter.organisation, "title": s.letter},
                          s.letter.get_absolute_url()))  # fmt: skip
    published = SolidarityRequest.objects.filter(
        status=SolidarityRequest.Status.PUBLISHED
    ).select_related("organisation")
    for req in published:
        asked = req.audiences.values_list("pk", flat=True)
        for person in leading_people(asked).filter(pk__in=ids).select_related("user"):
            made.append(_told(person, Kind.REQUEST_PUBLISHED,
                              {"union": req.organisation, "title": req},
                              req.get_absolute_url()))  # fmt: skip
    for item in ActionItem.objects.filter(owner_id__in=ids).select_related(
        "council__space", "owner__user"
    ):
        made.append(_told(item.owner, Kind.ACTION_ASSIGNED,
                          {"council": item.council, "title": item, "due": item.due_on},
                          item.get_absolute_url()))  # fmt: skip
    Notification.objects.bulk_create(made)
    return len(made)
