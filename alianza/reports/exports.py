"""The quarterly report as a PDF (in the reader's language) and as an Excel workbook
(one sheet per section, written through ``lib.table_export``, formula-safe)."""

from datetime import UTC

from django.utils import formats
from django.utils.translation import gettext as _

from alianza.lib.pdf import PdfDocument
from alianza.lib.table_export import Column, Kind, Table, xlsx_workbook_bytes
from alianza.lib.when import for_reader

from .sections import sections
from .selectors import QuarterReport


def span_text(report: QuarterReport) -> str:
    """The quarter's span, its zone named: what every figure counts."""
    quarter = report.quarter
    return _(
        "From %(start)s up to, not including, %(end)s, in UTC (Coordinated "
        "Universal Time): a record counts when it happened in that span."
    ) % {
        "start": formats.date_format(quarter.start.astimezone(UTC), "DATETIME_FORMAT"),
        "end": formats.date_format(quarter.end.astimezone(UTC), "DATETIME_FORMAT"),
    }


def _shown(value: object) -> str:
    if isinstance(value, int):
        return formats.number_format(value, force_grouping=True)
    return str(value)


def file_name(report: QuarterReport) -> str:
    q = report.quarter
    return f"report-{report.scope}-{q.year}-q{q.number}"


def pdf_bytes(report: QuarterReport) -> bytes:
    """The report in the active language (the reader's)."""
    doc = PdfDocument(
        report.title,
        subtitle=report.quarter.label,
        footer=_("Alianza: made %(when)s") % {"when": for_reader(report.made_at)},
    )
    doc.paragraph(span_text(report), "small")
    doc.spacer()
    names = [f.label for f in report.columns]
    share = 0.55 / len(names)
    for section in sections(report):
        doc.heading(section.title)
        doc.table(
            [[line.label, *map(_shown, line.values)] for line in section.lines],
            header=[_("Figure"), *names],
            widths=[0.45, *([share] * len(names))],
            right_from=1,
        )
        bars = section.bars(names)
        if any(n for _label, n in bars):  # all zero: nothing to compare
            doc.bars(bars, section.chart_title)
    return doc.render()


def workbook_bytes(report: QuarterReport) -> bytes:
    """A sheet per section: a figure a row, a union (and the alliance) a column."""
    names = [f.label for f in report.columns]
    tables = []
    for section in sections(report):
        table = Table(
            name=section.title,
            columns=[
                Column(_("Figure"), width=44),
                *(Column(name, Kind.NUMBER, width=16) for name in names),
            ],
        )
        for line in section.lines:
            table.rows.append([line.label, *line.values])
        tables.append(table)
    return xlsx_workbook_bytes(tables)
