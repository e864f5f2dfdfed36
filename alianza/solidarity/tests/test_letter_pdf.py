"""A letter's PDF: its frame in the language it is printed in, not the reader's;
every name printed, whatever its letters; no blank page; the translation beside
the original paragraph by paragraph."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from alianza.multilingual.actions import save_translation
from alianza.solidarity import actions
from alianza.solidarity.views.letters import letter_pdf_bytes

NAME = "Łukasz Nguyễn Thị Hương"


def text_of(data: bytes) -> str:
    """The words of the PDF, a line wrapped in a table cell joined again."""
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages)
    return " ".join(text.split())


@pytest.fixture
def letter(world):
    letter = actions.draft_letter(
        world["mineros_staff"], world.mineros, title="Carta de apoyo",
        body="Hermanos y hermanas:\n\nEstamos con ustedes en la huelga de ASARCO, "
        "con nuestra aportación al fondo de huelga.\n\n¡Solidaridad!",
        language="es", addressee="USW Local 915", dated=date(2026, 12, 5),
    )  # fmt: skip
    person = world["mineros_officer"].person
    person.name = NAME
    person.save()
    actions.add_signatory(
        world["mineros_staff"], letter, person=person, organisation=world.mineros
    )
    return letter


def test_an_english_reader_prints_a_spanish_letter_with_a_spanish_frame(letter):
    with translation.override("en"):
        text = text_of(letter_pdf_bytes(letter, "en"))
    assert "5 de diciembre de 2026" in text and "December" not in text
    assert "Firmantes" in text and "Signatories" not in text
    assert "aún sin confirmar" in text and "not yet confirmed" not in text
    assert NAME in text  # Ł, ễ, ị, ươ in the embedded font


def test_a_translated_letter_has_the_frame_of_its_translation(world, letter):
    save_translation(
        world["mineros_staff"], letter, "body", "fr",
        "Frères et sœurs :\n\nNous sommes avec vous dans la grève d'ASARCO.\n\n"
        "Nous versons notre contribution au fonds de grève.\n\nSolidarité !",
    )  # fmt: skip
    with translation.override("es"):
        data = letter_pdf_bytes(letter, "fr")
    text = text_of(data)
    assert "Signataires" in text and "5 décembre 2026" in text
    assert "Firmantes" not in text
    assert len(PdfReader(BytesIO(data)).pages) == 1  # no blank page after it


def test_the_pdf_page_follows_the_letter_not_the_reader(client, world, letter):
    world["mineros_staff"].language = "en"
    world["mineros_staff"].save()
    client.force_login(world["mineros_staff"])
    response = client.get(reverse("solidarity:letter_pdf", args=[letter.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert "Firmantes" in text_of(response.content)


@pytest.mark.parametrize("who", ["outsider", "usw_staff", "member"])
def test_the_outsider_and_the_other_union_get_no_draft_pdf(client, world, who, letter):
    client.force_login(world[who])
    response = client.get(reverse("solidarity:letter_pdf", args=[letter.pk]))
    assert response.status_code == 404
