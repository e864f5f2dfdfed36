"""What the alerts capability reads: the unions a person writes alerts for, an
alert's audience and progress, and a recipient's delivery from their link."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.multilingual.text import render_for
from alianza.notifications.ground import Address
from alianza.notifications.models import Mode
from alianza.orgs.models import ContactChannel, Organisation, Person, Unit
from alianza.orgs.roles import LEADING_ROLES
from alianza.orgs.selectors import standing, visible_people

from .models import Alert, Delivery, Reach, Reply

SALT = "alianza.alerts.ack"


def led_organisation_ids(user: Any) -> set[int]:
    """The unions the person leads: she writes alerts for these."""
    return standing(user).organisation_ids(LEADING_ROLES)


def led_organisations(user: Any) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=led_organisation_ids(user))


def units_of(organisations: QuerySet[Organisation]) -> QuerySet[Unit]:
    """The units an alert of these unions may be addressed to."""
    return Unit.objects.filter(organisation__in=organisations).select_related(
        "organisation"
    )


def alerts_with_owner() -> QuerySet[Alert]:
    return Alert.objects.select_related("organisation")


def recent_alerts(user: Any, limit: int = 10) -> QuerySet[Alert]:
    """The latest alerts of the unions the person leads."""
    return alerts_with_owner().filter(organisation_id__in=led_organisation_ids(user))[
        :limit
    ]


# --- The solidarity requests an alert may be about ------------------------------------
#
# An alert may be about a solidarity request. Which requests a person may see is the
# solidarity app's to say, and solidarity builds on alerts (not the other way): it
# registers the question in its ``ready()``. Until it does, no request is offered.

RequestsFor = Callable[[Any], QuerySet]
_requests_for: RequestsFor | None = None


def register_requests(provider: RequestsFor | None) -> None:
    """Set the function that gives the published requests a person may alert about."""
    global _requests_for  # one provider per process, set at start-up
    _requests_for = provider


def requests_to_alert_about(user: Any) -> QuerySet:
    """The published solidarity requests the person may see."""
    if _requests_for is None:
        return Alert._meta.get_field("request").related_model.objects.none()  # type: ignore[union-attr]
    return _requests_for(user)


# --- Audience and progress ------------------------------------------------------------


def recipients(alert: Alert, sender: Any = None) -> QuerySet[Person]:
    """The people the alert reaches: current members of the sender's union in the
    chosen units (and the units below them) or councils, in the chosen countries and
    languages, and only people the sender may see."""
    audience = alert.audience or {}
    people = Person.objects.filter(
        memberships__organisation=alert.organisation,
        memberships__ended_on__isnull=True,
    )
    unit_ids: set[int] = set()
    for unit in Unit.objects.filter(pk__in=audience.get("units", [])):
        unit_ids |= unit.descendant_ids()
    council_units = Unit.objects.filter(
        councils__council_id__in=audience.get("councils", []),
        organisation=alert.organisation,
    )
    for unit in council_units:
        unit_ids |= unit.descendant_ids()
    if audience.get("units") or audience.get("councils"):
        people = people.filter(memberships__unit_id__in=unit_ids)
    if audience.get("countries"):
        people = people.filter(country__in=audience["countries"])
    if audience.get("languages"):
        people = people.filter(preferred_language__in=audience["languages"])
    people = people.filter(
        pk__in=visible_people(sender or alert.created_by).values("pk")
    )
    return Person.objects.filter(pk__in=people.values("pk"))


@dataclass(frozen=True)
class Untranslated:
    """Recipients who read a language the alert has no translation into: they get
    the original."""

    language: str
    people: int


def untranslated_audience(alert: Alert, people: QuerySet[Person]) -> list[Untranslated]:
    """For each language the recipients prefer that the alert's subject or message
    lacks, how many of them read it (most first). Told to the sender before sending."""
    counts: dict[str, int] = {}
    for code, n in (
        people.order_by()
        .values_list("preferred_language")
        .annotate(n=Count("pk", distinct=True))
    ):
        base = (code or settings.LANGUAGE_CODE).split("-")[0]
        counts[base] = counts.get(base, 0) + n
    missing = []
    for code, n in counts.items():
        if code == alert.language:
            continue
        renditions = [render_for(alert, f, code) for f in Alert.TRANSLATABLE_FIELDS]
        if any(r.language != code for r in renditions):
            missing.append(Untranslated(code, n))
    return sorted(missing, key=lambda u: (-u.people, u.language))


def sent_in_last_hour(actor: Any) -> int:
    since = timezone.now() - timedelta(hours=1)
    return Alert.objects.filter(sent_by=actor, sent_at__gte=since).count()


# --- Who can be reached, and how -------------------------------------------------------


@dataclass
class Channels:
    """A person's addresses for alerts, and the channels she stopped."""

    email: str = ""
    phone: str = ""
    no_email: bool = False
    no_sms: bool = False

    @property
    def email_usable(self) -> bool:
        return bool(self.email) and not self.no_email

    @property
    def sms_usable(self) -> bool:
        return bool(self.phone) and not self.no_sms

    @property
    def reachable(self) -> bool:
        return self.email_usable or self.sms_usable


