"""Printable documents (minutes, letters, certificates) as PDF through ReportLab.

A document is built from blocks (headings, paragraphs, tables, two columns side by
side for two languages) and rendered to bytes. Every PDF embeds DejaVu Sans
(vendored in ``lib/fonts/``, see ``vendor-fonts.sh``): the 14 standard PDF fonts
stop at Latin-1, and the app accepts names such as Łukasz or Nguyễn Thị Hương. Only
the letters a document uses are embedded (ReportLab subsets the font).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Image,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

FONTS = Path(__file__).resolve().parent / "fonts"
SANS, SANS_BOLD, MONO_BOLD = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono-Bold"
INK = colors.HexColor("#1f2a44")
LETTERHEAD = colors.HexColor("#7a1f1f")


@cache
def register_fonts() -> None:
    """Make the vendored fonts known to ReportLab, once per process; ``<b>`` in a
    paragraph takes the bold face."""
    for name in (SANS, SANS_BOLD, MONO_BOLD):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
    )
    for bold in (SANS_BOLD, MONO_BOLD):  # a style set in bold stays bold
        pdfmetrics.registerFontFamily(
            bold, normal=bold, bold=bold, italic=bold, boldItalic=bold
        )


_BASE = getSampleStyleSheet()


def _style(name: str, parent: str, **values: object) -> ParagraphStyle:
    return ParagraphStyle(name, parent=_BASE[parent], **values)


#: A heading stays on the page of what follows it (never last on a page).
STYLES = {
    "title": _style(
        "title", "Title", fontName=SANS_BOLD, fontSize=17, leading=21, textColor=INK
    ),
    "subtitle": _style(
        "subtitle", "Normal", fontName=SANS, alignment=TA_CENTER, textColor=colors.grey
    ),
    "h1": _style(
        "h1", "Heading2", fontName=SANS_BOLD, fontSize=13, leading=16,
        spaceBefore=10, spaceAfter=4, textColor=INK, keepWithNext=1,
    ),
    "h2": _style(
        "h2", "Heading3", fontName=SANS_BOLD, fontSize=11, leading=14,
        spaceBefore=6, spaceAfter=3, textColor=INK, keepWithNext=1,
    ),
    "body": _style("body", "BodyText", fontName=SANS, fontSize=10, leading=14),
    "small": _style(
        "small", "BodyText", fontName=SANS, fontSize=8, leading=10,
        textColor=colors.grey,
    ),
    "cell": _style("cell", "BodyText", fontName=SANS, fontSize=9, leading=11),
    "cell_right": _style(
        "cell_right", "BodyText", fontName=SANS, fontSize=9, leading=11,
        alignment=TA_RIGHT,
    ),
    "strong": _style(
        "strong", "BodyText", fontName=MONO_BOLD, fontSize=15, leading=20
    ),
    "letterhead": _style(
        "letterhead", "Normal", fontName=SANS_BOLD, fontSize=13, textColor=LETTERHEAD
    ),
}  # fmt: skip


STYLES["letterhead_small"] = _style(
    "letterhead_small", "Normal", fontName=SANS_BOLD, fontSize=10, leading=12,
    alignment=TA_CENTER, textColor=LETTERHEAD,
)  # fmt: skip
STYLES["small_centred"] = _style(
    "small_centred", "BodyText", fontName=SANS, fontSize=7, leading=9,
    alignment=TA_CENTER, textColor=colors.grey,
)  # fmt: skip
LOGO_HEIGHT = 16 * mm


@dataclass(frozen=True)
class Letterhead:
    """One organisation at the top of a letter: its name, a line under it (its
    countries) and its logo (image bytes), if any."""

    name: str
    line: str = ""
    logo: bytes | None = None


def _logo(data: bytes) -> Flowable:
    """The logo at the letterhead's height, its proportions kept."""
    reader = ImageReader(BytesIO(data))
    w, h = reader.getSize()
    return Image(BytesIO(data), width=LOGO_HEIGHT * w / max(h, 1), height=LOGO_HEIGHT)


def text(value: object) -> str:
    """Plain text made safe for ReportLab's mini-markup, keeping line breaks."""
    return escape(str(value)).replace("\n", "<br/>")


