"""Telling people what waits for them: ``notify`` records one notification per
person, rendered in her language, and sends it by the channels she chose, at once
or in the daily digest (``send_digests``). Text messages respect her quiet hours.

An action calls ``notify`` in one line; the notifications are made once the
action's transaction commits, so an action that fails tells nobody."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from alianza.lib import sms

from . import messages
from .ground import hooks
from .models import Mode, Notification

State = Notification.State


def language_of(person: Any) -> str:
    """The language she reads Alianza in: her account's, else the one she prefers."""
    user = getattr(person, "user", None)
    chosen = (getattr(user, "language", "") if user else "") or getattr(
        person, "preferred_language", ""
    )
    base = (chosen or "").split("-")[0]
    return base if base in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _state(address: str, mode: str) -> str:
    if not address or mode == Mode.OFF:
        return State.NONE
    return State.DIGEST if mode == Mode.DIGEST else State.QUEUED


def notify(
    people: Iterable[Any],
    kind: str,
    context: dict[str, Any],
    path: str,
    *,
    by: Any = None,
) -> None:
    """Once the current transaction commits, tell each person (an ``orgs.Person``;
    the one who acted, ``by``, is not told of her own act) about an event of
    ``kind``, with a link to ``path``."""
    transaction.on_commit(lambda: record_and_send(people, kind, context, path, by=by))


def record_and_send(
    people: Iterable[Any],
    kind: str,
    context: dict[str, Any],
    path: str,
    *,
    by: Any = None,
) -> list[Notification]:
    if isinstance(people, QuerySet):
        people = people.select_related("user")
    found: dict[int, Any] = {}
    for person in people:
        if person is None or (by is not None and person.user_id == by.pk):
            continue
        found.setdefault(person.pk, person)
    if not found:
        return []
    addresses = hooks.addresses(list(found))
    rendered: dict[str, tuple[str, str]] = {}
    made = []
    for pk, person in found.items():
        language = language_of(person)
        if language not in rendered:
            rendered[language] = messages.render(kind, context, language)
        subject, body = rendered[language]
        address = addresses[pk]
        email_state = _state(address.email, address.email_mode)
        sms_state = _state(address.phone, address.sms_mode)
        made.append(
            Notification(
                recipient=person,
                kind=kind,
                path=path,
                language=language,
                subject=subject,
                body=body,
                channel="+".join(
                    name
                    for name, state in (("email", email_state), ("sms", sms_state))
                    if state
                ),
                email_state=email_state,
                sms_state=sms_state,
                email=address.email if email_state else "",
                phone=address.phone if sms_state else "",
            )  # fmt: skip
        )
    Notification.objects.bulk_create(made)
    now = [n.pk for n in made if State.QUEUED in (n.email_state, n.sms_state)]
    if now:
        from .tasks import deliver_notifications

        deliver_notifications.enqueue(now)
    return made


def _send_email(connection: Any, to: str, subject: str, body: str) -> bool:
    mail = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    try:
        return connection.send_messages([mail]) == 1
    except Exception:  # one address must not stop the rest
        return False


def _send_text(backend: Any, to: str, text: str) -> bool:
    try:
        sms.send_one(sms.SmsMessage(to, text), backend)
    except Exception:  # one number must not stop the rest
        return False
    return True


def deliver(ids: list[int], now: datetime | None = None) -> int:
    """Send the notifications waiting to go at once. A text message that falls in
    the recipient's quiet hours waits until they end. Returns how many were sent."""
    now = now or timezone.now()
    rows = list(
        Notification.objects.filter(pk__in=ids).select_related("recipient__user")
    )
    connection = get_connection()
    backend = sms.get_backend()
    sent = 0
    later: datetime | None = None
    for n in rows:
        changed = []
        if n.email_state == State.QUEUED:
            ok = _send_email(connection, n.email, n.subject, f"{n.body}\n\n{n.link}")
            n.email_state = State.SENT if ok else State.FAILED
            changed.append("email_state")
            sent += ok
        if n.sms_state == State.QUEUED:
            quiet = hooks.end_of_quiet_hours(n.recipient, now)
            if quiet is not None:
                later = min(later or quiet, quiet)
            else:
                text = sms.fit(n.subject, n.link, settings.SMS_MAX_PARTS)
                ok = _send_text(backend, n.phone, text)
                n.sms_state = State.SENT if ok else State.FAILED
                changed.append("sms_state")
                sent += ok
        if changed:
            n.sent_at = n.sent_at or timezone.now()
            n.save(update_fields=[*changed, "sent_at"])
    if later is not None:
        from .tasks import deliver_notifications

        deferred = deliver_notifications.using(run_after=later)
        # A backend that cannot wait leaves them queued for the next digest run
        # rather than sending in the night.
        if deferred.get_backend().supports_defer:
            deferred.enqueue(ids)
    return sent


def send_digests(now: datetime | None = None) -> int:
    """One e-mail (and one text message) per person gathering the notifications
    that wait for her digest; text messages left queued by quiet hours go too once
    they are over. Returns the number of people written to."""
    now = now or timezone.now()
    waiting = (
        (
            Notification.objects.filter(email_state=State.DIGEST)
            | Notification.objects.filter(sms_state__in=[State.DIGEST, State.QUEUED])
        )
        .select_related("recipient__user")
        .order_by("recipient_id", "created_at", "pk")
    )
    by_person: dict[int, list[Notification]] = {}
    for n in waiting:
        by_person.setdefault(n.recipient_id, []).append(n)
    connection = get_connection()
    backend = sms.get_backend()
    queue_link = absolute(reverse("queue"))
    settings_link = absolute(reverse("alerts:reach"))
    written = 0
    for rows in by_person.values():
        person = rows[0].recipient
        language = language_of(person)
        by_email = [n for n in rows if n.email_state == State.DIGEST]
        by_text = [n for n in rows if n.sms_state in (State.DIGEST, State.QUEUED)]
        stamp = timezone.now()
        reached = False
        if by_email:
            subject, body = messages.digest(
                language, [(n.subject, n.link) for n in by_email], queue_link,
                settings_link,
            )  # fmt: skip
            ok = _send_email(connection, by_email[-1].email, subject, body)
            Notification.objects.filter(pk__in=[n.pk for n in by_email]).update(
                email_state=State.SENT if ok else State.FAILED, sent_at=stamp
            )
            reached = reached or ok
        if by_text and hooks.end_of_quiet_hours(person, now) is None:
            if len(by_text) == 1:
                one = by_text[0]
                text = sms.fit(one.subject, one.link, settings.SMS_MAX_PARTS)
            else:
                text = sms.fit(
                    messages.digest_text(language, len(by_text)), queue_link,
                    settings.SMS_MAX_PARTS,
                )  # fmt: skip
            ok = _send_text(backend, by_text[-1].phone, text)
            Notification.objects.filter(pk__in=[n.pk for n in by_text]).update(
                sms_state=State.SENT if ok else State.FAILED, sent_at=stamp
            )
            reached = reached or ok
        written += reached
    return written
