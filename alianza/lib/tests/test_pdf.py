from io import BytesIO
from typing import Any, cast

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


NAME = "Łukasz Nguyễn Thị Hương"


def fonts_in(data: bytes) -> list[Any]:
    """The font dictionaries of every page of a PDF."""
    return [
        font.get_object()
        for page in PdfReader(BytesIO(data)).pages
        for font in cast(Any, page["/Resources"])["/Font"].values()
    ]


def fonts_of(data: bytes) -> set[str]:
    """The base names of the fonts a PDF uses, without their subset prefix."""
    return {str(f["/BaseFont"]).split("+")[-1].lstrip("/") for f in fonts_in(data)}


def test_a_name_beyond_latin_1_is_printed_with_an_embedded_font():
    doc = PdfDocument("Carta", footer="Alianza")
    doc.heading("Firmantes")
    doc.paragraph(NAME)
    doc.table([[NAME, "Đoàn Văn Ẩn"]], header=["Nombre", "Żaneta Kęsik"])
    data = doc.render()
    text = read(data)
    for name in (NAME, "Đoàn Văn Ẩn", "Żaneta Kęsik"):
        assert name in text
    assert fonts_of(data) <= {"DejaVuSans", "DejaVuSans-Bold"}
    assert "DejaVuSans-Bold" in fonts_of(data)  # the title and headings
    # Each font is embedded (a TrueType subset), not named for the reader to find.
    assert all("/FontFile2" in f["/FontDescriptor"] for f in fonts_in(data))


def test_every_letter_the_app_may_be_given_is_in_the_font():
    from reportlab.pdfbase.pdfmetrics import getFont

    from alianza.lib.pdf import register_fonts

    register_fonts()
    for face in ("DejaVuSans", "DejaVuSans-Bold"):
        glyphs = getFont(face).face.charToGlyph
        # Latin-1, Latin Extended-A and -B, Vietnamese (Latin Extended Additional)
        letters = [chr(c) for c in range(0xC0, 0x250) if chr(c).isalpha()]
        letters += [chr(c) for c in range(0x1EA0, 0x1EFA)]
        assert [c for c in letters if ord(c) not in glyphs] == [], face


def test_headings_are_bold_and_larger_than_the_text():
    from alianza.lib.pdf import STYLES

    for name in ("title", "h1", "h2"):
        assert STYLES[name].fontName == "DejaVuSans-Bold"
    sizes = [STYLES[n].fontSize for n in ("title", "h1", "h2", "body")]
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == 4


def pages(data: bytes) -> int:
    return len(PdfReader(BytesIO(data)).pages)


def test_no_blank_page_at_the_end():
    doc = PdfDocument("Acta")
    doc.paragraph("Una línea.")
    doc.spacer(8)
    doc.page_break()
    doc.spacer(8)
    assert pages(doc.render()) == 1
    # A page filled to its foot, then a space: still one page.
    full = PdfDocument("Acta")
    while pages(full.render()) == 1:
        full.paragraph("Línea del acta.")
    full.blocks.pop()
    assert pages(full.render()) == 1
    full.spacer(20)
    assert pages(full.render()) == 1


def test_paragraphs_stay_beside_their_translation_when_the_counts_differ():
    from alianza.lib.pdf import align

    spanish = [
        "Hermanos y hermanas:",
        "La Sección 65 saluda la huelga de los compañeros del USW en ASARCO, que "
        "defienden su contrato colectivo y su seguridad. Enviamos nuestro apoyo "
        "y una aportación al fondo de huelga de la seccional.",
        "¡Solidaridad!",
        "Napoleón Gómez Urrutia",
    ]
    english = [
        "Brothers and sisters:",
        "Section 65 salutes the strike of the USW members at ASARCO.",
        "They defend their collective agreement and their safety. We send our "
        "support and a contribution to the local's strike fund.",
        "Solidarity!",
        "Napoleón Gómez Urrutia",
    ]
    rows = align(spanish, english)
    assert rows == [
        ([spanish[0]], [english[0]]),
        ([spanish[1]], english[1:3]),  # the translator split it in two
        ([spanish[2]], [english[3]]),
        ([spanish[3]], [english[4]]),
    ]
    # The other way round, and with a paragraph the translation left out.
    assert align(english, spanish)[1] == (english[1:3], [spanish[1]])
    left_out = align(spanish, [english[0], english[3], english[4]])
    assert ([spanish[2]], [english[3]]) in left_out
    assert ([spanish[0]], [english[0]]) == left_out[0]
    assert ([spanish[3]], [english[4]]) == left_out[-1]
    # As many on both sides: each beside the one in its place.
    assert align(["a", "b"], ["uno largo", "dos"]) == [(["a"], ["uno largo"]),
                                                       (["b"], ["dos"])]  # fmt: skip


def test_the_pdf_puts_a_split_paragraph_in_one_row():
    doc = PdfDocument("Carta")
    doc.side_by_side(["Uno.", "Dos largo " * 20, "Tres."], ["One.", "Two " * 10,
                     "more " * 10, "Three."])  # fmt: skip
    (grid,) = [b for b in doc.blocks if b.__class__.__name__ == "Table"]
    assert len(grid._cellvalues) == 3
    assert "Three." in grid._cellvalues[2][1].text
