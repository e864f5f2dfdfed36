"""Printable documents (minutes, letters, certificates) as PDF through ReportLab.

A document is built from blocks (headings, paragraphs, tables, two columns side by
side for two languages) and rendered to bytes. The standard PDF fonts cover the
accented letters of Spanish and French, so nothing is fetched or embedded.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from itertools import zip_longest
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

_BASE = getSampleStyleSheet()
STYLES = {
    "title": ParagraphStyle("title", parent=_BASE["Title"], fontSize=17, leading=21),
    "subtitle": ParagraphStyle(
        "subtitle", parent=_BASE["Normal"], alignment=TA_CENTER, textColor=colors.grey
    ),
    "h1": ParagraphStyle("h1", parent=_BASE["Heading2"], spaceBefore=10),
    "h2": ParagraphStyle("h2", parent=_BASE["Heading3"], spaceBefore=6),
    "body": ParagraphStyle("body", parent=_BASE["BodyText"], leading=14),
    "small": ParagraphStyle(
        "small", parent=_BASE["BodyText"], fontSize=8, leading=10, textColor=colors.grey
    ),
    "cell": ParagraphStyle("cell", parent=_BASE["BodyText"], fontSize=9, leading=11),
    "strong": ParagraphStyle(
        "strong",
        parent=_BASE["BodyText"],
        fontName="Courier-Bold",
        fontSize=15,
        leading=20,
    ),
    "letterhead": ParagraphStyle(
        "letterhead",
        parent=_BASE["Normal"],
        fontName="Helvetica-Bold",
        fontSize=13,
        textColor=colors.HexColor("#7a1f1f"),
    ),
}


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
        footer: str = "",
        page_size: str = "a4",
    ) -> None:
        self.title = title
        self.footer = footer
        self.page_size = LETTER if page_size == "letter" else A4
        self.blocks: list[Flowable] = []
        if letterhead:
            self.blocks.append(Paragraph(text(letterhead[0]), STYLES["letterhead"]))
            for line in letterhead[1:]:
                self.blocks.append(Paragraph(text(line), STYLES["small"]))
            self.blocks.append(
                HRFlowable(width="100%", color=colors.HexColor("#7a1f1f"))
            )
            self.blocks.append(Spacer(1, 4 * mm))
        self.blocks.append(Paragraph(text(title), STYLES["title"]))
        if subtitle:
            self.blocks.append(Paragraph(text(subtitle), STYLES["subtitle"]))
            self.blocks.append(Spacer(1, 4 * mm))

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
    ) -> None:
        """A grid of plain values; ``widths`` are fractions of the text width."""
        data = []
        if header:
            data.append(
                [Paragraph(f"<b>{text(h)}</b>", STYLES["cell"]) for h in header]
            )
        data += [[Paragraph(text(v), STYLES["cell"]) for v in row] for row in rows]
        if not data:
            return
        usable = self.page_size[0] - 40 * mm
        col_widths = [usable * w for w in widths] if widths else None
        grid = Table(data, colWidths=col_widths, repeatRows=1 if header else 0)
        style = [
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
        """Two columns of paragraphs, e.g. the same text in two languages; the rows
        numbered in ``strong`` stand out (a code to type, a result)."""
        usable = self.page_size[0] - 40 * mm
        rows = [
            [
                Paragraph(text(a), STYLES["strong" if n in strong else "body"]),
                Paragraph(text(b), STYLES["strong" if n in strong else "body"]),
            ]
            for n, (a, b) in enumerate(zip_longest(left, right, fillvalue=""))
        ]
        if not rows:
            return
        grid = Table(rows, colWidths=[usable / 2, usable / 2])
        grid.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEAFTER", (0, 0), (0, -1), 0.25, colors.lightgrey),
                ]
            )
        )
        self.blocks.append(grid)

    def page_break(self) -> None:
        self.blocks.append(PageBreak())

    def render(self) -> bytes:
        out = BytesIO()
        footer = self.footer

        def on_page(canvas, doc) -> None:
            canvas.saveState()
            canvas.setFont("Helvetica", 8)
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
        )
        doc.build(list(self.blocks), onFirstPage=on_page, onLaterPages=on_page)
        return out.getvalue()
