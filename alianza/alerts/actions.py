"""Rapid-response alerts: drafting, sending (the fan-out runs in background tasks,
in chunks any number of workers share) and acknowledging."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.councils.models import Council
from alianza.lib import sms
from alianza.lib.permissions import require
from alianza.orgs.models import ContactChannel, Organisation, Unit

from .models import Alert, Delivery
from .selectors import Message, ack_url, compose, recipients, sent_in_last_hour

QUEUED, SENT, FAILED, NONE = (
    Delivery.Status.QUEUED,
    Delivery.Status.SENT,
    Delivery.Status.FAILED,
    Delivery.Status.NONE,
)


@transaction.atomic
def draft_alert(
    actor: Any,
    organisation: Organisation,
    *,
    title: str,
    body: str,
    language: str,
    units: list[Unit] | Any = (),
    councils: list[Council] | Any = (),
    countries: list[str] | Any = (),
    languages: list[str] | Any = (),
    request: Any = None,
) -> Alert:
    require(actor, "alerts.add_alert", organisation)
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    if not title.strip() or not body.strip():
        raise ValidationError(_("Write a subject and a message."))
    if any(u.organisation_id != organisation.pk for u in units):
        raise ValidationError({"units": _("Choose units of your own union.")})
    alert = Alert.objects.create(
        organisation=organisation, title=title.strip()[:150], body=body.strip(),
        language=language, request=request, created_by=actor,
        audience={
            "units": sorted(u.pk for u in units),
            "councils": sorted(c.pk for c in councils),
            "countries": sorted(countries),
            "languages": sorted(languages),
        },
    )  # fmt: skip
    record("alerts.drafted", actor=actor, organisation=organisation, target=alert,
           data={"audience": alert.audience})  # fmt: skip
    return alert


def _addresses(person_ids: list[int]) -> dict[int, dict[str, str]]:
    """Each person's e-mail address and phone number (preferred ones first)."""
    found: dict[int, dict[str, str]] = {}
    channels = (
        ContactChannel.objects.filter(
            person_id__in=person_ids, kind__in=["email", "phone"]
        )
        .order_by("person_id", "-preferred", "id")
        .values_list("person_id", "kind", "value")
    )
    for person_id, kind, value in channels.iterator(chunk_size=5000):
        found.setdefault(person_id, {}).setdefault(kind, value)
    return found


@transaction.atomic
def send_alert(actor: Any, alert: Alert) -> Alert:
    """Record one delivery per recipient and queue the fan-out in chunks."""
    from .tasks import deliver_chunk

    require(actor, "alerts.change_alert", alert)
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status != Alert.Status.DRAFT:
        raise ValidationError(_("This alert was already sent."))
    limit = settings.ALERTS_PER_HOUR
    if sent_in_last_hour(actor) >= limit:
        raise ValidationError(
            _("You may send %(limit)s alerts an hour; wait before sending another.")
            % {"limit": limit}
        )
    people = list(recipients(alert, actor).values_list("pk", "preferred_language"))
    if not people:
        raise ValidationError(_("Nobody matches this audience."))
    addresses = _addresses([pk for pk, _lang in people])
    Delivery.objects.bulk_create(
        [
            Delivery(
                alert=alert,
                person_id=pk,
                language=lang,
                email=addresses.get(pk, {}).get("email", ""),
                phone=addresses.get(pk, {}).get("phone", ""),
                email_status=QUEUED if "email" in addresses.get(pk, {}) else NONE,
                sms_status=QUEUED if "phone" in addresses.get(pk, {}) else NONE,
            )  # fmt: skip
            for pk, lang in people
        ],
        batch_size=2000,
    )
    alert.status = Alert.Status.SENDING
    alert.sent_by = actor
    alert.sent_at = timezone.now()
    alert.recipients_count = len(people)
    alert.save(update_fields=["status", "sent_by", "sent_at", "recipients_count"])
    record("alerts.sent", actor=actor, organisation=alert.organisation, target=alert,
           data={"recipients": len(people), "audience": alert.audience})  # fmt: skip
    ids = list(alert.deliveries.values_list("pk", flat=True))
    size = max(1, settings.ALERT_CHUNK_SIZE)
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        deliver_chunk.enqueue(alert.pk, chunk[0], chunk[-1])
    return alert


# --- Delivery (runs in the task workers) ----------------------------------------------


def deliver(alert_id: int, first_id: int, last_id: int, connection: Any = None) -> int:
    """Send the queued deliveries with ids from ``first_id`` to ``last_id``: e-mail
    through one SMTP connection for the chunk, SMS through the configured backend.
    Each delivery is marked sent or failed. Returns the number of messages sent."""
    alert = Alert.objects.get(pk=alert_id)
    rows = list(
        Delivery.objects.filter(alert_id=alert_id, pk__gte=first_id, pk__lte=last_id)
        .filter(Q(email_status=QUEUED) | Q(sms_status=QUEUED))
        .values_list("pk", "language", "email", "phone", "email_status", "sms_status")
    )
    if not rows:
        return 0
    messages: dict[str, Message] = {}
    outcome: dict[tuple[str, str], list[int]] = {}
    errors: dict[int, str] = {}
    connection = connection or get_connection()
    sms_backend = sms.get_backend()
    connection.open()
    try:
        for pk, language, email, phone, email_status, sms_status in rows:
            message = messages.get(language) or messages.setdefault(
                language, compose(alert, language)
            )
            footer = message.footer.replace("{link}", ack_url(pk))
            if email_status == QUEUED:
                mail = EmailMessage(
                    message.subject, f"{message.body}\n\n{footer}",
                    settings.DEFAULT_FROM_EMAIL, [email],
                )  # fmt: skip
                try:
                    ok = connection.send_messages([mail]) == 1
                except Exception as exc:  # one address must not stop the rest
                    ok, errors[pk] = False, str(exc)[:300]
                outcome.setdefault(("email", SENT if ok else FAILED), []).append(pk)
            if sms_status == QUEUED:
                text = f"{message.subject}: {message.body[:300]} {footer}"
                try:
                    ok = sms_backend.send_messages([sms.SmsMessage(phone, text)]) == 1
                except Exception as exc:
                    ok, errors[pk] = False, str(exc)[:300]
                outcome.setdefault(("sms", SENT if ok else FAILED), []).append(pk)
    finally:
        connection.close()
    now = timezone.now()
    with transaction.atomic():
        for (channel, status), ids in outcome.items():
            Delivery.objects.filter(pk__in=ids).update(
                **{f"{channel}_status": status, "sent_at": now}
            )
        for pk, error in errors.items():
            Delivery.objects.filter(pk=pk).update(error=error)
        if not Delivery.objects.filter(
            Q(email_status=QUEUED) | Q(sms_status=QUEUED), alert_id=alert_id
        ).exists():
            Alert.objects.filter(pk=alert_id, status=Alert.Status.SENDING).update(
                status=Alert.Status.SENT
            )
    return sum(len(ids) for (_c, status), ids in outcome.items() if status == SENT)


def acknowledge(delivery: Delivery) -> Delivery:
    """The recipient says they received the alert (no login: the signed link)."""
    if delivery.acknowledged_at is None:
        delivery.acknowledged_at = timezone.now()
        Delivery.objects.filter(pk=delivery.pk, acknowledged_at__isnull=True).update(
            acknowledged_at=delivery.acknowledged_at
        )
    return delivery
