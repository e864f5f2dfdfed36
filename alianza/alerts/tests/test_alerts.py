import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.alerts import actions, selectors
from alianza.alerts.models import Alert, Delivery
from alianza.audit.models import AuditEntry
from alianza.lib import sms
from alianza.multilingual.actions import save_translation
from alianza.orgs.models import ContactChannel, Membership, Person


@pytest.fixture
def members(world):
    """Two more members of Los Mineros' Section 65: one reads English, one has only
    a phone."""
    english = Person.objects.create(
        name="Ana English", country="US", preferred_language="en"
    )
    ContactChannel.objects.create(
        person=english, kind="email", value="ana@example.test"
    )
    phone_only = Person.objects.create(
        name="Pedro Teléfono", country="MX", preferred_language="es"
    )
    ContactChannel.objects.create(
        person=phone_only, kind="phone", value="+52 645 123 4567"
    )
    for person in (english, phone_only):
        Membership.objects.create(
            person=person,
            organisation=world.mineros,
            role="member",
            unit=world.section65,
        )
    return english, phone_only


@pytest.fixture
def alert(world):
    alert = actions.draft_alert(
        world["mineros_staff"], world.mineros, title="Mitin en Cananea",
        body="Todos al mitin el sábado.", language="es", units=[world.section65],
    )  # fmt: skip
    save_translation(world["mineros_staff"], alert, "title", "en", "Rally in Cananea")
    save_translation(
        world["mineros_staff"], alert, "body", "en", "Everyone to the rally."
    )
    return alert


def test_each_recipient_gets_the_alert_in_their_language(
    world, members, alert, settings
):
    settings.ALERT_CHUNK_SIZE = 1  # one task per recipient: any number of workers share
    english, phone_only = members
    actions.send_alert(world["mineros_staff"], alert)
    alert.refresh_from_db()
    # Section 65: the officer, the member and the two above (not Sección 201's Rosa).
    assert alert.recipients_count == 4 and alert.status == Alert.Status.SENT
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address["ana@example.test"].subject == "Rally in Cananea"
    assert "Everyone to the rally." in by_address["ana@example.test"].body
    assert by_address["member@mineros.test"].subject == "Mitin en Cananea"
    assert "/a/" in by_address["member@mineros.test"].body
    (text,) = sms.outbox
    assert text.to == "+526451234567" and text.body.startswith("Mitin en Cananea")
    progress = selectors.progress(alert)
    assert (progress.recipients, progress.sent, progress.queued) == (4, 4, 0)
    assert AuditEntry.objects.get(action="alerts.sent").data["recipients"] == 4


def test_audience_by_language_and_country(world, members, alert):
    english, _phone_only = members
    alert.audience = {**alert.audience, "languages": ["en"]}
    assert list(selectors.recipients(alert)) == [english]
    alert.audience = {"countries": ["US"]}
    assert list(selectors.recipients(alert)) == [english]


def test_the_acknowledgement_link_needs_no_login(client, world, members, alert):
    actions.send_alert(world["mineros_staff"], alert)
    delivery = Delivery.objects.get(person=members[0])
    url = reverse("alerts:acknowledge", args=[selectors.ack_token(delivery.pk)])
    page = client.get(url)
    assert page.status_code == 200 and "Rally in Cananea" in page.content.decode()
    client.post(url)
    delivery.refresh_from_db()
    assert delivery.acknowledged_at is not None
    assert selectors.progress(alert).acknowledged == 1
    forged = url.replace(str(delivery.pk), str(delivery.pk + 1), 1)
    assert client.get(forged).status_code == 404


