"""Alerts that wait for their time: the sender picks it (on a named zone's clock;
kept in UTC), may cancel or move it until then, and the task workers send it.

With the database task backend (``django_tasks_db``) the sending task is queued
with ``run_after`` the chosen time and a worker runs it then. A backend that cannot
wait (the immediate one) queues nothing: ``alianza send_due_alerts``, run every
minute, sends what is due. Both may run: an alert is sent once (its row is locked
and must still be scheduled and due)."""

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.lib.when import is_zone

from ..models import Alert
from ..selectors import recipients
from . import check_hourly_limit, fan_out

#: The earliest a scheduled alert may go, from now: sooner, send it now.
LEAD_TIME = timedelta(minutes=2)


def _enqueue(alert_id: int, when: datetime) -> None:
    from ..tasks import send_scheduled

    # Asked of the task's backend first: one that cannot wait refuses run_after.
    if send_scheduled.get_backend().supports_defer:
        send_scheduled.using(run_after=when).enqueue(alert_id)


@transaction.atomic
def schedule_alert(
    actor: Any, alert: Alert, *, send_at: datetime, time_zone: str = ""
) -> Alert:
    """Schedule a draft (or move a scheduled alert) to ``send_at``, an aware time
    that the sender typed on ``time_zone``'s clock."""
    require(actor, "alerts.change_alert", alert)
    alert = (
        Alert.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=alert.pk)
    )
    if not (alert.is_draft or alert.is_scheduled):
        raise ValidationError(_("This alert was already sent."))
    if timezone.is_naive(send_at):
        raise ValidationError({"send_at": _("Say when, with its time zone.")})
    if time_zone and not is_zone(time_zone):
        raise ValidationError({"time_zone": _("Choose a time zone.")})
    if send_at < timezone.now() + LEAD_TIME:
        raise ValidationError(
            {
                "send_at": _(
                    "Choose a time at least two minutes from now, or send it now."
                )
            }
        )
    if not recipients(alert, actor).exists():
        raise ValidationError(_("Nobody matches this audience."))
    check_hourly_limit(actor)
    moved = alert.is_scheduled
    alert.status = Alert.Status.SCHEDULED
    alert.scheduled_for, alert.scheduled_zone = send_at, time_zone
    alert.scheduled_by = actor
    alert.save(
        update_fields=["status", "scheduled_for", "scheduled_zone", "scheduled_by"]
    )
    record("alerts.scheduled", actor=actor, organisation=alert.organisation,
           target=alert, data={"at": send_at.isoformat(), "zone": time_zone,
                               "moved": moved})  # fmt: skip
    transaction.on_commit(lambda: _enqueue(alert.pk, send_at))
    return alert


@transaction.atomic
def cancel_schedule(actor: Any, alert: Alert) -> Alert:
    """Back to a draft: nothing goes at the scheduled time."""
    require(actor, "alerts.change_alert", alert)
    alert = (
        Alert.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=alert.pk)
    )
    if not alert.is_scheduled:
        raise ValidationError(_("This alert is not scheduled."))
    was = alert.scheduled_for
    alert.status = Alert.Status.DRAFT
    alert.scheduled_for, alert.scheduled_zone, alert.scheduled_by = None, "", None
    alert.save(
        update_fields=["status", "scheduled_for", "scheduled_zone", "scheduled_by"]
    )
    record("alerts.schedule_cancelled", actor=actor, organisation=alert.organisation,
           target=alert, data={"was": was.isoformat() if was else None})  # fmt: skip
    return alert


def send_scheduled_alert(alert_id: int, now: datetime | None = None) -> bool:
    """Send a scheduled alert if it is due (the task and the command call this).
    False when it was cancelled, moved later or already sent. If the person who
    scheduled it may no longer send it, it goes back to a draft, recorded."""
    now = now or timezone.now()
    with transaction.atomic():
        alert = (
            Alert.objects.select_for_update(of=("self",))
            .select_related("organisation", "scheduled_by")
            .filter(pk=alert_id)
            .first()
        )
        if alert is None or not alert.is_scheduled or alert.scheduled_for is None:
            return False
        if alert.scheduled_for > now:
            return False
        sender = alert.scheduled_by
        try:
            with transaction.atomic():
                require(sender, "alerts.change_alert", alert)
                fan_out(sender, alert)
                return True
        except (PermissionDenied, ValidationError) as refusal:
            reason = " ".join(getattr(refusal, "messages", [str(refusal)]))
        alert.status = Alert.Status.DRAFT
        alert.save(update_fields=["status"])
        record("alerts.schedule_cancelled", actor=None,
               organisation=alert.organisation, target=alert,
               data={"was": alert.scheduled_for.isoformat(), "reason": reason})  # fmt: skip
        return False


def send_due_alerts(now: datetime | None = None) -> list[int]:
    """Every scheduled alert whose time has come, sent: the ids sent."""
    now = now or timezone.now()
    due = Alert.objects.filter(
        status=Alert.Status.SCHEDULED, scheduled_for__lte=now
    ).values_list("pk", flat=True)
    return [pk for pk in list(due) if send_scheduled_alert(pk, now)]
