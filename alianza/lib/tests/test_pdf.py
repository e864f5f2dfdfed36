from io import BytesIO

from pypdf import PdfReader

from alianza.lib.pdf import PdfDocument


def read(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def test_a_document_holds_its_blocks_with_accents_and_markup_escaped():
    doc = PdfDocument(
        "Acta de la sesión",
        subtitle="Comité Ejecutivo Nacional",
        letterhead=["Sindicato Nacional de Mineros", "Ciudad de México"],
        footer="Alianza",
    )
    doc.heading("Asistencia")
    doc.paragraph("Napoleón Gómez Urrutia <presidente> & secretario")
    doc.table(
        [["Sí", "12"], ["No", "3"]], header=["Opción", "Votos"], widths=[0.7, 0.3]
    )
    doc.side_by_side(["Se aprobó la moción."], ["The motion was adopted.", "Second"])
    text = read(doc.render())
    for expected in (
        "Acta de la sesión",
        "Sindicato Nacional de Mineros",
        "Napoleón Gómez Urrutia <presidente> & secretario",
        "Opción",
        "The motion was adopted.",
        "Second",
    ):
        assert expected in text


def test_long_two_language_text_runs_over_several_pages():
    doc = PdfDocument("Minutes")
    doc.side_by_side([f"Línea {i} " * 20 for i in range(80)], ["Line"] * 80)
    assert len(PdfReader(BytesIO(doc.render())).pages) > 2
