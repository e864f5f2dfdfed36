"""Draft translations from the unions' translation server (LibreTranslate's HTTP API),
tested against a stand-in server on this machine: up, down, answering an error, too
slow. Drafts are marked as a machine's until a person approves or corrects them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from alianza.audit.models import AuditEntry
from alianza.multilingual.actions import (
    approve_translation,
    draft_translations,
    save_translation,
)
from alianza.multilingual.models import PastTranslation, Translation
from alianza.multilingual.text import render_for
from conftest import client_for

GRIEVANCE = "The grievance goes to arbitration."


@pytest.fixture
def ieb(world):
    """The USW's board, described in English; its staff may translate it."""
    world.ieb.description = GRIEVANCE
    world.ieb.save()
    return world.ieb


def test_drafts_are_saved_marked_and_the_glossary_applied(world, server, ieb):
    drafts = draft_translations(world["usw_staff"], ieb, "description")
    assert sorted(d.language for d in drafts) == ["es", "fr"]
    # The server was asked as LibreTranslate expects, with the glossary's terms
    # protected (not sent to be translated) ...
    asked = {r["target"]: r for r in server.received}
    assert set(asked) == {"es", "fr"}
    for request in asked.values():
        assert request["path"] == "/translate"
        assert request["source"] == "en" and request["format"] == "text"
        assert request["api_key"] == "the-unions-key"
        assert "grievance" not in request["q"] and "arbitration" not in request["q"]
    # ... and put back in the target language.
    spanish = Translation.objects.get(language="es")
    assert spanish.text == "<es> The queja goes to arbitraje."
    assert (
        Translation.objects.get(language="fr").text
        == "<fr> The grief goes to arbitrage."
    )
    assert all(d.machine for d in drafts)
    assert spanish.translated_by == world["usw_staff"] and spanish.union == world.usw
    # Readers see the draft, marked as a machine's.
    ieb.__dict__.pop("_translations_cache", None)
    rendition = render_for(ieb, "description", "es")
    assert rendition.machine and rendition.text == spanish.text
    entry = AuditEntry.objects.get(action="multilingual.drafts_made")
    assert entry.data["languages"] == ["es", "fr"] and entry.organisation == world.usw


def test_a_capital_at_the_start_of_a_sentence_is_kept(world, server, ieb):
    ieb.description = "Strike votes need a secret ballot."
    ieb.save()
    draft_translations(world["usw_staff"], ieb, "description")
    assert Translation.objects.get(language="es").text == (
        "<es> Huelga votes need a voto secreto."
    )


def test_a_translation_written_by_a_person_is_never_replaced(world, server, ieb):
    save_translation(world["usw_staff"], ieb, "description", "es", "La queja va.")
    draft_translations(world["usw_staff"], ieb, "description")
    assert [r["target"] for r in server.received] == ["fr"]
    spanish = Translation.objects.get(language="es")
    assert spanish.text == "La queja va." and not spanish.machine
    # Once every language has a person's translation, there is nothing to draft.
    save_translation(world["usw_staff"], ieb, "description", "fr", "Le grief va.")
    with pytest.raises(ValidationError):
        draft_translations(world["usw_staff"], ieb, "description")


@pytest.mark.parametrize("mode", ["error", "slow", "garbage"])
def test_a_server_that_fails_saves_nothing(world, server, ieb, mode):
    server.mode = mode
    with translation.override("es"), pytest.raises(ValidationError) as refused:
        draft_translations(world["usw_staff"], ieb, "description")
    assert "servidor de traducción" in " ".join(refused.value.messages) or (
        "translation server" in " ".join(refused.value.messages)
    )
    assert not Translation.objects.exists()
    assert not AuditEntry.objects.filter(action="multilingual.drafts_made").exists()


def test_a_server_that_is_down_saves_nothing(world, settings, ieb):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.TRANSLATION_SERVER_URL = f"http://127.0.0.1:{port}"
    with pytest.raises(ValidationError):
        draft_translations(world["usw_staff"], ieb, "description")
    assert not Translation.objects.exists()


def test_without_a_server_there_is_no_button_and_no_call(world, settings, ieb, client):
    settings.TRANSLATION_SERVER_URL = ""
    with pytest.raises(ValidationError):
        draft_translations(world["usw_staff"], ieb, "description")
    page = client_for(client, world["usw_staff"]).get(world.mineros.get_absolute_url())
    assert b"multilingual/translations/drafts" not in page.content
    assert not Translation.objects.exists()


def test_with_a_server_the_button_is_beside_the_form(world, server, client):
    url = world.mineros.get_absolute_url()
    page = client_for(client, world["mineros_staff"]).get(url)
    assert reverse("multilingual:draft").encode() in page.content
    # Not for whoever may not translate the text.
    client.force_login(world["mineros_officer"])
    assert reverse("multilingual:draft").encode() not in client.get(url).content