def test_failures_are_recorded_and_the_rest_still_go(
    world, members, alert, monkeypatch
):
    from django.core.mail.backends.locmem import EmailBackend

    real = EmailBackend.send_messages

    def flaky(self, messages):
        if messages[0].to == ["ana@example.test"]:
            raise OSError("mailbox unavailable")
        return real(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", flaky)
    actions.send_alert(world["mineros_staff"], alert)
    failed = Delivery.objects.get(person=members[0])
    assert failed.email_status == "failed" and "mailbox" in failed.error
    assert selectors.progress(alert).failed == 1 and len(mail.outbox) == 2


def test_rate_limit_and_permissions(world, members, settings):
    settings.ALERTS_PER_HOUR = 1
    staff = world["mineros_staff"]

    def new():
        return actions.draft_alert(
            staff, world.mineros, title="A", body="B", language="es"
        )

    actions.send_alert(staff, new())
    with pytest.raises(ValidationError, match="1 alerts an hour"):
        actions.send_alert(staff, new())
    with pytest.raises(ValidationError, match="already sent"):
        actions.send_alert(staff, Alert.objects.exclude(status="draft").get())
    with pytest.raises(PermissionDenied):
        actions.draft_alert(
            world["member"], world.mineros, title="A", body="B", language="es"
        )
    with pytest.raises(PermissionDenied):
        actions.send_alert(world["usw_staff"], new())
    with pytest.raises(ValidationError):
        actions.draft_alert(staff, world.mineros, title="A", body="B", language="es",
                            units=[world.local])  # fmt: skip


def test_a_unit_officer_reaches_only_their_own_people(world, members):
    alert = actions.draft_alert(
        world["mineros_officer"], world.mineros, title="A", body="B", language="es"
    )
    reached = set(selectors.recipients(alert).values_list("name", flat=True))
    assert "Rosa Base" not in reached  # Sección 201 is not the officer's
    assert {"Mario Miembro", "Ana English"} <= reached


def test_the_alert_page_shows_progress(client, world, members, alert):
    client.force_login(world["mineros_officer"])
    page = client.get(alert.get_absolute_url()).content.decode()
    assert "4" in page
    actions.send_alert(world["mineros_staff"], alert)
    panel = client.get(reverse("alerts:progress", args=[alert.pk])).content.decode()
    assert "100%" in panel


def test_an_alert_says_where_it_stands(world, members, alert):
    assert (alert.is_draft, alert.is_sending, alert.is_sent) == (True, False, False)
    alert.status = Alert.Status.SENDING
    assert (alert.is_draft, alert.is_sending, alert.is_sent) == (False, True, False)
    actions.send_alert(world["mineros_staff"], Alert.objects.get(pk=alert.pk))
    alert.refresh_from_db()
    assert (alert.is_draft, alert.is_sending, alert.is_sent) == (False, False, True)


def test_the_new_alert_page_offers_the_published_requests_one_may_see(client, world):
    from alianza.solidarity import actions as solidarity

    staff = world["mineros_staff"]
    draft = solidarity.draft_request(
        staff, world.mineros, title="Fondo de huelga", body="Ayuda", language="es",
        audiences=[world.usw],
    )  # fmt: skip
    client.force_login(staff)
    url = reverse("alerts:alert_new")
    assert "Fondo de huelga" not in client.get(url).content.decode()
    draft.status = draft.Status.PUBLISHED
    draft.save()
    assert "Fondo de huelga" in client.get(url).content.decode()
    client.force_login(world["member"])
    assert client.get(url).status_code == 403


def test_the_sender_is_told_who_will_get_the_original(client, world, members):
    """Before sending: each language the recipients read that the alert lacks, with
    how many people read it, in the sender's language."""
    english, _phone_only = members
    french = Person.objects.create(
        name="Luc Français", country="CA", preferred_language="fr"
    )
    Membership.objects.create(
        person=french, organisation=world.mineros, role="member", unit=world.section65
    )
    alert = actions.draft_alert(
        world["mineros_staff"], world.mineros, title="Mitin en Cananea",
        body="Todos al mitin el sábado.", language="es", units=[world.section65],
    )  # fmt: skip
    people = selectors.recipients(alert, world["mineros_staff"])
    missing = selectors.untranslated_audience(alert, people)
    assert [(u.language, u.people) for u in missing] == [("en", 1), ("fr", 1)]
    # Only the subject translated is not enough: the message would be Spanish.
    save_translation(world["mineros_staff"], alert, "title", "en", "Rally in Cananea")
    alert = Alert.objects.get(pk=alert.pk)
    missing = selectors.untranslated_audience(alert, people)
    assert [(u.language, u.people) for u in missing] == [("en", 1), ("fr", 1)]
    save_translation(world["mineros_staff"], alert, "body", "en", "All to the rally.")
    alert = Alert.objects.get(pk=alert.pk)
    missing = selectors.untranslated_audience(alert, people)
    assert [(u.language, u.people) for u in missing] == [("fr", 1)]

    world["mineros_staff"].language = "en"
    world["mineros_staff"].save()
    client.force_login(world["mineros_staff"])
    page = client.get(reverse("alerts:alert", args=[alert.pk])).content.decode()
    assert 'id="untranslated-audience"' in page
    assert "French: 1 person" in page
    assert "English: 1" not in page
    # The other union and the outsider never see the alert, nor this list.
    for name in ("usw_staff", "outsider", "member"):
        client.force_login(world[name])
        response = client.get(reverse("alerts:alert", args=[alert.pk]))
        assert response.status_code in (403, 404)
