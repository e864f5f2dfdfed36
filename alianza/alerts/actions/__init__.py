"""Rapid-response alerts: drafting, sending (the fan-out runs in background tasks,
in chunks any number of workers share) and acknowledging."""

import unicodedata
from datetime import datetime, timedelta
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
from alianza.lib.phones import normalise_phone
from alianza.lib.table_export import Column, Kind, Table
from alianza.lib.when import zone_of
from alianza.notifications.models import Mode
from alianza.orgs.models import Organisation, Person, Unit
from alianza.orgs.selectors import usual_zone_of

from ..models import Alert, AlertTemplate, Delivery, Reach, Reply
from ..selectors import (
    Message,
    ack_url,
    channels_of,
    compose,
    delivery_by_sms_id,
    last_text_to,
    recipients,
    sent_in_last_hour,
)

S = Delivery.Status
QUEUED, SENT, FAILED, NONE, OPTED_OUT = S.QUEUED, S.SENT, S.FAILED, S.NONE, S.OPTED_OUT


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
    channels: str = "both",
    template: AlertTemplate | None = None,
) -> Alert:
    require(actor, "alerts.add_alert", organisation)
    if channels not in AlertTemplate.Channels.values:
        raise ValidationError({"channels": _("Choose how the alert is sent.")})
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    if not title.strip() or not body.strip():
        raise ValidationError(_("Write a subject and a message."))
    if any(u.organisation_id != organisation.pk for u in units):
        raise ValidationError({"units": _("Choose units of your own union.")})
    alert = Alert.objects.create(
        organisation=organisation, title=title.strip()[:150], body=body.strip(),
        language=language, request=request, created_by=actor, channels=channels,
        audience={
            "units": sorted(u.pk for u in units),
            "councils": sorted(c.pk for c in councils),
            "countries": sorted(countries),
            "languages": sorted(languages),
        },
    )  # fmt: skip
    if template is not None:
        from .templates import translations_from_template

        translations_from_template(actor, template, alert)
    record("alerts.drafted", actor=actor, organisation=organisation, target=alert,
           data={"audience": alert.audience,
                 "template": template.pk if template else None})  # fmt: skip
    return alert


def _status(address: str, stopped: bool) -> str:
    if not address:
        return NONE
    return OPTED_OUT if stopped else QUEUED


def _phone_for_texts(value: str, country: str) -> str:
    """The number as the gateway writes it (+E.164), so that replies find it."""
    return normalise_phone(value, country) or value if value else ""


@transaction.atomic
def send_alert(actor: Any, alert: Alert) -> Alert:
    """Record one delivery per recipient and queue the fan-out in chunks."""
    require(actor, "alerts.change_alert", alert)
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status not in (Alert.Status.DRAFT, Alert.Status.SCHEDULED):
        raise ValidationError(_("This alert was already sent."))
    check_hourly_limit(actor)
    return fan_out(actor, alert)


def check_hourly_limit(actor: Any) -> None:
    limit = settings.ALERTS_PER_HOUR
    if sent_in_last_hour(actor) >= limit:
        raise ValidationError(
            _("You may send %(limit)s alerts an hour; wait before sending another.")
            % {"limit": limit}
        )


