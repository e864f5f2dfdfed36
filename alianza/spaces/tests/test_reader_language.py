"""A joint space's name, its participants' and proposals' titles in the reader's
language, both ways; its coordinators translate them, nobody else."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from alianza.multilingual.models import Translation
from alianza.spaces.forms import ShareForm
from alianza.spaces.models import JointSpace, Participant


def translate(record, field, **texts):
    ct = ContentType.objects.get_for_model(type(record))
    for language, text in texts.items():
        Translation.objects.create(
            content_type=ct, object_id=str(record.pk), field=field,
            language=language, text=text,
        )  # fmt: skip


def reader(world, name, language):
    user = world[name]
    user.language = language
    user.save(update_fields=["language"])
    return user


def h1(page: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert match
    return match.group(1).strip()


@pytest.fixture
def commission(world):
    translate(world.commission, "name", es="Comisión Conjunta", fr="Commission mixte")
    participant = world.commission.participants.get(organisation=world.usw)
    participant.title = "Co-chair"
    participant.save()
    translate(participant, "title", es="Copresidencia", fr="Coprésidence")
    return world.commission


@pytest.mark.parametrize(
    "persona, language, name, participant",
    [
        ("mineros_staff", "es", "Comisión Conjunta", "Copresidencia"),
        ("usw_staff", "fr", "Commission mixte", "Coprésidence"),
        ("usw_staff", "en", "Joint Commission", "Co-chair"),
    ],
)
def test_an_english_space_in_each_readers_language(
    client, world, commission, persona, language, name, participant
):
    client.force_login(reader(world, persona, language))
    page = client.get(commission.get_absolute_url()).content.decode()
    assert h1(page) == name
    assert f"<title>{name}" in page
    assert f"— {participant}</span>" in page
    listing = client.get(reverse("spaces:spaces")).content.decode()
    assert f">{name}</a>" in listing
    if language != "en":
        assert '<span class="original-text" lang="en">Joint Commission' in page


def test_a_spanish_space_reads_in_english_and_french(client, world):
    council = JointSpace.objects.create(
        slug="consejo-gm", name="Consejo Grupo México", kind="council", language="es"
    )
    for org in (world.usw, world.mineros):
        Participant.objects.create(space=council, organisation=org, role="coordinator")
    translate(council, "name", en="Grupo México Council", fr="Conseil Grupo México")
    client.force_login(reader(world, "usw_staff", "en"))
    assert h1(client.get(council.get_absolute_url()).content.decode()) == (
        "Grupo México Council"
    )
    client.force_login(reader(world, "usw_staff", "fr"))
    assert h1(client.get(council.get_absolute_url()).content.decode()) == (
        "Conseil Grupo México"
    )
    client.force_login(world["mineros_staff"])
    assert h1(client.get(council.get_absolute_url()).content.decode()) == (
        "Consejo Grupo México"
    )
    form = ShareForm(spaces=JointSpace.objects.filter(pk=council.pk))
    with translation.override("en"):
        assert [label for _value, label in form.fields["space"].choices][1:] == [
            "Grupo México Council"
        ]


def test_coordinators_translate_the_name_others_do_not(client, world, commission):
    ct = ContentType.objects.get_for_model(JointSpace).pk
    data = {"content_type": ct, "object_id": commission.pk, "field": "name",
            "language": "fr", "text": "Commission conjointe"}  # fmt: skip
    for persona in ("member", "usw_member", "outsider"):
        client.force_login(world[persona])
        client.post(reverse("multilingual:save"), data)
        commission.__dict__.pop("_translations_cache", None)
        assert commission.translations_for("name")["fr"].text == "Commission mixte"
    client.force_login(world["mineros_staff"])
    assert client.post(reverse("multilingual:save"), data).status_code == 302
    commission.__dict__.pop("_translations_cache", None)
    assert commission.translations_for("name")["fr"].text == "Commission conjointe"


def test_a_participants_title_is_translated_by_the_coordinators(
    client, world, commission
):
    participant = commission.participants.get(organisation=world.usw)
    ct = ContentType.objects.get_for_model(Participant).pk
    data = {"content_type": ct, "object_id": participant.pk, "field": "title",
            "language": "es", "text": "Copresidente"}  # fmt: skip
    client.force_login(world["member"])
    client.post(reverse("multilingual:save"), data)
    assert participant.translations_for("title")["es"].text == "Copresidencia"
    client.force_login(world["usw_staff"])
    assert client.post(reverse("multilingual:save"), data).status_code == 302
    participant.__dict__.pop("_translations_cache", None)
    assert participant.translations_for("title")["es"].text == "Copresidente"