def channels_of(person_ids: list[int]) -> dict[int, Channels]:
    """Each person's preferred e-mail address and phone number; the e-mail address
    she signs in with counts as a channel unless she said otherwise."""
    found = {pk: Channels() for pk in person_ids}
    rows = (
        ContactChannel.objects.filter(
            person_id__in=person_ids, kind__in=["email", "phone"]
        )
        .order_by("person_id", "-preferred", "id")
        .values_list("person_id", "kind", "value")
    )
    for person_id, kind, value in rows.iterator(chunk_size=5000):
        channels = found[person_id]
        if kind == "email" and not channels.email:
            channels.email = value
        elif kind == "phone" and not channels.phone:
            channels.phone = value
    reach = {r.person_id: r for r in Reach.objects.filter(person_id__in=person_ids)}
    logins = Person.objects.filter(
        pk__in=person_ids, user__isnull=False, user__is_active=True
    ).values_list("pk", "user__email")
    for pk, login in logins.iterator(chunk_size=5000):
        said = reach.get(pk)
        if login and not found[pk].email and (said is None or said.login_email):
            found[pk].email = login
    for pk, said in reach.items():
        found[pk].no_email, found[pk].no_sms = said.no_email, said.no_sms
    return found


def notification_addresses(person_ids: Iterable[int]) -> dict[int, Address]:
    """Where each person takes notifications, and how (her reach settings): a
    channel she stopped (a "STOP" reply, "no alerts by e-mail") is off for them too."""
    ids = list(person_ids)
    channels = channels_of(ids)
    modes: dict[int, tuple[str, str]] = dict.fromkeys(
        ids, (Mode.IMMEDIATE, Mode.IMMEDIATE)
    )
    for pk, email_mode, sms_mode in Reach.objects.filter(person_id__in=ids).values_list(
        "person_id", "email_notices", "sms_notices"
    ):
        modes[pk] = (email_mode, sms_mode)
    return {
        pk: Address(
            email=c.email,
            phone=c.phone,
            email_mode=Mode.OFF if c.no_email else modes[pk][0],
            sms_mode=Mode.OFF if c.no_sms else modes[pk][1],
        )  # fmt: skip
        for pk, c in channels.items()
    }


@dataclass(frozen=True)
class ReachReport:
    """Before sending: how many the alert reaches on each channel, and who it
    cannot reach (no address, or every channel stopped)."""

    recipients: int
    by_email: int
    by_sms: int
    no_channel: list[Person]
    opted_out: list[Person]

    @property
    def unreachable(self) -> int:
        return len(self.no_channel) + len(self.opted_out)