class PdfDocument:
    """Blocks in reading order, rendered once with ``render()``."""

    def __init__(
        self,
        title: str,
        *,
        subtitle: str = "",
        letterhead: Sequence[str] = (),
        letterheads: Sequence[Letterhead] = (),
        footer: str = "",
        page_size: str = "a4",
        watermark: str = "",
    ) -> None:
        """``letterheads``: several organisations side by side at the top, each
        with its logo when it has one (a letter co-signed by several unions);
        ``watermark``: a word across every page (DRAFT)."""
        register_fonts()  # before the first paragraph, which looks its font up
        self.title = title
        self.footer = footer
        self.watermark = watermark
        self.page_size = LETTER if page_size == "letter" else A4
        self.blocks: list[Flowable] = []
        if letterheads:
            self._letterheads(letterheads)
        elif letterhead:
            self.blocks.append(Paragraph(text(letterhead[0]), STYLES["letterhead"]))
            for line in letterhead[1:]:
                self.blocks.append(Paragraph(text(line), STYLES["small"]))
            self.blocks.append(HRFlowable(width="100%", color=LETTERHEAD))
            self.blocks.append(Spacer(1, 4 * mm))
        self.blocks.append(Paragraph(text(title), STYLES["title"]))
        if subtitle:
            self.blocks.append(Paragraph(text(subtitle), STYLES["subtitle"]))
            self.blocks.append(Spacer(1, 4 * mm))

    def _letterheads(self, heads: Sequence[Letterhead]) -> None:
        usable = self.page_size[0] - 40 * mm
        cells = []
        for head in heads:
            cell: list[Flowable] = []
            if head.logo:
                cell.append(_logo(head.logo))
            cell.append(Paragraph(text(head.name), STYLES["letterhead_small"]))
            if head.line:
                cell.append(Paragraph(text(head.line), STYLES["small_centred"]))
            cells.append(cell)
        grid = Table([cells], colWidths=[usable / len(cells)] * len(cells))
        grid.setStyle(
            TableStyle(
                [("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                 ("ALIGN", (0, 0), (-1, -1), "CENTER")]
            )
        )  # fmt: skip
        self.blocks += [grid, HRFlowable(width="100%", color=LETTERHEAD),
                        Spacer(1, 4 * mm)]  # fmt: skip

    def heading(self, value: str, level: int = 1) -> None:
        self.blocks.append(Paragraph(text(value), STYLES["h1" if level == 1 else "h2"]))

    def paragraph(self, value: str, style: str = "body") -> None:
        self.blocks.append(Paragraph(text(value), STYLES[style]))

    def spacer(self, height_mm: float = 4) -> None:
        self.blocks.append(Spacer(1, height_mm * mm))

    def table(
        self,
        rows: Sequence[Sequence[object]],
        *,
        header: Sequence[str] = (),
        widths: Sequence[float] | None = None,
        right_from: int | None = None,
    ) -> None:
        """A grid of plain values; ``widths`` are fractions of the text width; the
        columns from ``right_from`` on (figures) are aligned right."""

        def cell_style(n: int) -> ParagraphStyle:
            right = right_from is not None and n >= right_from
            return STYLES["cell_right" if right else "cell"]

        data = []
        if header:
            data.append(
                [
                    Paragraph(f"<b>{text(h)}</b>", cell_style(n))
                    for n, h in enumerate(header)
                ]
            )
        data += [
            [Paragraph(text(v), cell_style(n)) for n, v in enumerate(row)]
            for row in rows
        ]
        if not data:
            return
        usable = self.page_size[0] - 40 * mm
        col_widths = [usable * w for w in widths] if widths else None
        grid = Table(data, colWidths=col_widths, repeatRows=1 if header else 0)
        style = [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.lightgrey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f0f0")))
        grid.setStyle(TableStyle(style))
        self.blocks.append(grid)
        self.blocks.append(Spacer(1, 3 * mm))

    def side_by_side(
        self, left: Sequence[str], right: Sequence[str], strong: Sequence[int] = ()
    ) -> None:
        """Two columns of paragraphs, e.g. the same text in two languages, each
        paragraph beside its translation (see ``align``); the rows numbered in
        ``strong`` stand out (a code to type, a result)."""
        usable = self.page_size[0] - 40 * mm
        rows = [
            [
                Paragraph(
                    "<br/><br/>".join(text(p) for p in a),
                    STYLES["strong" if n in strong else "body"],
                ),
                Paragraph(
                    "<br/><br/>".join(text(p) for p in b),
                    STYLES["strong" if n in strong else "body"],
                ),
            ]
            for n, (a, b) in enumerate(align(left, right))
        ]
        if not rows:
            return
        grid = Table(rows, colWidths=[usable / 2, usable / 2])
        grid.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), SANS),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEAFTER", (0, 0), (0, -1), 0.25, colors.lightgrey),
                ]
            )
        )
        self.blocks.append(grid)

    def bars(self, rows: Sequence[tuple[str, int]], title: str = "") -> None:
        """A horizontal bar chart of ``rows`` (label, count), its title above it;
        the numbers printed at the end of each bar (the table beside it says the
        same in full)."""
        from django.utils.formats import number_format
        from reportlab.graphics.shapes import Drawing, Rect, String

        if not rows:
            return
        usable = self.page_size[0] - 40 * mm
        label_width, bar_height, gap = usable * 0.45, 10.0, 4.0
        most = max((n for _label, n in rows), default=0) or 1
        room = usable - label_width - 30
        drawing = Drawing(usable, len(rows) * (bar_height + gap) + 14)
        if title:
            drawing.add(String(0, drawing.height - 10, title, fontName=SANS_BOLD,
                               fontSize=8, fillColor=INK))  # fmt: skip
        for number, (label, count) in enumerate(rows):
            y = drawing.height - 14 - (number + 1) * (bar_height + gap)
            shown = label if len(label) <= 48 else label[:47] + "…"
            drawing.add(String(0, y + 2, shown, fontName=SANS, fontSize=7))
            width = room * count / most
            drawing.add(Rect(label_width, y, max(width, 0.5), bar_height,
                             fillColor=INK, strokeColor=None))  # fmt: skip
            drawing.add(String(label_width + width + 3, y + 2, number_format(count, force_grouping=True),
                               fontName=SANS, fontSize=7))  # fmt: skip
        self.blocks.append(drawing)
        self.blocks.append(Spacer(1, 3 * mm))

    def page_break(self) -> None:
        self.blocks.append(PageBreak())

    def render(self) -> bytes:
        out = BytesIO()
        footer = self.footer
        blocks = list(self.blocks)
        # A page break or a space at the very end would start a blank last page.
        while blocks and isinstance(blocks[-1], PageBreak | Spacer):
            blocks.pop()

        watermark = self.watermark
        width, height = self.page_size

        def on_page(canvas, doc) -> None:
            canvas.saveState()
            if watermark:
                canvas.setFont(SANS_BOLD, 96)
                canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.18))
                canvas.translate(width / 2, height / 2)
                canvas.rotate(40)
                canvas.drawCentredString(0, -30, watermark)
                canvas.restoreState()
                canvas.saveState()
            canvas.setFont(SANS, 8)
            canvas.setFillColor(colors.grey)
            canvas.drawString(20 * mm, 10 * mm, footer)
            canvas.drawRightString(
                self.page_size[0] - 20 * mm, 10 * mm, str(canvas.getPageNumber())
            )
            canvas.restoreState()

        doc = SimpleDocTemplate(
            out,
            pagesize=self.page_size,
            title=self.title,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=18 * mm,
            bottomMargin=18 * mm,
            initialFontName=SANS,  # not Helvetica, which every page would list
        )
        doc.build(blocks, onFirstPage=on_page, onLaterPages=on_page)
        return out.getvalue()