def fan_out(actor: Any, alert: Alert) -> Alert:
    """The sending itself, for a locked alert the actor may send: one delivery per
    recipient (on the alert's channels), then the chunks queued. Inside the
    caller's transaction."""
    from ..tasks import deliver_chunk

    people = list(
        recipients(alert, actor).values_list("pk", "preferred_language", "country")
    )
    if not people:
        raise ValidationError(_("Nobody matches this audience."))
    channels = channels_of([pk for pk, _lang, _country in people])
    by_email = alert.channels != "sms"
    by_sms = alert.channels != "email"
    Delivery.objects.bulk_create(
        [
            Delivery(
                alert=alert,
                person_id=pk,
                language=lang,
                email=channels[pk].email if by_email else "",
                phone=_phone_for_texts(channels[pk].phone, country) if by_sms else "",
                email_status=_status(
                    channels[pk].email if by_email else "", channels[pk].no_email
                ),
                sms_status=_status(
                    channels[pk].phone if by_sms else "", channels[pk].no_sms
                ),
            )  # fmt: skip
            for pk, lang, country in people
        ],
        batch_size=2000,
    )
    alert.status = Alert.Status.SENDING
    alert.sent_by = actor
    alert.sent_at = timezone.now()
    alert.recipients_count = len(people)
    alert.save(update_fields=["status", "sent_by", "sent_at", "recipients_count"])
    record("alerts.sent", actor=actor, organisation=alert.organisation, target=alert,
           data={"recipients": len(people), "audience": alert.audience,
                 "scheduled": alert.scheduled_for is not None})  # fmt: skip
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
        .values_list(
            "pk", "language", "email", "phone", "email_status", "sms_status",
            "person_id",
        )
    )  # fmt: skip
    if not rows:
        return 0
    messages: dict[str, Message] = {}
    outcome: dict[tuple[str, str], list[int]] = {}
    errors: dict[int, str] = {}
    sms_ids: dict[int, str] = {}
    # A "STOP" or a change of mind since the alert was sent is honoured now.
    reach = {r.person_id: r for r in Reach.objects.filter(
        person_id__in=[row[-1] for row in rows])}  # fmt: skip
    later: datetime | None = None
    now = timezone.now()
    connection = connection or get_connection()
    sms_backend = sms.get_backend()
    connection.open()
    try:
        for pk, language, email, phone, email_status, sms_status, person_id in rows:
            said = reach.get(person_id)
            if said is not None and said.no_email and email_status == QUEUED:
                outcome.setdefault(("email", OPTED_OUT), []).append(pk)
                email_status = OPTED_OUT
            if said is not None and said.no_sms and sms_status == QUEUED:
                outcome.setdefault(("sms", OPTED_OUT), []).append(pk)
                sms_status = OPTED_OUT
            if sms_status == QUEUED and said is not None:
                quiet_until = _end_of_quiet_hours(said, now)
                if quiet_until is not None:  # sent when her quiet hours end
                    later = min(later or quiet_until, quiet_until)
                    sms_status = NONE
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
                text = message.text_message(ack_url(pk))
                try:
                    sms_ids[pk] = sms.send_one(sms.SmsMessage(phone, text), sms_backend)
                    ok = True
                except Exception as exc:  # one number must not stop the rest
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
        for pk, sms_id in sms_ids.items():
            if sms_id:
                Delivery.objects.filter(pk=pk).update(sms_id=sms_id)
    if later is not None:
        from ..tasks import deliver_chunk

        # A backend that cannot wait (the immediate one of development) leaves
        # them queued rather than sending in the night; it refuses run_after, so
        # it is asked first.
        if deliver_chunk.get_backend().supports_defer:
            deliver_chunk.using(run_after=later).enqueue(alert_id, first_id, last_id)
    with transaction.atomic():
        if not Delivery.objects.filter(
            Q(email_status=QUEUED) | Q(sms_status=QUEUED), alert_id=alert_id
        ).exists():
            Alert.objects.filter(pk=alert_id, status=Alert.Status.SENDING).update(
                status=Alert.Status.SENT
            )
    return sum(len(ids) for (_c, status), ids in outcome.items() if status == SENT)


def end_of_quiet_hours(person: Person, now: datetime) -> datetime | None:
    """When the person's quiet hours end, if ``now`` falls in them; else None."""
    reach = Reach.objects.filter(person=person).select_related("person__user").first()
    return _end_of_quiet_hours(reach, now) if reach is not None else None


def _end_of_quiet_hours(reach: Reach, now: datetime) -> datetime | None:
    """When the person's quiet hours end, if ``now`` falls in them (in her zone)."""
    if reach.quiet_from is None or reach.quiet_until is None:
        return None
    person = reach.person
    user = getattr(person, "user", None)
    zone = zone_of((user.time_zone if user else "") or usual_zone_of(person))
    local = now.astimezone(zone)
    start, end = reach.quiet_from, reach.quiet_until
    clock = local.time()
    inside = start <= clock < end if start < end else (clock >= start or clock < end)
    if not inside:
        return None
    ends = local.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
    if ends <= local:
        ends += timedelta(days=1)
    return ends


def acknowledge(delivery: Delivery, how: str = "link") -> Delivery:
    """The recipient says they received the alert: by the signed link (no login),
    by a text-message reply, or from her inbox."""
    if delivery.acknowledged_at is None:
        delivery.acknowledged_at = timezone.now()
        delivery.acknowledged_by = how
        Delivery.objects.filter(pk=delivery.pk, acknowledged_at__isnull=True).update(
            acknowledged_at=delivery.acknowledged_at, acknowledged_by=how
        )
    return delivery


def acknowledge_in_inbox(actor: Any, delivery: Delivery) -> Delivery:
    require(actor, "alerts.acknowledge_delivery", delivery)
    return acknowledge(delivery, how="inbox")


@transaction.atomic
def set_reach(
    actor: Any,
    person: Person,
    *,
    login_email: bool,
    no_email: bool,
    no_sms: bool,
    quiet_from: Any = None,
    quiet_until: Any = None,
    email_notices: str | None = None,
    sms_notices: str | None = None,
) -> Reach:
    """The person says how alerts reach her, and how notifications do (at once, in
    a daily digest, or not at all, per channel; unchanged when not given)."""
    require(actor, "alerts.change_reach", person)
    if (quiet_from is None) != (quiet_until is None):
        raise ValidationError(_("Give both ends of your quiet hours, or neither."))
    if quiet_from is not None and quiet_from == quiet_until:
        raise ValidationError(
            _("Quiet hours must end at another time than they start.")
        )
    notices = {
        name: value
        for name, value in (
            ("email_notices", email_notices),
            ("sms_notices", sms_notices),
        )
        if value
    }
    if any(value not in Mode.values for value in notices.values()):
        raise ValidationError(_("Choose how notifications reach you."))
    reach, _created = Reach.objects.update_or_create(
        person=person,
        defaults={
            "login_email": login_email, "no_email": no_email, "no_sms": no_sms,
            "quiet_from": quiet_from, "quiet_until": quiet_until, **notices,
        },
    )  # fmt: skip
    record("alerts.reach_changed", actor=actor, target=person,
           data={"login_email": login_email, "no_email": no_email, "no_sms": no_sms,
                 "quiet_hours": bool(quiet_from), **notices})  # fmt: skip
    return reach


