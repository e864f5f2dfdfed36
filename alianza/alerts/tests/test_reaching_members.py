"""Alerts that tell the truth, and text messages both ways: who can be reached,
each recipient's state, replies through the gateway's signed webhook, receipts,
quiet hours, and the member's own inbox."""

import json
import threading
from datetime import time, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from alianza.alerts import actions, selectors
from alianza.alerts.models import Alert, Delivery, Reach, Reply
from alianza.audit.models import AuditEntry
from alianza.lib import sms
from alianza.orgs.models import ContactChannel, Membership, Person

TOKEN = "gateway-secret"


@pytest.fixture
def gateway(settings):
    settings.SMS_AUTH_TOKEN = TOKEN
    settings.SITE_URL = "https://alianza.example.org"
    sms.outbox.clear()
    return settings


@pytest.fixture
def people(world):
    """Section 65: one with a phone only, one with no address at all, one who
    stopped text messages."""
    phone_only = Person.objects.create(
        name="Pedro Teléfono", country="MX", preferred_language="es"
    )
    ContactChannel.objects.create(
        person=phone_only, kind="phone", value="+52 645 123 4567"
    )
    nobody = Person.objects.create(
        name="Nadia Sin Datos", country="MX", preferred_language="es"
    )
    stopped = Person.objects.create(
        name="Sara Alto", country="MX", preferred_language="es"
    )
    ContactChannel.objects.create(person=stopped, kind="phone", value="+526451110000")
    Reach.objects.create(person=stopped, no_sms=True)
    for person in (phone_only, nobody, stopped):
        Membership.objects.create(
            person=person, organisation=world.mineros, role="member",
            unit=world.section65,
        )  # fmt: skip
    return phone_only, nobody, stopped


@pytest.fixture
def alert(world):
    return actions.draft_alert(
        world["mineros_staff"], world.mineros, title="Mitin en Cananea",
        body="Todos al mitin el sábado.", language="es", units=[world.section65],
    )  # fmt: skip


def _post_signed(client, name, params, token=TOKEN):
    url = "https://alianza.example.org" + reverse(name)
    signature = sms.signature(url, params, token)
    return client.post(reverse(name), params, HTTP_X_TWILIO_SIGNATURE=signature)


def test_the_login_address_is_a_channel_unless_she_says_otherwise(world, alert):
    member = world["member"].person
    # A member who signs in but whose record holds no channel.
    ContactChannel.objects.filter(person=member).delete()
    channels = selectors.channels_of([member.pk])[member.pk]
    assert channels.email == "member@mineros.test" and channels.email_usable
    Reach.objects.create(person=member, login_email=False)
    assert not selectors.channels_of([member.pk])[member.pk].reachable
    report = selectors.reach_report(alert, world["mineros_staff"])
    assert member in report.no_channel


def test_before_sending_the_sender_sees_who_cannot_be_reached(
    client, world, people, alert
):
    phone_only, nobody, stopped = people
    report = selectors.reach_report(alert, world["mineros_staff"])
    # Section 65: the officer and the member (login addresses) and the three above.
    assert report.recipients == 5
    assert (report.by_email, report.by_sms) == (2, 1)
    assert report.no_channel == [nobody] and report.opted_out == [stopped]
    client.force_login(world["mineros_staff"])
    page = client.get(alert.get_absolute_url()).content.decode()
    assert "No se puede contactar a 2 personas" in page or "2 people cannot" in page
    assert "Nadia Sin Datos" in page and "Sara Alto" in page


def test_each_recipient_is_counted_once_by_state(world, people, alert, gateway):
    """Oracle: 5 recipients — officer and member by e-mail (sent), Pedro by text
    (sent), Nadia (no address), Sara (stopped) — then Pedro acknowledges and the
    member's e-mail bounces."""
    phone_only, nobody, stopped = people
    actions.send_alert(world["mineros_staff"], alert)
    progress = selectors.progress(alert)
    assert (progress.recipients, progress.sent, progress.unreachable) == (5, 3, 2)
    assert progress.reached_percent == 60 and progress.done_percent == 100
    pedro = Delivery.objects.get(alert=alert, person=phone_only)
    assert pedro.sms_id.startswith("SM")
    actions.acknowledge(pedro, how="sms")
    Delivery.objects.filter(alert=alert, person=world["member"].person).update(
        email_status=Delivery.Status.BOUNCED
    )
    progress = selectors.progress(alert)
    states = {label: n for label, n, _pct in progress.rows}
    with translation.override("en"):
        assert (progress.acknowledged, progress.sent, progress.bounced) == (1, 1, 1)
        assert progress.unreachable == 2 and sum(states.values()) == 5
        assert progress.reached_percent == 40 and progress.acknowledged_percent == 20
    assert Delivery.objects.get(alert=alert, person=stopped).sms_status == "optedout"