# --- Paragraphs beside their translation ---------------------------------------------

#: How likely each way of pairing paragraphs is (Gale and Church, 1993): one with
#: one, one split in two, two run together, one with none.
_PAIRINGS = {(1, 1): 0.89, (1, 2): 0.045, (2, 1): 0.045, (2, 2): 0.011,
             (1, 0): 0.005, (0, 1): 0.005}  # fmt: skip
#: The variance of the length of a translation per character of the original.
_VARIANCE = 6.8


def _length_cost(a: int, b: int, ratio: float) -> float:
    """How unlikely it is that texts of ``a`` and ``b`` characters translate each
    other (minus the log of the probability), for a pairing of both sides."""
    mean = (a + b / ratio) / 2
    z = abs(a * ratio - b) / math.sqrt(max(mean, 1) * _VARIANCE)
    tail = max(2 * (1 - 0.5 * (1 + math.erf(z / math.sqrt(2)))), 1e-12)
    return -math.log(tail)


def align(
    left: Sequence[str], right: Sequence[str]
) -> list[tuple[list[str], list[str]]]:
    """Rows of paragraphs, each row a paragraph beside its translation. When both
    sides have as many paragraphs, each is paired with the one in its place; when a
    translator split a paragraph, ran two together, added or left one out, the
    paragraphs are paired by their lengths (Gale and Church's method), so that a
    paragraph stays beside its translation to the end of the text."""
    if len(left) == len(right):
        return [([a], [b]) for a, b in zip(left, right, strict=True)]
    sizes_a = [len(p) for p in left]
    sizes_b = [len(p) for p in right]
    # Spanish and French run a little longer than English: the texts' own ratio,
    # within bounds, since a paragraph left out would skew it.
    ratio = min(max((sum(sizes_b) or 1) / (sum(sizes_a) or 1), 0.8), 1.25)
    n, m = len(left), len(right)
    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for (di, dj), prior in _PAIRINGS.items():
                if i < di or j < dj or best[i - di][j - dj] == math.inf:
                    continue
                cost = best[i - di][j - dj] - math.log(prior)
                if di and dj:
                    cost += _length_cost(
                        sum(sizes_a[i - di : i]), sum(sizes_b[j - dj : j]), ratio
                    )
                if cost < best[i][j]:
                    best[i][j], step[i][j] = cost, (di, dj)
    rows = []
    i, j = n, m
    while i or j:
        di, dj = step[i][j]
        rows.append((list(left[i - di : i]), list(right[j - dj : j])))
        i, j = i - di, j - dj
    return rows[::-1]