def test_only_who_may_translate_may_ask_for_drafts(world, server, ieb):
    for persona in ("mineros_staff", "usw_member", "outsider", "mineros_observer"):
        with pytest.raises(PermissionDenied):
            draft_translations(world[persona], ieb, "description")
    assert server.received == [] and not Translation.objects.exists()


def test_the_page_tells_in_her_language_when_the_server_is_down(world, server, client):
    server.mode = "error"
    staff = world["mineros_staff"]  # reads Spanish
    response = client_for(client, staff).post(
        reverse("multilingual:draft"),
        {
            "content_type": _content_type(world.mineros),
            "object_id": world.mineros.pk,
            "field": "description",
            "next": world.mineros.get_absolute_url(),
        },
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("No se guardó nada" in m for m in messages) or any(
        "Nothing was saved" in m for m in messages
    )
    assert not Translation.objects.exists()


def _content_type(record) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(type(record)).pk


def test_approving_a_draft_removes_the_mark_and_is_audited(world, server, ieb):
    draft_translations(world["usw_staff"], ieb, "description")
    spanish = Translation.objects.get(language="es")
    approve_translation(world["usw_admin"], spanish)
    spanish.refresh_from_db()
    assert not spanish.machine and spanish.translated_by == world["usw_admin"]
    entry = AuditEntry.objects.get(action="multilingual.draft_approved")
    assert entry.data == {
        "field": "description",
        "language": "es",
        "union": world.usw.pk,
    }
    assert entry.organisation == world.usw
    # A reviewed translation is not approved twice.
    with pytest.raises(ValidationError):
        approve_translation(world["usw_admin"], spanish)


def test_the_other_union_and_the_outsider_may_not_approve(world, server, ieb):
    draft_translations(world["usw_staff"], ieb, "description")
    spanish = Translation.objects.get(language="es")
    for persona in ("mineros_staff", "mineros_officer", "outsider", "usw_member"):
        with pytest.raises(PermissionDenied):
            approve_translation(world[persona], spanish)
    spanish.refresh_from_db()
    assert spanish.machine


def test_correcting_a_draft_makes_it_a_persons(world, server, ieb):
    draft_translations(world["usw_staff"], ieb, "description")
    corrected = save_translation(
        world["usw_staff"], ieb, "description", "es", "La queja va al arbitraje."
    )
    assert not corrected.machine
    # The machine's draft is in the history, still marked as a machine's.
    assert PastTranslation.objects.get(language="es").machine


def _ask_by_page(client, user, record):
    return client_for(client, user).post(
        reverse("multilingual:draft"),
        {
            "content_type": _content_type(record),
            "object_id": record.pk,
            "field": "description",
            "next": record.get_absolute_url(),
        },
        follow=True,
    )


def test_a_long_text_is_drafted_in_the_background_and_she_is_told(
    world, server, ieb, client, mailoutbox
):
    ieb.description = " ".join([GRIEVANCE] * 60)  # minutes-long, over 1,500 letters
    ieb.save()
    staff = world["usw_staff"]
    response = _ask_by_page(client, staff, ieb)
    told = [str(m) for m in response.context["messages"]]
    assert any("in the background" in m for m in told), told
    # The task ran (the tests' task backend runs it at once): drafts, and an e-mail.
    assert sorted(Translation.objects.values_list("language", flat=True)) == [
        "es",
        "fr",
    ]
    assert all(t.machine for t in Translation.objects.all())
    (message,) = [m for m in mailoutbox if m.to == [staff.email]]
    assert "ready" in message.subject and "/history/" in message.body


def test_a_long_text_the_server_fails_on_is_said_by_e_mail(
    world, server, ieb, client, mailoutbox
):
    server.mode = "error"
    ieb.description = " ".join([GRIEVANCE] * 60)
    ieb.save()
    staff = world["usw_staff"]
    _ask_by_page(client, staff, ieb)
    assert not Translation.objects.exists()
    (message,) = [m for m in mailoutbox if m.to == [staff.email]]
    assert "Nothing was saved" in message.body
    assert not AuditEntry.objects.filter(action="multilingual.drafts_made").exists()


def test_a_long_text_is_refused_at_once_to_who_may_not_translate(
    world, server, ieb, client, mailoutbox
):
    ieb.description = " ".join([GRIEVANCE] * 60)
    ieb.save()
    response = _ask_by_page(client, world["mineros_staff"], ieb)
    assert response.status_code == 403
    assert server.received == [] and not mailoutbox
