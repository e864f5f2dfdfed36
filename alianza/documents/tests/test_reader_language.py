"""A document's title and description in the reader's language, both ways."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alianza.documents.actions import upload_document
from alianza.multilingual.models import Translation
from alianza.spaces.actions import share_record


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


@pytest.fixture
def contract(world):
    document = upload_document(
        world["mineros_officer"], world.mineros, title="Contrato colectivo, Sección 65",
        language="es", file=SimpleUploadedFile("c.pdf", b"%PDF-1.4 x", "application/pdf"),
    )  # fmt: skip
    translate(document, "title", en="Collective agreement, Section 65",
              fr="Convention collective, Section 65")  # fmt: skip
    share_record(world["mineros_staff"], document, world.alliance, note="")
    return document


@pytest.mark.parametrize(
    "persona, language, title",
    [
        ("usw_staff", "en", "Collective agreement, Section 65"),
        ("usw_staff", "fr", "Convention collective, Section 65"),
        ("mineros_staff", "es", "Contrato colectivo, Sección 65"),
    ],
)
def test_a_spanish_document_in_each_readers_language(
    client, world, contract, persona, language, title
):
    client.force_login(reader(world, persona, language))
    page = client.get(contract.get_absolute_url()).content.decode()
    assert re.search(rf"<h1[^>]*>{title}</h1>", page)
    assert f"<title>{title}" in page
    listing = client.get(reverse("documents:documents")).content.decode()
    assert f">{title}</a>" in listing
    if language != "es":
        assert "Contrato colectivo, Sección 65</span>" in page  # the original


def test_an_english_title_reads_in_spanish(client, world):
    report = upload_document(
        world["usw_staff"], world.usw, title="Health and safety report",
        language="en", file=SimpleUploadedFile("r.pdf", b"%PDF-1.4 r", "application/pdf"),
    )  # fmt: skip
    translate(report, "title", es="Informe de seguridad e higiene")
    client.force_login(reader(world, "usw_officer", "es"))
    page = client.get(report.get_absolute_url()).content.decode()
    assert "<title>Informe de seguridad e higiene" in page
    client.force_login(world["usw_staff"])
    assert (
        "<title>Health and safety report"
        in client.get(report.get_absolute_url()).content.decode()
    )


def test_only_its_unions_managers_translate_its_title(client, world, contract):
    ct = ContentType.objects.get_for_model(type(contract)).pk
    data = {"content_type": ct, "object_id": contract.pk, "field": "title",
            "language": "en", "text": "Wrong"}  # fmt: skip
    client.force_login(world["usw_staff"])  # sees it, shared; may not change it
    client.post(reverse("multilingual:save"), data)
    assert contract.translations_for("title")["en"].text.startswith("Collective")


def test_the_agreement_to_vote_on_is_chosen_by_its_title_in_the_readers_language(
    world, contract
):
    from django.utils import translation

    from alianza.elections.forms import ElectionForm

    form = ElectionForm(organisation=world.mineros)
    field = form.fields["contract_document"]
    with translation.override("en"):
        assert [field.label_from_instance(d) for d in field.queryset] == [
            "Collective agreement, Section 65"
        ]
