"""What the alerts capability reads: the unions a person writes alerts for, an
alert's audience and progress, and a recipient's delivery from their link."""

from collections.abc import Callable
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
from alianza.orgs.models import Organisation, Person, Unit
from alianza.orgs.roles import LEADING_ROLES
from alianza.orgs.selectors import standing, visible_people

from .models import Alert, Delivery

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


@dataclass(frozen=True)
class Progress:
    recipients: int
    queued: int
    sent: int
    failed: int
    acknowledged: int
    by_language: list[tuple[str, int, int]]

    @property
    def done_percent(self) -> int:
        total = self.queued + self.sent + self.failed
        return 100 if total == 0 else round(100 * (self.sent + self.failed) / total)


def progress(alert: Alert) -> Progress:
    """Messages queued, sent and failed on both channels; recipients who answered."""
    statuses = (Delivery.Status.QUEUED, Delivery.Status.SENT, Delivery.Status.FAILED)
    counts = alert.deliveries.aggregate(
        recipients=Count("pk"),
        acknowledged=Count("pk", filter=Q(acknowledged_at__isnull=False)),
        **{
            f"{channel}_{status}": Count(
                "pk", filter=Q(**{f"{channel}_status": status})
            )
            for channel in ("email", "sms")
            for status in statuses
        },
    )
    languages = (
        alert.deliveries.values("language")
        .annotate(
            n=Count("pk"), ack=Count("pk", filter=Q(acknowledged_at__isnull=False))
        )
        .order_by("language")
    )
    return Progress(
        recipients=counts["recipients"],
        queued=counts["email_queued"] + counts["sms_queued"],
        sent=counts["email_sent"] + counts["sms_sent"],
        failed=counts["email_failed"] + counts["sms_failed"],
        acknowledged=counts["acknowledged"],
        by_language=[(row["language"], row["n"], row["ack"]) for row in languages],
    )


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


def compose(alert: Alert, language: str) -> Message:
    """The alert in ``language`` (its translation when there is one)."""
    with translation.override(language):
        return Message(
            subject=render_for(alert, "title", language).text,
            body=render_for(alert, "body", language).text,
            footer=_(
                "Sent by %(org)s through Alianza. Tell us you received it: %(link)s"
            )
            % {"org": alert.organisation, "link": "{link}"},
        )


def delivery_for_token(token: str) -> Delivery | None:
    try:
        pk = int(signing.Signer(salt=SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return Delivery.objects.select_related("alert__organisation").filter(pk=pk).first()
