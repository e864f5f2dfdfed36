"""A council's name, description and action items in the reader's language."""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation

from alianza.councils import actions
from alianza.councils.models import Council
from alianza.multilingual.actions import save_translation
from alianza.multilingual.models import Translation
from alianza.spaces.proposals import accept


@pytest.fixture
def council(world):
    """Founded by Los Mineros (its name is written in Spanish); USW's local joins."""
    world["mineros_staff"].language = "es"
    founded = actions.found_council(world["mineros_staff"], world.grupo)
    for proposal in founded.space.proposals.filter(status="pending"):
        accept(world["usw_staff"], proposal)
    mail.outbox.clear()
    return founded


def _translate(record, field, language, text):
    Translation.objects.create(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=str(record.pk),
        field=field,
        language=language,
        text=text,
    )


def _name(council, language):
    fresh = Council.objects.get(pk=council.pk)  # no translations read before
    with translation.override(language):
        return str(fresh)


def test_the_name_is_shown_in_each_readers_language(council):
    space = council.space
    space.language, space.name = "es", "Consejo Grupo México"
    space.save()
    _translate(space, "name", "en", "Grupo México Council")
    _translate(space, "name", "fr", "Conseil Grupo México")
    assert _name(council, "es") == "Consejo Grupo México"
    assert _name(council, "en") == "Grupo México Council"
    assert _name(council, "fr") == "Conseil Grupo México"


def test_without_a_translation_the_original_name_is_shown(council):
    space = council.space
    space.language, space.name = "en", "Grupo México Council"
    space.save()
    assert _name(council, "es") == "Grupo México Council"


def _item(world, council, language, title):
    officer = world["mineros_staff"] if language == "es" else world["usw_staff"]
    officer.language = language
    owner = officer.person
    return actions.add_action_item(
        officer,
        council,
        title=title,
        owner=owner,
        due_on=timezone.localdate() + timedelta(days=10),
    )


def test_an_action_item_records_the_language_its_author_writes_in(world, council):
    item = _item(world, council, "es", "Enviar la carta de apoyo")
    assert item.language == "es"
    item = _item(world, council, "en", "Send the letter of support")
    assert item.language == "en"


def test_a_spanish_action_item_reads_in_english_and_an_english_one_in_spanish(
    client, world, council
):
    spanish = _item(world, council, "es", "Enviar la carta de apoyo a los locales")
    english = _item(world, council, "en", "Organise the delegation to Cananea")
    save_translation(
        world["mineros_staff"], spanish, "title", "en", "Send the support letter"
    )
    save_translation(
        world["usw_staff"], english, "title", "es", "Organizar la delegación a Cananea"
    )
    url = reverse("councils:council", args=[council.space.slug])

    client.force_login(world["usw_staff"])
    world["usw_staff"].language = "en"
    world["usw_staff"].save()
    page = client.get(url).content.decode()
    assert "Send the support letter" in page
    assert "Organise the delegation to Cananea" in page
    # The Spanish original is one tap away, marked as Spanish.
    assert re.search(r'lang="es">(<p>)?Enviar la carta de apoyo a los locales', page)

    client.force_login(world["mineros_officer"])
    page = client.get(url).content.decode()
    assert "Organizar la delegación a Cananea" in page
    assert "Enviar la carta de apoyo a los locales" in page
    assert re.search(r'lang="en">(<p>)?Organise the delegation to Cananea', page)


def test_the_owners_reminder_is_in_her_language(world, council):
    item = _item(world, council, "en", "Share the contract with Section 65")
    save_translation(
        world["usw_staff"],
        item,
        "title",
        "es",
        "Compartir el contrato con la Sección 65",
    )
    owner = world["mineros_officer"].person
    item.owner = owner
    item.due_on = timezone.localdate() + timedelta(days=2)
    item.save()
    assert actions.send_reminders() == 1
    assert "Compartir el contrato con la Sección 65" in mail.outbox[0].subject
    assert "Share the contract" not in mail.outbox[0].body


def test_the_other_union_and_the_outsider_may_not_translate_an_item(world, council):
    item = _item(world, council, "es", "Preparar la reunión de Cananea")
    # USW staff coordinate the council with Los Mineros: they may translate it.
    save_translation(world["usw_staff"], item, "title", "en", "Prepare the meeting")
    for name in ("outsider", "usw_member", "member"):
        with pytest.raises(PermissionDenied):
            save_translation(world[name], item, "title", "fr", "Préparer la réunion")
    assert not Translation.objects.filter(field="title", language="fr").exists()


def test_only_the_council_sees_an_items_translation_history(client, world, council):
    item = _item(world, council, "es", "Preparar la reunión de Cananea")
    save_translation(world["usw_staff"], item, "title", "en", "Prepare the meeting")
    ct = ContentType.objects.get_for_model(type(item))
    url = reverse("multilingual:history", args=[ct.pk, str(item.pk)])
    client.force_login(world["usw_staff"])
    assert client.get(url).status_code == 200
    # A member of a member unit reads the council's items (not confidential); a
    # member of no member unit and the outsider do not.
    client.force_login(world["usw_member"])
    assert client.get(url).status_code == 200
    for name in ("outsider", "mineros_observer"):
        client.force_login(world[name])
        assert client.get(url).status_code in (403, 404)