def reach_report(alert: Alert, sender: Any) -> ReachReport:
    people = list(recipients(alert, sender).order_by("sort_name", "name"))
    channels = channels_of([p.pk for p in people])
    no_channel: list[Person] = []
    opted_out: list[Person] = []
    # Only the alert's channels count (a template may send by text message only).
    email, texts = alert.channels != "sms", alert.channels != "email"
    for person in people:
        c = channels[person.pk]
        if not ((email and c.email_usable) or (texts and c.sms_usable)):
            has = (email and c.email) or (texts and c.phone)
            (opted_out if has else no_channel).append(person)
    return ReachReport(
        recipients=len(people),
        by_email=sum(c.email_usable for c in channels.values()) if email else 0,
        by_sms=sum(c.sms_usable for c in channels.values()) if texts else 0,
        no_channel=no_channel,
        opted_out=opted_out,
    )


def reach_of(person: Person) -> Reach:
    """The person's reach settings (the defaults when she never set them)."""
    return Reach.objects.filter(person=person).first() or Reach(person=person)


# --- Progress: each recipient counted once, by her state ------------------------------


@dataclass(frozen=True)
class Progress:
    recipients: int
    unreachable: int
    queued: int
    sent: int
    failed: int
    bounced: int
    acknowledged: int
    by_language: list[tuple[str, int, int]]

    def _percent(self, n: int) -> int:
        return round(100 * n / self.recipients) if self.recipients else 0

    @property
    def done_percent(self) -> int:
        """Recipients whose messages are no longer waiting to go out."""
        return 100 - self._percent(self.queued) if self.recipients else 100

    @property
    def reached_percent(self) -> int:
        """Recipients a message reached (sent or delivered), or who answered."""
        return self._percent(self.sent + self.acknowledged)

    @property
    def acknowledged_percent(self) -> int:
        return self._percent(self.acknowledged)

    @property
    def rows(self) -> list[tuple[str, int, int]]:
        """(state, recipients, percent) for the page's table."""
        S = Delivery.State
        counts = [
            (S.ACKNOWLEDGED, self.acknowledged),
            (S.SENT, self.sent),
            (S.QUEUED, self.queued),
            (S.FAILED, self.failed),
            (S.BOUNCED, self.bounced),
            (S.UNREACHABLE, self.unreachable),
        ]
        return [(str(state.label), n, self._percent(n)) for state, n in counts]


def state_filters() -> dict[str, Q]:
    """Each recipient state as a condition on a delivery (see ``Delivery.state``)."""
    S = Delivery.Status

    def either(*statuses: str) -> Q:
        return Q(email_status__in=statuses) | Q(sms_status__in=statuses)

    ack = Q(acknowledged_at__isnull=False)
    queued = ~ack & either(S.QUEUED)
    sent = ~ack & ~either(S.QUEUED) & either(S.SENT, S.DELIVERED)
    bounced = ~ack & ~either(S.QUEUED, S.SENT, S.DELIVERED) & either(S.BOUNCED)
    failed = ~ack & ~either(S.QUEUED, S.SENT, S.DELIVERED, S.BOUNCED) & either(S.FAILED)
    return {
        "acknowledged": ack,
        "queued": queued,
        "sent": sent,
        "bounced": bounced,
        "failed": failed,
    }


def progress(alert: Alert) -> Progress:
    """Each recipient in one state: acknowledged, sent, queued, failed, bounced or
    cannot be reached; the percentages are shares of all recipients."""
    counts = alert.deliveries.aggregate(
        recipients=Count("pk"),
        **{name: Count("pk", filter=q) for name, q in state_filters().items()},
    )
    languages = (
        alert.deliveries.values("language")
        .annotate(
            n=Count("pk"), ack=Count("pk", filter=Q(acknowledged_at__isnull=False))
        )
        .order_by("language")
    )
    placed = sum(counts[k] for k in state_filters())
    return Progress(
        recipients=counts["recipients"],
        unreachable=counts["recipients"] - placed,
        queued=counts["queued"],
        sent=counts["sent"],
        failed=counts["failed"],
        bounced=counts["bounced"],
        acknowledged=counts["acknowledged"],
        by_language=[(row["language"], row["n"], row["ack"]) for row in languages],
    )