#: Replies that acknowledge an alert, and those that stop text messages, compared
#: without case, accents or punctuation.
YES_WORDS = {"si", "yes", "oui", "ok", "recibido", "received", "recu"}
STOP_WORDS = {"stop", "alto", "arret", "baja", "unsubscribe", "cancel"}


def _word(body: str) -> str:
    folded = unicodedata.normalize("NFKD", body.strip().casefold())
    letters = "".join(c for c in folded if c.isalnum())
    return letters


@transaction.atomic
def receive_sms(phone: str, body: str, provider_id: str) -> Reply:
    """A text message from a phone, through the gateway's signed webhook: "SÍ",
    "YES", "OUI" acknowledge the latest alert sent to that number; "STOP", "ALTO",
    "ARRÊT" stop text messages at once; anything else reaches the inbox of the
    alert's union. The same message received twice is kept once."""
    existing = Reply.objects.filter(provider_id=provider_id).first()
    if existing is not None:
        return existing
    number = normalise_phone(phone, "") or phone.strip()
    delivery = last_text_to(number)
    person = delivery.person if delivery else None
    word = _word(body)
    if word in STOP_WORDS:
        kind = Reply.Kind.STOPPED
    elif word in YES_WORDS and delivery is not None:
        kind = Reply.Kind.ACKNOWLEDGED
    else:
        kind = Reply.Kind.MESSAGE
    reply = Reply.objects.create(
        phone=number, body=body[:2000], kind=kind, provider_id=provider_id,
        person=person, delivery=delivery,
    )  # fmt: skip
    organisation = delivery.alert.organisation if delivery else None
    if kind == Reply.Kind.STOPPED and person is not None:
        Reach.objects.update_or_create(person=person, defaults={"no_sms": True})
        Delivery.objects.filter(person=person, sms_status=QUEUED).update(
            sms_status=OPTED_OUT
        )
    if kind == Reply.Kind.ACKNOWLEDGED and delivery is not None:
        acknowledge(delivery, how="sms")
    record("alerts.reply_received", organisation=organisation, target=reply,
           data={"kind": kind, "alert": delivery.alert_id if delivery else None})  # fmt: skip
    return reply


_RECEIPTS = {
    "sent": S.SENT,
    "delivered": S.DELIVERED,
    "undelivered": S.BOUNCED,
    "failed": S.FAILED,
}


def sms_receipt(sms_id: str, status: str, error: str = "") -> Delivery | None:
    """The gateway's receipt for a text message: the recipient's state follows it
    (a receipt never undoes an acknowledgement; a late "sent" never undoes
    "delivered")."""
    delivery = delivery_by_sms_id(sms_id)
    new = _RECEIPTS.get(status.lower())
    if delivery is None or new is None:
        return delivery
    if delivery.sms_status == S.DELIVERED and new == S.SENT:
        return delivery
    delivery.sms_status = new
    if error:
        delivery.error = error[:300]
    delivery.save(update_fields=["sms_status", "error"])
    return delivery


def export_not_acknowledged(actor: Any, alert: Alert) -> Table:
    """The recipients who have not acknowledged, for a phone bank. Audited: it
    moves personal data."""
    from ..selectors import not_acknowledged

    require(actor, "alerts.change_alert", alert)
    table = Table(
        name=f"alert-{alert.pk}-not-acknowledged",
        columns=[
            Column(_("Name"), width=30), Column(_("Phone"), Kind.PHONE),
            Column(_("E-mail"), width=30), Column(_("Language"), width=10),
            Column(_("State"), width=20),
        ],
    )  # fmt: skip
    for delivery in not_acknowledged(alert):
        table.rows.append([
            delivery.person.name, delivery.phone, delivery.email, delivery.language,
            delivery.get_state_display(),
        ])  # fmt: skip
    record("alerts.unacknowledged_exported", actor=actor,
           organisation=alert.organisation, target=alert,
           data={"rows": len(table.rows)})  # fmt: skip
    return table


from .scheduling import (  # noqa: E402  (they build on the sending above)
    cancel_schedule,
    schedule_alert,
    send_due_alerts,
    send_scheduled_alert,
)
from .templates import (  # noqa: E402
    delete_template,
    save_as_template,
    translations_from_template,
)

__all__ = [
    "acknowledge", "acknowledge_in_inbox", "cancel_schedule",
    "check_hourly_limit", "delete_template", "deliver", "draft_alert",
    "export_not_acknowledged", "fan_out", "receive_sms", "save_as_template",
    "schedule_alert", "send_alert", "send_due_alerts", "send_scheduled_alert",
    "set_reach", "sms_receipt", "translations_from_template",
]  # fmt: skip