def test_a_reply_si_acknowledges_and_alto_stops_at_once(
    client, world, people, alert, gateway
):
    phone_only = people[0]
    actions.send_alert(world["mineros_staff"], alert)
    delivery = Delivery.objects.get(alert=alert, person=phone_only)
    answer = _post_signed(
        client, "alerts:sms_inbound",
        {"From": "+526451234567", "Body": " Sí! ", "MessageSid": "SM1"},
    )  # fmt: skip
    assert answer.status_code == 200 and answer["Content-Type"] == "text/xml"
    delivery.refresh_from_db()
    assert delivery.acknowledged_by == "sms" and delivery.acknowledged_at
    # The same message delivered twice by the gateway is kept once.
    _post_signed(
        client, "alerts:sms_inbound",
        {"From": "+526451234567", "Body": " Sí! ", "MessageSid": "SM1"},
    )  # fmt: skip
    assert Reply.objects.filter(provider_id="SM1").count() == 1
    _post_signed(
        client, "alerts:sms_inbound",
        {"From": "+526451234567", "Body": "ALTO", "MessageSid": "SM2"},
    )  # fmt: skip
    assert Reach.objects.get(person=phone_only).no_sms
    second = actions.draft_alert(
        world["mineros_staff"], world.mineros, title="Otra", body="Otra vez.",
        language="es", units=[world.section65],
    )  # fmt: skip
    sms.outbox.clear()
    actions.send_alert(world["mineros_staff"], second)
    assert sms.outbox == []
    assert Delivery.objects.get(alert=second, person=phone_only).sms_status == (
        "optedout"
    )
    entries = AuditEntry.objects.filter(action="alerts.reply_received")
    assert sorted(e.data["kind"] for e in entries) == ["ack", "stop"]
    assert {e.organisation for e in entries} == {world.mineros}


def test_other_words_reach_the_inbox_of_the_union_that_sent_it(
    client, world, people, alert, gateway
):
    actions.send_alert(world["mineros_staff"], alert)
    _post_signed(
        client, "alerts:sms_inbound",
        {"From": "+526451234567", "Body": "¿A qué hora?", "MessageSid": "SM3"},
    )  # fmt: skip
    reply = Reply.objects.get(provider_id="SM3")
    assert reply.kind == Reply.Kind.MESSAGE and reply.person == people[0]
    client.force_login(world["mineros_officer"])
    assert "¿A qué hora?" in client.get(reverse("alerts:replies")).content.decode()
    assert "¿A qué hora?" in client.get(alert.get_absolute_url()).content.decode()
    # The other union's leaders never see it.
    client.force_login(world["usw_staff"])
    assert "¿A qué hora?" not in client.get(reverse("alerts:replies")).content.decode()
    assert client.get(alert.get_absolute_url()).status_code == 404


def test_an_unsigned_or_forged_webhook_changes_nothing(
    client, world, people, alert, gateway
):
    actions.send_alert(world["mineros_staff"], alert)
    params = {"From": "+526451234567", "Body": "STOP", "MessageSid": "SM4"}
    assert client.post(reverse("alerts:sms_inbound"), params).status_code == 403
    assert (
        _post_signed(client, "alerts:sms_inbound", params, token="guess").status_code
        == 403
    )
    gateway.SMS_AUTH_TOKEN = ""  # no gateway configured: nothing is accepted
    assert _post_signed(client, "alerts:sms_inbound", params).status_code == 403
    assert (
        not Reply.objects.exists()
        and not Reach.objects.filter(person=people[0]).exists()
    )


def test_receipts_move_the_recipient_state(client, world, people, alert, gateway):
    actions.send_alert(world["mineros_staff"], alert)
    pedro = Delivery.objects.get(alert=alert, person=people[0])
    _post_signed(client, "alerts:sms_status",
                 {"MessageSid": pedro.sms_id, "MessageStatus": "delivered"})  # fmt: skip
    pedro.refresh_from_db()
    assert pedro.sms_status == "delivered" and pedro.state == "sent"
    # A late "sent" never undoes "delivered"; "undelivered" is a bounce.
    _post_signed(client, "alerts:sms_status",
                 {"MessageSid": pedro.sms_id, "MessageStatus": "sent"})  # fmt: skip
    pedro.refresh_from_db()
    assert pedro.sms_status == "delivered"
    _post_signed(client, "alerts:sms_status",
                 {"MessageSid": pedro.sms_id, "MessageStatus": "undelivered",
                  "ErrorCode": "30005"})  # fmt: skip
    pedro.refresh_from_db()
    assert pedro.state == "bounced" and pedro.error == "30005"