def deliveries_to(person: Person | None) -> QuerySet[Delivery]:
    """The alerts a person received, newest first: her inbox."""
    if person is None:
        return Delivery.objects.none()
    return (
        Delivery.objects.filter(person=person)
        .exclude(alert__status=Alert.Status.DRAFT)
        .select_related("alert__organisation")
        .order_by("-alert__sent_at", "-pk")
    )


def unanswered_alerts(person: Person | None) -> int:
    """How many alerts she received and has not yet acknowledged."""
    return deliveries_to(person).filter(acknowledged_at__isnull=True).count()


def replies_to(alert: Alert) -> QuerySet[Reply]:
    """The text messages recipients sent back about this alert."""
    return Reply.objects.filter(delivery__alert=alert).select_related("person")


def replies_for(user: Any) -> QuerySet[Reply]:
    """The replies to alerts of the unions the person leads: the senders' inbox."""
    return Reply.objects.filter(
        delivery__alert__organisation_id__in=led_organisation_ids(user),
        kind=Reply.Kind.MESSAGE,
    ).select_related("person", "delivery__alert__organisation")


def delivery_by_sms_id(sms_id: str) -> Delivery | None:
    return Delivery.objects.filter(sms_id=sms_id).first() if sms_id else None


def last_text_to(phone: str) -> Delivery | None:
    """The latest alert sent by text message to this number: the one a reply
    answers."""
    return (
        Delivery.objects.filter(phone=phone)
        .exclude(sms_status__in=[Delivery.Status.NONE, Delivery.Status.QUEUED])
        .select_related("alert__organisation", "person")
        .order_by("-alert__sent_at", "-pk")
        .first()
    )


def person_with_phone(phone: str) -> Person | None:
    return Person.objects.filter(contacts__kind="phone", contacts__value=phone).first()


# --- The message and the recipient's link --------------------------------------------


def ack_token(delivery_id: int) -> str:
    return signing.Signer(salt=SALT).sign(str(delivery_id))


def ack_url(delivery_id: int) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(
        "alerts:acknowledge", args=[ack_token(delivery_id)]
    )


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    footer: str
    translated: bool = True

    def text_message(self, link: str) -> str:
        """The alert as a text message: subject and message, cut at a word when too
        long (the rest is behind the link), then the link."""
        from alianza.lib import sms

        return sms.fit(f"{self.subject}: {self.body}", link, settings.SMS_MAX_PARTS)


def compose(alert: Alert, language: str) -> Message:
    """The alert in ``language`` (its translation when there is one)."""
    with translation.override(language):
        body = render_for(alert, "body", language)
        return Message(
            subject=render_for(alert, "title", language).text,
            body=body.text,
            translated=body.language == language.split("-")[0],
            footer=_(
                "Sent by %(org)s through Alianza. Tell us you received it: %(link)s"
            )
            % {"org": alert.organisation, "link": "{link}"},
        )


@dataclass(frozen=True)
class Preview:
    """What recipients reading one language will receive."""

    language: str
    people: int
    message: Message
    text_message: str
    segments: Any


def previews(alert: Alert, sender: Any) -> list[Preview]:
    """Before sending: the e-mail subject and the exact text message per language of
    the recipients, with its length in parts (the link as long as a real one)."""
    from alianza.lib import sms

    counts = (
        recipients(alert, sender)
        .values("preferred_language")
        .annotate(n=Count("pk"))
        .order_by("preferred_language")
    )
    example_link = ack_url(10**6)
    found = []
    for row in counts:
        language = row["preferred_language"] or alert.language
        message = compose(alert, language)
        text = message.text_message(example_link)
        found.append(Preview(language, row["n"], message, text, sms.segments(text)))
    return found


def not_acknowledged(alert: Alert) -> QuerySet[Delivery]:
    """The recipients who have not said they received it: a phone bank's list."""
    return (
        alert.deliveries.filter(acknowledged_at__isnull=True)
        .select_related("person")
        .order_by("person__sort_name", "person__name")
    )


def delivery_for_token(token: str) -> Delivery | None:
    try:
        pk = int(signing.Signer(salt=SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return Delivery.objects.select_related("alert__organisation").filter(pk=pk).first()
