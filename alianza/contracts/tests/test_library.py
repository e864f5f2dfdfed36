import io
from datetime import date
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.contracts import extraction
from alianza.contracts.actions import add_agreement, correct_topic, read_file
from alianza.contracts.models import Agreement, Topic
from alianza.contracts.selectors import visible_agreements
from alianza.spaces.actions import share_record


def _pdf(text_lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=letter)
    y = 740
    for line in text_lines:
        page.drawString(40, y, line)
        y -= 16
    page.save()
    return buffer.getvalue()


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def upload(world, django_capture_on_commit_callbacks, monkeypatch):
    """Upload a file: the reading is queued when the transaction commits, then the
    worker's step runs here."""
    from alianza.contracts import tasks

    queued: list[int] = []
    monkeypatch.setattr(tasks, "read_agreement", SimpleNamespace(enqueue=queued.append))

    def run(name: str, content: bytes) -> Agreement:
        with django_capture_on_commit_callbacks(execute=True):
            agreement = add_agreement(
                world["usw_officer"], world.usw, employer=world.asarco, title="Upload",
                language="en", country="US", file=SimpleUploadedFile(name, content),
            )  # fmt: skip
        assert agreement.extraction == Agreement.Extraction.QUEUED
        assert queued == [agreement.pk]
        queued.clear()
        read_file(agreement.pk)
        return agreement

    return run


def test_a_pdf_is_read_into_classified_clauses(world, upload):
    agreement = upload("bla.pdf", _pdf([
        "ARTICLE 6 - SUBSTANCE ABUSE",
        "6.1 Testing for drugs or alcohol only with reasonable cause.",
        "ARTICLE 7 - GRIEVANCE PROCEDURE",
        "7.1 A grievance not settled at Step 3 may go to arbitration.",
    ]))  # fmt: skip
    agreement.refresh_from_db()  # the background task ran (immediate backend)
    assert agreement.extraction == Agreement.Extraction.DONE
    assert agreement.progress == 100
    topics = [(c.article, c.topic) for c in agreement.clauses.all()]
    assert topics == [("ARTICLE 6", Topic.DRUG_TESTING), ("ARTICLE 7", Topic.GRIEVANCE)]


def test_a_word_file_in_french_is_read(world, upload):
    agreement = upload("convention.docx", _docx([
        "Article 12 – Ancienneté",
        "12.1 L'ancienneté est la durée de service continu depuis l'embauche.",
        "Article 13 – Santé et sécurité",
        "13.1 L'employeur fournit l'équipement de protection et la sécurité au travail.",
    ]), )  # fmt: skip
    agreement.refresh_from_db()
    assert [c.topic for c in agreement.clauses.all()] == [
        Topic.SENIORITY,
        Topic.HEALTH_SAFETY,
    ]


def test_scanned_pages_without_ocr_get_a_clear_message(
    client, world, upload, monkeypatch
):
    monkeypatch.setattr(extraction, "ocr_available", lambda: False)
    agreement = upload("scan.png", b"\x89PNG fake")
    agreement.refresh_from_db()
    assert agreement.extraction == Agreement.Extraction.FAILED
    assert not agreement.clauses.exists()
    assert "Tesseract OCR is not installed" in agreement.extraction_message
    client.force_login(world["mineros_staff"])  # any reader, in their own language
    share_record(world["usw_staff"], agreement, world.alliance)
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "no está instalado" in page