def test_quiet_hours_hold_text_messages_until_they_end(
    world, people, alert, gateway, monkeypatch
):
    phone_only = people[0]
    now = timezone.now().astimezone(timezone.get_default_timezone())
    start = (now - timedelta(hours=1)).time().replace(second=0, microsecond=0)
    end = (now + timedelta(hours=1)).time().replace(second=0, microsecond=0)
    Reach.objects.create(person=phone_only, quiet_from=start, quiet_until=end)
    later = []
    from alianza.alerts import tasks

    class Deferred:
        """A chunk put off to a later time, on a backend that can wait."""

        def __init__(self, run_after):
            self.run_after = run_after

        def get_backend(self):
            return type("Waits", (), {"supports_defer": True})()

        def enqueue(self, *args):
            later.append(self.run_after)

    class Chunks:
        """The task: run now when enqueued, or put off with ``using``."""

        def enqueue(self, *args):
            return actions.deliver(*args)

        def get_backend(self):
            return type("Waits", (), {"supports_defer": True})()

        def using(self, run_after):
            return Deferred(run_after)

    monkeypatch.setattr(tasks, "deliver_chunk", Chunks())
    actions.send_alert(world["mineros_staff"], alert)
    pedro = Delivery.objects.get(alert=alert, person=phone_only)
    assert pedro.sms_status == "queued" and sms.outbox == []
    assert later and later[0] > timezone.now()
    alert.refresh_from_db()
    assert alert.status == Alert.Status.SENDING  # it is not all sent until then


def test_the_gateway_backend_against_a_stand_in(settings):
    received = []

    class StandIn(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (the http.server name)
            length = int(self.headers["Content-Length"])
            received.append((self.path, parse_qs(self.rfile.read(length).decode()),
                             self.headers["Authorization"]))  # fmt: skip
            body = json.dumps({"sid": "SM42", "status": "queued"}).encode()
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), StandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.SMS_PROVIDER_URL = f"http://127.0.0.1:{server.server_port}"
    settings.SMS_ACCOUNT_SID, settings.SMS_AUTH_TOKEN = "AC1", "tok"
    settings.SMS_FROM = "+15005550006"
    try:
        backend = sms.ProviderBackend(timeout=5)
        assert sms.send_one(sms.SmsMessage("+526451234567", "Hola"), backend) == "SM42"
        path, form, auth = received[0]
        assert path == "/2010-04-01/Accounts/AC1/Messages.json"
        assert form["To"] == ["+526451234567"] and form["Body"] == ["Hola"]
        assert form["StatusCallback"][0].endswith("/sms/status/")
        assert auth.startswith("Basic ")
    finally:
        server.shutdown()
        server.server_close()
    # The gateway down: an error, which the alert records as a failed message.
    with pytest.raises(sms.SmsError):
        sms.send_one(sms.SmsMessage("+526451234567", "Hola"), backend)


def test_the_member_reads_and_acknowledges_her_alerts(client, world, alert):
    actions.send_alert(world["mineros_staff"], alert)
    client.force_login(world["member"])
    home = client.get(reverse("dashboard"))
    assert home.context["unanswered_alerts"] == 1
    assert "Mitin en Cananea" in home.content.decode()
    page = client.get(reverse("alerts:mine")).content.decode()
    assert "Mitin en Cananea" in page and "Todos al mitin" in page
    delivery = Delivery.objects.get(alert=alert, person=world["member"].person)
    client.post(reverse("alerts:my_acknowledge", args=[delivery.pk]))
    delivery.refresh_from_db()
    assert delivery.acknowledged_by == "inbox"
    # Another member's delivery does not exist for her.
    other = Delivery.objects.exclude(person=world["member"].person).first()
    answer = client.post(reverse("alerts:my_acknowledge", args=[other.pk]))
    assert answer.status_code == 404
    other.refresh_from_db()
    assert other.acknowledged_at is None


