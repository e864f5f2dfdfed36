"""Reading an agreement's file into text, and the text into articles and clauses.

PDF through pypdf, DOCX through python-docx, scanned pages (photos, or PDF pages
without a text layer) through Tesseract OCR in English and Spanish when the
server has it. Nothing here touches the database.
"""

import io
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _

SUFFIXES = {".pdf", ".docx", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
#: A PDF page with fewer characters than this is taken for a scan.
SCANNED_BELOW = 40
OCR_LANGUAGES = "eng+spa"


#: Why a file could not be read, by code; the code is kept on the agreement and each
#: reader sees the message in their own language.
MESSAGES = {
    "no_ocr": _(
        "These are scanned pages, and this server cannot read scans: Tesseract OCR "
        "is not installed. Ask your operator to install it (see the operators' "
        "guide), or upload a PDF with a text layer or a Word file."
    ),
    "bad_pdf": _("This PDF cannot be read: it is damaged or protected."),
    "bad_docx": _("This Word file cannot be read."),
    "bad_image": _("This image cannot be read."),
    "kind": _("Upload a PDF, a Word (.docx) file, a text file or scanned pages."),
    "empty": _("No text was found in this file."),
}


class ExtractionError(Exception):
    """The file cannot be read; ``code`` is a key of :data:`MESSAGES`."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return str(MESSAGES[self.code])


@dataclass
class Extracted:
    text: str
    pages: int
    ocr_pages: int = 0


def ocr_available() -> bool:
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        pytesseract.get_tesseract_version()
    except Exception:  # any failure means no OCR
        return False
    return True


def _no_ocr() -> ExtractionError:
    return ExtractionError("no_ocr")


def _ocr_image(data: bytes) -> str:
    import pytesseract
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return str(pytesseract.image_to_string(image, lang=OCR_LANGUAGES))


def _pdf(data: bytes, progress: Callable[[int], None]) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = list(reader.pages)
    except (PdfReadError, ValueError, OSError) as error:
        raise ExtractionError("bad_pdf") from error
    parts: list[str] = []
    ocr_pages = 0
    for number, page in enumerate(pages, start=1):
        text = page.extract_text() or ""
        if len(text.strip()) < SCANNED_BELOW and page.images:
            if not ocr_available():
                raise _no_ocr()
            text = "\n".join(_ocr_image(image.data) for image in page.images)
            ocr_pages += 1
        parts.append(text)
        progress(int(90 * number / max(len(pages), 1)))
    return Extracted(text="\n".join(parts), pages=len(pages), ocr_pages=ocr_pages)


def _docx(data: bytes) -> Extracted:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds
        raise ExtractionError("bad_docx") from error
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return Extracted(text="\n".join(lines), pages=1)


def extract(
    name: str, data: bytes, progress: Callable[[int], None] = lambda p: None
) -> Extracted:
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf":
        result = _pdf(data, progress)
    elif suffix == ".docx":
        result = _docx(data)
    elif suffix == ".txt":
        result = Extracted(text=data.decode("utf-8", errors="replace"), pages=1)
    elif suffix in IMAGE_SUFFIXES:
        if not ocr_available():
            raise _no_ocr()
        try:
            result = Extracted(text=_ocr_image(data), pages=1, ocr_pages=1)
        except OSError as error:
            raise ExtractionError("bad_image") from error
    else:
        raise ExtractionError("kind")
    if not result.text.strip():
        raise ExtractionError("empty")
    return result


# --- Articles and clauses -----------------------------------------------------------

ARTICLE = re.compile(
    r"^\s*(?P<label>(?:ARTICLE|Article|ARTÍCULO|ARTICULO|Artículo|Articulo|CLÁUSULA|"
    r"CLAUSULA|Cláusula|Clausula|CAPÍTULO|CAPITULO|Capítulo|Section|SECTION)"
    r"\s+(?:[0-9]+[A-Z]?|[IVXLC]+))\b[\s.:–—-]*(?P<heading>.*)$"
)
NUMBERED = re.compile(
    r"^\s*(?P<number>\d+\.\d+(?:\.\d+)?|\([a-z]\)|[a-z]\))\s+(?P<rest>.+)$"
)


@dataclass
class Part:
    article: str
    number: str
    heading: str
    text: str


def split(text: str) -> Iterator[Part]:
    """Articles start at a line such as ``ARTICLE 12 – SENIORITY`` or ``CLÁUSULA 45.``;
    numbered paragraphs inside (``12.3``, ``a)``) become clauses of their own."""
    article, heading = "", ""
    number = ""
    lines: list[str] = []

    def flush() -> Iterator[Part]:
        body = "\n".join(line for line in lines if line.strip()).strip()
        if body:
            yield Part(article=article, number=number, heading=heading[:300], text=body)

    for line in text.splitlines():
        found = ARTICLE.match(line)
        if found:
            yield from flush()
            article, heading = found["label"].strip(), found["heading"].strip()
            number, lines = "", []
            continue
        numbered = NUMBERED.match(line)
        if numbered and article:
            yield from flush()
            number, lines = numbered["number"], [numbered["rest"]]
            continue
        lines.append(line)
    yield from flush()
