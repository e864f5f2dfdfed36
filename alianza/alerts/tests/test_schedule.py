"""Scheduled alerts: the time is typed on a named zone's clock and kept in UTC; the
alert waits, may be cancelled or moved, and goes when it is due, once."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from alianza.alerts import actions
from alianza.alerts.models import Alert
from alianza.audit.models import AuditEntry
from alianza.lib import sms
from alianza.orgs.models import ContactChannel, Membership, Person


@pytest.fixture
def alert(world):
    phone = Person.objects.create(name="Pedro", country="MX", preferred_language="es")
    ContactChannel.objects.create(person=phone, kind="phone", value="+52 645 123 4567")
    Membership.objects.create(
        person=phone, organisation=world.mineros, role="member", unit=world.section65
    )
    return actions.draft_alert(
        world["mineros_officer"], world.mineros, title="Mitin",
        body="Todos al mitin.", language="es", units=[world.section65],
    )  # fmt: skip


def _schedule_page(client, user, alert, wall: str, zone: str):
    client.force_login(user)
    return client.post(
        reverse("alerts:schedule", args=[alert.pk]),
        {"send_at": wall, "time_zone": zone},
    )


@pytest.mark.parametrize(
    ("wall", "utc"),
    [
        # Central Mexico keeps UTC−6 all year since its summer time ended (2022):
        # 09:30 on the clock of Mexico City is 15:30 UTC in January and in July.
        ("2031-01-15T09:30", datetime(2031, 1, 15, 15, 30, tzinfo=UTC)),
        ("2031-07-15T09:30", datetime(2031, 7, 15, 15, 30, tzinfo=UTC)),
        # Late in the evening there, it is the next day in UTC.
        ("2031-12-31T23:15", datetime(2032, 1, 1, 5, 15, tzinfo=UTC)),
    ],
)
def test_a_time_typed_in_mexico_city_is_kept_in_utc(client, world, alert, wall, utc):
    answer = _schedule_page(
        client, world["mineros_officer"], alert, wall, "America/Mexico_City"
    )
    assert answer.status_code == 302
    alert.refresh_from_db()
    assert alert.is_scheduled
    assert alert.scheduled_for == utc
    assert alert.scheduled_zone == "America/Mexico_City"
    assert alert.scheduled_by == world["mineros_officer"]
    entry = AuditEntry.objects.get(action="alerts.scheduled")
    assert entry.data["at"] == utc.isoformat() and entry.data["moved"] is False


def test_the_page_names_the_zone_of_the_scheduled_time(client, world, alert):
    world["mineros_officer"].language = "en"
    world["mineros_officer"].save()
    _schedule_page(
        client, world["mineros_officer"], alert, "2031-01-15T09:30",
        "America/Mexico_City",
    )  # fmt: skip
    page = client.get(alert.get_absolute_url()).content.decode()
    assert 'id="scheduled"' in page
    assert "Mexico City" in page and "9:30" in page


def test_a_past_or_imminent_time_and_other_people_are_refused(world, alert):
    soon = timezone.now() + timedelta(seconds=30)
    with pytest.raises(ValidationError):
        actions.schedule_alert(world["mineros_officer"], alert, send_at=soon)
    later = timezone.now() + timedelta(days=1)
    for name in ("usw_staff", "usw_officer", "member", "outsider"):
        with pytest.raises(PermissionDenied):
            actions.schedule_alert(world[name], alert, send_at=later)
    actions.schedule_alert(world["mineros_officer"], alert, send_at=later)
    with pytest.raises(PermissionDenied):
        actions.cancel_schedule(world["usw_staff"], alert)


def test_cancel_and_move_until_it_goes(world, alert):
    officer = world["mineros_officer"]
    at = timezone.now() + timedelta(hours=2)
    actions.schedule_alert(officer, alert, send_at=at, time_zone="America/Mexico_City")
    later = at + timedelta(hours=1)
    actions.schedule_alert(officer, alert, send_at=later, time_zone="UTC")
    alert.refresh_from_db()
    assert alert.scheduled_for == later
    assert (
        AuditEntry.objects.filter(action="alerts.scheduled")
        .order_by("id")
        .last()
        .data["moved"]
    )
    # At the first time nothing goes: it was moved.
    assert actions.send_due_alerts(now=at + timedelta(minutes=1)) == []
    actions.cancel_schedule(officer, alert)
    alert.refresh_from_db()
    assert alert.is_draft and alert.scheduled_for is None
    assert actions.send_due_alerts(now=later + timedelta(minutes=1)) == []
    assert not alert.deliveries.exists()
    assert AuditEntry.objects.filter(action="alerts.schedule_cancelled").exists()
    with pytest.raises(ValidationError):
        actions.cancel_schedule(officer, alert)


def test_it_goes_at_its_time_and_once(world, alert):
    sms.outbox.clear()
    at = timezone.now() + timedelta(hours=1)
    actions.schedule_alert(world["mineros_officer"], alert, send_at=at)
    assert actions.send_due_alerts(now=at - timedelta(seconds=1)) == []
    assert not alert.deliveries.exists()
    assert actions.send_due_alerts(now=at) == [alert.pk]
    alert.refresh_from_db()
    assert alert.is_sent and alert.sent_by == world["mineros_officer"]
    assert [m.to for m in sms.outbox] == ["+526451234567"]
    # The task queued for that time and the command both run: sent once.
    assert actions.send_scheduled_alert(alert.pk, now=at) is False
    assert actions.send_due_alerts(now=at + timedelta(minutes=5)) == []
    assert len(sms.outbox) == 1
    assert AuditEntry.objects.get(action="alerts.sent").data["scheduled"] is True


def test_the_database_backend_queues_it_to_run_at_its_time(
    world, alert, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    at = (timezone.now() + timedelta(hours=3)).replace(microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        actions.schedule_alert(world["mineros_officer"], alert, send_at=at)
    queued = DBTaskResult.objects.filter(task_path__endswith="send_scheduled")
    assert [(r.run_after, r.args_kwargs["args"]) for r in queued] == [(at, [alert.pk])]


def test_a_sender_who_no_longer_leads_sends_nothing(world, alert):
    at = timezone.now() + timedelta(hours=1)
    actions.schedule_alert(world["mineros_officer"], alert, send_at=at)
    Membership.objects.filter(person=world["mineros_officer"].person).update(
        ended_on=timezone.localdate()
    )
    from django.core.cache import cache

    cache.clear()
    assert actions.send_due_alerts(now=at) == []
    alert.refresh_from_db()
    assert alert.is_draft and not alert.deliveries.exists()
    entry = AuditEntry.objects.filter(action="alerts.schedule_cancelled").latest("id")
    assert entry.data["reason"]


def test_a_backend_that_cannot_wait_queues_nothing(
    world, alert, django_capture_on_commit_callbacks
):
    """The immediate backend (development, tests) refuses ``run_after``: nothing is
    queued, and ``send_due_alerts`` sends it at its time."""
    at = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        actions.schedule_alert(world["mineros_officer"], alert, send_at=at)
    assert len(callbacks) == 1
    alert.refresh_from_db()
    assert alert.is_scheduled and not alert.deliveries.exists()
    assert actions.send_due_alerts(now=at) == [alert.pk]


def test_the_command_sends_what_is_due(world, alert):
    from io import StringIO

    from django.core.management import call_command

    actions.schedule_alert(
        world["mineros_officer"], alert, send_at=timezone.now() + timedelta(hours=1)
    )
    Alert.objects.filter(pk=alert.pk).update(
        scheduled_for=timezone.now() - timedelta(seconds=1)
    )
    out = StringIO()
    call_command("send_due_alerts", stdout=out)
    assert out.getvalue().startswith("1 ")
    alert.refresh_from_db()
    assert alert.is_sent
