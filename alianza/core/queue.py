"""What waits for a person: the letters she must sign, the requests her union must
answer or vet, the machine translations to review, her action items, the meetings
coming where she sits and the alerts to acknowledge — each with a direct link,
ordered by when it is due.

One query (or two, for translations) per kind, whatever the number of items."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alianza.alerts.selectors import compose, deliveries_to
from alianza.councils.models import ActionItem
from alianza.governance.models import Meeting
from alianza.lib.written import prefetch_translations
from alianza.multilingual.actions import history_url
from alianza.multilingual.models import Translation
from alianza.multilingual.text import language_name, render_for
from alianza.orgs.models import Person
from alianza.orgs.roles import LEADING_ROLES, MANAGING_ROLES
from alianza.orgs.selectors import Standing
from alianza.solidarity.models import Signature, SolidarityRequest

#: How far ahead the meetings where she sits are listed.
MEETINGS_AHEAD = timedelta(days=60)
#: At most this many items of one kind (the full lists are a link away).
PER_KIND = 50


class Kind:
    SIGN = "sign"
    PLEDGE = "pledge"
    VET = "vet"
    TRANSLATE = "translate"
    ACTION = "action"
    MEETING = "meeting"
    ALERT = "alert"


LABELS = {
    Kind.SIGN: _("To sign"),
    Kind.PLEDGE: _("To answer with a pledge"),
    Kind.VET: _("To vet"),
    Kind.TRANSLATE: _("To review (machine translation)"),
    Kind.ACTION: _("Action item"),
    Kind.MEETING: _("Meeting"),
    Kind.ALERT: _("Alert to acknowledge"),
}
ORDER = list(LABELS)


@dataclass(frozen=True)
class Item:
    kind: str
    title: str
    url: str
    #: Where it comes from: the union, the council, the body.
    source: str = ""
    due: date | None = None
    #: The time it happens, for a meeting (shown on its clock).
    at: datetime | None = None

    @property
    def label(self) -> str:
        return str(LABELS[self.kind])

    @property
    def is_overdue(self) -> bool:
        return self.due is not None and self.due < timezone.localdate()

    @property
    def sort_key(self) -> tuple[int, date, int]:
        return (self.due is None, self.due or date.max, ORDER.index(self.kind))


@dataclass(frozen=True)
class WorkQueue:
    items: list[Item]

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        """(kind, label, how many) for the kinds that have items, in a fixed order."""
        n: dict[str, int] = {}
        for item in self.items:
            n[item.kind] = n.get(item.kind, 0) + 1
        return [(k, str(LABELS[k]), n[k]) for k in ORDER if k in n]

    @property
    def is_empty(self) -> bool:
        return not self.items


def _letters_to_sign(person: Any) -> list[Item]:
    signatures = list(
        Signature.objects.filter(person=person, confirmed_at__isnull=True)
        .select_related("letter__organisation")
        .order_by("letter__dated", "pk")[:PER_KIND]
    )
    prefetch_translations([s.letter for s in signatures])
    return [
        Item(
            Kind.SIGN,
            str(s.letter),
            s.letter.get_absolute_url(),
            str(s.letter.organisation),
        )  # fmt: skip
        for s in signatures
    ]


def _requests_to_answer(led: set[int]) -> list[Item]:
    """Published requests that ask a union she leads, which that union has not
    answered with a pledge yet."""
    if not led:
        return []
    asked = (
        SolidarityRequest.objects.filter(
            status=SolidarityRequest.Status.PUBLISHED, audiences__in=led
        )
        .exclude(pledges__organisation_id__in=led)
        .select_related("organisation")
        .distinct()
        .order_by("deadline", "pk")[:PER_KIND]
    )
    requests = prefetch_translations(asked)
    return [
        Item(Kind.PLEDGE, str(r), r.get_absolute_url(), str(r.organisation), r.deadline)
        for r in requests
    ]


def _requests_to_vet(managed: set[int], person: Person) -> list[Item]:
    """Drafts of a union she manages, or shared with one for help, that someone
    other than their author vets: never her own."""
    if not managed:
        return []
    drafts = prefetch_translations(
        SolidarityRequest.objects.filter(
            Q(organisation_id__in=managed) | Q(shared_with__in=managed),
            status=SolidarityRequest.Status.DRAFT,
        )
        .exclude(created_by__person=person)
        .distinct()
        .select_related("organisation")
        .order_by("deadline", "pk")[:PER_KIND]
    )
    return [
        Item(Kind.VET, str(r), r.get_absolute_url(), str(r.organisation), r.deadline)
        for r in drafts
    ]


def _drafts_to_review(led: set[int]) -> list[Item]:
    """Machine translations made for a union she leads that no person reviewed yet,
    one item per record (its languages named)."""
    if not led:
        return []
    rows = list(
        Translation.objects.filter(machine=True, union_id__in=led)
        .values_list("content_type_id", "object_id", "language")
        .order_by("content_type_id", "object_id", "language")[: PER_KIND * 3]
    )
    languages: dict[tuple[int, str], list[str]] = {}
    for ct, pk, language in rows:
        languages.setdefault((ct, pk), []).append(language)
    records: list[Any] = []
    wanted: dict[int, list[str]] = {}
    for ct, pk in languages:
        wanted.setdefault(ct, []).append(pk)
    for ct, pks in wanted.items():
        model = ContentType.objects.get_for_id(ct).model_class()
        if model is None:
            continue
        records += list(model._default_manager.filter(pk__in=pks))
    prefetch_translations(records)
    items = []
    for record in records:
        ct = ContentType.objects.get_for_model(type(record)).pk
        names = ", ".join(language_name(c) for c in languages[(ct, str(record.pk))])
        try:
            url = record.get_absolute_url()
        except (AttributeError, NotImplementedError):
            url = history_url(record)
        items.append(Item(Kind.TRANSLATE, str(record), url, names))
    return items


def _action_items(person: Any) -> list[Item]:
    items = prefetch_translations(
        ActionItem.objects.filter(owner=person)
        .exclude(status__in=[ActionItem.Status.DONE, ActionItem.Status.CANCELLED])
        .select_related("council__space")
        .order_by("due_on", "pk")[:PER_KIND]
    )
    return [
        Item(Kind.ACTION, str(a), a.get_absolute_url(), str(a.council), a.due_on)
        for a in items
    ]


def _meetings_coming(person: Any) -> list[Item]:
    now = timezone.now()
    meetings = prefetch_translations(
        Meeting.objects.filter(
            Q(status=Meeting.Status.SCHEDULED) | Q(status=Meeting.Status.OPEN),
            body__seats__holder=person,
            starts_at__gte=now - timedelta(hours=12),
            starts_at__lt=now + MEETINGS_AHEAD,
        )
        .select_related("body")
        .distinct()
        .order_by("starts_at", "pk")[:PER_KIND]
    )
    prefetch_translations([m.body for m in meetings])
    language = get_language() or "en"
    return [
        Item(
            Kind.MEETING,
            render_for(m, "title", language).text,
            m.get_absolute_url(),
            str(m.body),
            m.starts_at.astimezone(m.zone).date(),
            m.starts_at,
        )  # fmt: skip
        for m in meetings
    ]


def _alerts_to_acknowledge(person: Any) -> list[Item]:
    deliveries = list(
        deliveries_to(person).filter(acknowledged_at__isnull=True)[:PER_KIND]
    )
    prefetch_translations([d.alert for d in deliveries])
    language = get_language() or "en"
    link = reverse("alerts:mine")
    return [
        Item(
            Kind.ALERT,
            compose(d.alert, language).subject,
            link,
            str(d.alert.organisation),
        )  # fmt: skip
        for d in deliveries
    ]


def work_queue(st: Standing) -> WorkQueue:
    """Everything that waits for the person of this standing, by due date (those
    without one last)."""
    person = st.person
    if person is None:
        return WorkQueue([])
    led = st.organisation_ids(LEADING_ROLES)
    managed = st.organisation_ids(MANAGING_ROLES)
    items = [
        *_letters_to_sign(person),
        *_requests_to_answer(led),
        *_requests_to_vet(managed, person),
        *_drafts_to_review(led),
        *_action_items(person),
        *_meetings_coming(person),
        *_alerts_to_acknowledge(person),
    ]
    return WorkQueue(sorted(items, key=lambda i: i.sort_key))
