"""Alert templates belong to their union: its leaders keep them and start new
alerts from them (translations and channels come along); no other union sees or
uses them."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from alianza.alerts import actions, template_selectors
from alianza.alerts.models import Alert, AlertTemplate
from alianza.audit.models import AuditEntry
from alianza.multilingual.actions import save_translation


@pytest.fixture
def template(world):
    staff = world["mineros_staff"]
    alert = actions.draft_alert(
        staff, world.mineros, title="Mitin", body="Todos al mitin.", language="es",
        channels="sms",
    )  # fmt: skip
    save_translation(staff, alert, "title", "en", "Rally")
    save_translation(staff, alert, "body", "en", "Everyone to the rally.")
    return actions.save_as_template(staff, alert, name="Llamado a mitin")


def test_a_template_keeps_the_alert_its_translations_and_channels(world, template):
    assert template.organisation == world.mineros
    assert (template.title, template.body, template.channels) == (
        "Mitin", "Todos al mitin.", "sms",
    )  # fmt: skip
    assert template.translations_for("body")["en"].text == "Everyone to the rally."
    assert AuditEntry.objects.get(action="alerts.template_saved").organisation == (
        world.mineros
    )


def test_another_union_neither_sees_nor_uses_it(client, world, template):
    for name in ("usw_staff", "usw_officer", "usw_admin", "observer"):
        assert template not in template_selectors.templates_for(world[name])
        with pytest.raises(PermissionDenied):
            actions.draft_alert(
                world[name], world.usw, title="x", body="y", language="en",
                template=template,
            )  # fmt: skip
        client.force_login(world[name])
        answer = client.get(reverse("alerts:alert_new") + f"?template={template.pk}")
        assert answer.status_code == 404
        assert (
            "Llamado a mitin"
            not in client.get(reverse("alerts:templates")).content.decode()
        )
        answer = client.post(reverse("alerts:template_delete", args=[template.pk]))
        assert answer.status_code == 404
    # Nor does one of its leaders put it under another union's name.
    with pytest.raises(PermissionDenied):
        actions.draft_alert(
            world["mineros_officer"], world.usw, title="Mitin",
            body="Todos al mitin.", language="es", template=template,
        )  # fmt: skip
    for name in ("member", "outsider"):
        client.force_login(world[name])
        assert client.get(reverse("alerts:templates")).status_code == 403
    assert AlertTemplate.objects.filter(pk=template.pk).exists()


def test_a_new_alert_from_it_takes_what_was_left_unchanged(client, world, template):
    officer = world["mineros_officer"]
    client.force_login(officer)
    page = client.get(reverse("alerts:alert_new") + f"?template={template.pk}")
    assert page.status_code == 200
    form = page.context["form"]
    assert (
        form.initial["body"] == "Todos al mitin." and form.initial["channels"] == "sms"
    )
    # The message changed, the subject not: only the subject's translation comes.
    answer = client.post(
        reverse("alerts:alert_new"),
        {"organisation": world.mineros.pk, "title": "Mitin",
         "body": "Todos al mitin, a las 6.", "language": "es", "channels": "sms",
         "template": template.pk},
    )  # fmt: skip
    assert answer.status_code == 302
    made = Alert.objects.latest("id")
    assert made.channels == "sms" and made.created_by == officer
    assert made.translations_for("title")["en"].text == "Rally"
    assert "en" not in made.translations_for("body")
    assert (
        AuditEntry.objects.filter(action="alerts.drafted").latest("id").data["template"]
        == template.pk
    )


def test_an_alert_by_text_message_only_sends_no_email(world, template):
    from django.core import mail

    from alianza.orgs.models import ContactChannel

    ContactChannel.objects.create(
        person=world["member"].person, kind="phone", value="+52 645 000 1111"
    )
    alert = actions.draft_alert(
        world["mineros_staff"], world.mineros, title="Mitin", body="Todos.",
        language="es", units=[world.section65], channels="sms", template=template,
    )  # fmt: skip
    actions.send_alert(world["mineros_staff"], alert)
    assert mail.outbox == []
    assert alert.deliveries.filter(sms_status="sent").exists()


def test_its_leaders_delete_it(client, world, template):
    client.force_login(world["mineros_officer"])
    answer = client.post(reverse("alerts:template_delete", args=[template.pk]))
    assert answer.status_code == 302
    assert not AlertTemplate.objects.filter(pk=template.pk).exists()
    assert AuditEntry.objects.filter(action="alerts.template_deleted").exists()