@pytest.mark.skipif(not extraction.ocr_available(), reason="Tesseract not installed")
def test_scanned_pages_are_read_by_ocr(world, upload):
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1400, 260), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    draw.text((30, 30), "CLAUSULA 6. PRUEBAS DE ALCOHOL", fill="black", font=font)
    draw.text(
        (30, 120), "6.1 Pruebas de drogas con causa razonable.", fill="black", font=font
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    agreement = upload("escaneo.png", buffer.getvalue())
    agreement.refresh_from_db()
    assert agreement.extraction == Agreement.Extraction.DONE, agreement.extraction_note
    assert agreement.ocr_used
    assert "drogas" in agreement.text.lower()


def test_bad_files_are_refused_and_nothing_is_saved(world, upload):
    with pytest.raises(ValidationError) as error:
        upload("virus.exe", b"MZ")
    assert "PDF" in str(error.value)
    assert not Agreement.objects.exists()
    broken = upload("broken.pdf", b"%PDF-1.4 not really")
    broken.refresh_from_db()
    assert broken.extraction == Agreement.Extraction.FAILED
    assert (
        broken.extraction_message
        == "This PDF cannot be read: it is damaged or protected."
    )


def test_expiry_before_effect_is_refused(world):
    with pytest.raises(ValidationError):
        add_agreement(
            world["usw_staff"], world.usw, employer=world.asarco, title="x",
            language="en", country="US", effective_on=date(2020, 1, 1),
            expires_on=date(2019, 1, 1), text="ARTICLE 1 X\n1.1 y",
        )  # fmt: skip


def test_only_the_unions_leaders_add_agreements(world):
    for persona, org in [("member", world.mineros), ("outsider", world.usw),
                         ("mineros_staff", world.usw)]:  # fmt: skip
        with pytest.raises(PermissionDenied):
            add_agreement(
                world[persona], org, employer=world.asarco, title="x",
                language="en", country="US", text="ARTICLE 1 X",
            )  # fmt: skip


def test_an_agreement_stays_with_its_union_until_shared(world, section65):
    assert section65 in visible_agreements(world["mineros_officer"])
    assert section65 not in visible_agreements(world["usw_staff"])
    assert section65 not in visible_agreements(world["member"])
    assert section65 not in visible_agreements(world["outsider"])
    share_record(world["mineros_staff"], section65, world.alliance)
    assert section65 in visible_agreements(world["usw_officer"])
    assert section65 not in visible_agreements(world["outsider"])


def test_an_officers_correction_is_kept_when_the_text_is_read_again(world, hayden):
    clause = hayden.clauses.get(article="ARTICLE 8")
    assert clause.topic == Topic.GRIEVANCE
    correct_topic(world["usw_officer"], clause, Topic.EQUALITY)
    with pytest.raises(PermissionDenied):
        correct_topic(world["mineros_staff"], clause, Topic.OTHER)
    hayden.file.save("again.txt", io.BytesIO(hayden.text.encode()), save=True)
    hayden.original_name = "again.txt"
    hayden.save()
    read_file(hayden.pk)
    again = hayden.clauses.get(article="ARTICLE 8")
    assert again.topic == Topic.EQUALITY and again.corrected
    assert AuditEntry.objects.filter(action="contracts.topic_corrected").exists()


def test_the_agreement_page(client, world, section65):
    client.force_login(world["mineros_officer"])
    page = client.get(
        reverse("contracts:agreement", args=[section65.pk])
    ).content.decode()
    assert "CFCRL/CCT/SON/2025/000065" in page
    assert "PRUEBAS DE ALCOHOL Y DROGAS" in page
    assert "Quién puede ver esto" in page
    response = client.post(
        reverse("contracts:clause_topic", args=[section65.clauses.first().pk]),
        {"topic": "training"},
    )
    assert response.status_code == 302
    assert section65.clauses.first().topic == "training"


def test_adding_through_the_page(client, world):
    client.force_login(world["usw_staff"])
    response = client.post(reverse("contracts:agreement_new"), {
        "organisation": world.usw.pk, "employer": world.asarco.pk,
        "title": "Ray mine agreement", "country": "US", "language": "en",
        "annual_increases": "3, 2.5", "remind_days_before": "90", "text": "ARTICLE 1 – WAGES\n1.1 The wage rate is $30.",
    })  # fmt: skip
    assert response.status_code == 302
    agreement = Agreement.objects.get(title="Ray mine agreement")
    assert agreement.average_increase == 2.75
    assert agreement.remind_days_before == 90
    response = client.post(reverse("contracts:agreement_new"), {
        "organisation": world.usw.pk, "employer": world.asarco.pk,
        "title": "Empty", "country": "US", "language": "en",
    })  # fmt: skip
    assert "Upload a file or paste the text." in response.content.decode()


@pytest.mark.parametrize(
    ("extraction", "being_read", "failed"),
    [
        ("none", False, False),
        ("queued", True, False),
        ("running", True, False),
        ("done", False, False),
        ("failed", False, True),
    ],
)
def test_the_reading_state_is_asked_of_the_agreement(extraction, being_read, failed):
    agreement = Agreement(extraction=extraction)
    assert agreement.is_being_read is being_read
    assert agreement.reading_failed is failed