def test_she_says_how_alerts_reach_her(client, world):
    member = world["member"]
    client.force_login(member)
    answer = client.post(
        reverse("alerts:reach"),
        {"login_email": "on", "no_sms": "on", "quiet_from": "22:00"},
    )
    assert answer.status_code == 200
    assert "Indique ambos extremos" in answer.content.decode() or (
        "Give both ends" in answer.content.decode()
    )
    assert not Reach.objects.filter(person=member.person).exists()
    client.post(
        reverse("alerts:reach"),
        {"login_email": "on", "no_sms": "on", "quiet_from": "22:00",
         "quiet_until": "07:00"},
    )  # fmt: skip
    reach = Reach.objects.get(person=member.person)
    assert (
        reach.no_sms and reach.quiet_from == time(22) and reach.quiet_until == time(7)
    )
    assert AuditEntry.objects.filter(action="alerts.reach_changed").exists()
    with pytest.raises(Exception):  # noqa: B017 (the rule refuses another person)
        actions.set_reach(world["usw_member"], member.person, login_email=True,
                          no_email=True, no_sms=True)  # fmt: skip
    reach.refresh_from_db()
    assert not reach.no_email
    with pytest.raises(ValidationError):
        actions.set_reach(member, member.person, login_email=True, no_email=False,
                          no_sms=False, quiet_from=time(6), quiet_until=time(6))  # fmt: skip


def test_mail_is_untouched_by_text_settings(world, people, alert, gateway):
    mail.outbox.clear()
    actions.send_alert(world["mineros_staff"], alert)
    assert {m.to[0] for m in mail.outbox} == {
        "member@mineros.test",
        "officer@mineros.test",
    }


def test_each_language_is_previewed_before_sending(client, world, people, alert):
    from alianza.multilingual.actions import save_translation

    Person.objects.filter(pk=people[0].pk).update(preferred_language="en")
    previews = {
        p.language: p for p in selectors.previews(alert, world["mineros_staff"])
    }
    assert set(previews) == {"es", "en"}
    assert previews["en"].people == 1 and not previews["en"].message.translated
    save_translation(world["mineros_staff"], alert, "title", "en", "Rally in Cananea")
    save_translation(world["mineros_staff"], alert, "body", "en", "All to the rally.")
    alert = Alert.objects.get(pk=alert.pk)
    previews = {
        p.language: p for p in selectors.previews(alert, world["mineros_staff"])
    }
    assert previews["en"].message.translated
    assert previews["en"].text_message.startswith("Rally in Cananea: All to the rally.")
    assert previews["es"].segments.encoding == "UCS-2"  # "sábado": á is not GSM
    client.force_login(world["mineros_staff"])
    page = client.get(alert.get_absolute_url()).content.decode()
    assert 'id="preview-en"' in page and 'id="preview-es"' in page


def test_a_long_alert_is_texted_whole_words_with_a_link_to_the_rest(
    world, people, gateway
):
    body = " ".join(["Concentración en la puerta tres de la mina."] * 12)
    alert = actions.draft_alert(
        world["mineros_staff"], world.mineros, title="Paro", body=body,
        language="es", units=[world.section65],
    )  # fmt: skip
    actions.send_alert(world["mineros_staff"], alert)
    (text,) = [m for m in sms.outbox if m.to == "+526451234567"]
    assert sms.segments(text.body).parts <= 3
    words, link = text.body.rsplit(" ", 1)
    assert link.startswith("https://alianza.example.org/a/") and words.endswith("…")
    assert ("Paro: " + body).startswith(words.removesuffix("…"))


def test_the_phone_bank_list_is_the_leaders_and_audited(client, world, people, alert):
    actions.send_alert(world["mineros_staff"], alert)
    delivery = Delivery.objects.get(alert=alert, person=people[0])
    actions.acknowledge(delivery, how="link")
    client.force_login(world["mineros_officer"])
    answer = client.get(reverse("alerts:not_acknowledged", args=[alert.pk]))
    table = answer.content.decode("utf-8-sig")
    assert "Pedro Teléfono" not in table and "Nadia Sin Datos" in table
    assert (
        AuditEntry.objects.filter(action="alerts.unacknowledged_exported").count() == 1
    )
    client.force_login(world["usw_staff"])
    assert (
        client.get(reverse("alerts:not_acknowledged", args=[alert.pk])).status_code
        == 404
    )
    client.force_login(world["member"])
    assert (
        client.get(reverse("alerts:not_acknowledged", args=[alert.pk])).status_code
        == 404
    )
    assert (
        AuditEntry.objects.filter(action="alerts.unacknowledged_exported").count() == 1
    )
