from datetime import date, timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from alianza.contracts.actions import send_expiry_reminders
from alianza.contracts.selectors import agreements_to_remind
from alianza.councils.actions import new_calendar_secret


def test_the_feed_lists_the_expiries_the_person_may_see(
    client, world, hayden, section65
):
    secret = new_calendar_secret(world["usw_officer"])
    feed = client.get(reverse("contracts:calendar", args=[secret])).content.decode()
    assert "ASARCO – Local 915" in feed and "DTSTART:20180630T120000Z" in feed
    assert "Sección 65" not in feed
    assert client.get(reverse("contracts:calendar", args=["nope"])).status_code == 404


def test_reminders_go_once_to_the_unions_staff(world, section65):
    assert agreements_to_remind(date(2026, 9, 1)) == []
    assert agreements_to_remind(date(2026, 9, 20)) == [section65]  # 116 days before
    sent = send_expiry_reminders(date(2026, 9, 20))
    assert sent == 1  # Los Mineros' one staff member with an account
    assert send_expiry_reminders(date(2026, 9, 21)) == 0


def test_the_command(world, section65):
    """Run daily: one reminder to the union's staff when the agreement enters its
    reminder period, none the next day, none for an agreement far from expiry."""
    today = timezone.localdate()
    section65.expires_on = today + timedelta(days=400)
    section65.save(update_fields=["expires_on"])
    out = StringIO()
    call_command("send_expiry_reminders", stdout=out)
    assert mail.outbox == []
    assert "0 reminder(s) queued." in out.getvalue()

    section65.expires_on = today + timedelta(days=30)
    section65.save(update_fields=["expires_on"])
    call_command("send_expiry_reminders", stdout=out)
    assert len(mail.outbox) == 1  # Los Mineros' one staff member with an account
    assert mail.outbox[0].to == [world["mineros_staff"].email]
    assert "Contrato colectivo Sección 65" in mail.outbox[0].subject
    assert "1 reminder(s) queued." in out.getvalue()

    call_command("send_expiry_reminders", stdout=out)
    assert len(mail.outbox) == 1  # once per expiry date


def test_the_expiry_page(client, world, section65):
    client.force_login(world["mineros_officer"])
    page = client.get(reverse("contracts:expiries")).content.decode()
    assert "Contrato colectivo Sección 65" in page
    page = client.post(reverse("contracts:expiries")).content.decode()
    assert "/contracts/expiries/" in page and ".ics" in page
