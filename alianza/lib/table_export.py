"""Tables people download, as CSV and as an Excel (XLSX) workbook. Every table
export of Alianza is written through here.

A spreadsheet program runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return as a formula (OWASP: CSV injection), so a name a member typed as
``=HYPERLINK("http://…")`` could open a link on the exporting officer's machine.

- **CSV** starts with a UTF-8 byte-order mark (so that Excel reads the accents of
  "Ramón" and "Łukasz" right) and writes such a text cell with a leading apostrophe:
  ``'=HYPERLINK(…)``, shown as the text it is.
- **Phones** are the exception: a column of phones (``Kind.PHONE``) writes a number in
  international form, ``+5215512345678`` (E.164: "+", then digits only), as it is.
  Read as a formula it is only a number, it runs nothing and reaches no other cell,
  and a person reading the file or an SMS gateway importing it needs the "+": an
  apostrophe would spoil it. A phone written with spaces (``+52 55 1234 5678``) is
  written in that same E.164 form; anything else in a phone column that starts like
  a formula is neutralised as any other text.
- **XLSX** carries the types itself: every text is a text cell (never a formula, and
  marked with Excel's "quote prefix", so that editing it keeps it text); phones and
  ids (worker numbers, CURP) are text cells in the text number format, so that Excel
  neither drops a leading "+" or "0" nor shows 5.2155E+12; dates are date cells.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.http import HttpResponse
from django.utils import timezone

#: What a spreadsheet program takes for the start of a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A phone number in international form, E.164: "+", a country code, up to 15 digits.
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
PHONE_SEPARATORS = re.compile(r"[\s().\-/]")

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


class Kind(StrEnum):
    """What a column holds, which decides how each format writes its cells."""

    TEXT = "text"
    PHONE = "phone"  # kept as text, readable
    ID = "id"  # worker numbers, CURP, codes: text, leading zeros kept
    DATE = "date"
    NUMBER = "number"


@dataclass(frozen=True)
class Column:
    title: str
    kind: Kind = Kind.TEXT
    width: int = 18  # in characters, for the workbook


@dataclass
class Table:
    """A table to download: ``name`` is the file's name (without its extension) and
    the sheet's title; ``rows`` hold plain values (text, numbers, dates, None)."""

    name: str
    columns: Sequence[Column]
    rows: list[list[Any]] = field(default_factory=list)

    @property
    def header(self) -> list[str]:
        return [str(c.title) for c in self.columns]


def safe_cell(value: Any) -> Any:
    """A cell as a CSV writes it: text that a spreadsheet program would run as a
    formula (``=HYPERLINK(…)`` in a name) gets a leading ``'``, so that it is shown
    as the text it is. Anything not text is returned as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def phone_text(value: Any) -> str:
    """A phone as an export writes it: without its spaces, dashes and brackets when
    it is then in international form (``+52 55 1234 5678`` as ``+525512345678``),
    else as it was written."""
    text = "" if value is None else str(value).strip()
    compact = PHONE_SEPARATORS.sub("", text)
    return compact if E164.match(compact) else text


def csv_cell(value: Any, kind: Kind = Kind.TEXT) -> Any:
    if value is None:
        return ""
    if kind == Kind.PHONE:
        text = phone_text(value)
        return text if E164.match(text) else safe_cell(text)
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return safe_cell(value if isinstance(value, int | float | Decimal) else str(value))


def write_csv(out: Any, table: Table) -> None:
    """Write ``table`` to ``out`` (a response or a text file) as CSV, after a
    byte-order mark, every text cell made safe for spreadsheet programs."""
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([safe_cell(title) for title in table.header])
    kinds = [c.kind for c in table.columns]
    for row in table.rows:
        writer.writerow([csv_cell(v, k) for v, k in zip(row, kinds, strict=False)])


def csv_bytes(table: Table) -> bytes:
    out = io.StringIO()
    write_csv(out, table)
    return out.getvalue().encode("utf-8")


def _xlsx_cell(sheet: Any, value: Any, kind: Kind) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if value is None or value == "":
        return None
    if kind == Kind.PHONE:
        value = phone_text(value)
    if isinstance(value, datetime):
        # Excel has no time zones: the time on the server's clock, without its zone.
        value = timezone.localtime(value).replace(tzinfo=None)
    elif not isinstance(value, int | float | Decimal | date) or kind in (
        Kind.PHONE,
        Kind.ID,
    ):
        value = str(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, never a formula, whatever it starts with
        if kind in (Kind.PHONE, Kind.ID):
            cell.number_format = "@"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    elif isinstance(value, datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def xlsx_bytes(table: Table) -> bytes:
    """The table as an Excel workbook of one sheet, its header in bold and frozen."""
    return xlsx_workbook_bytes([table])


def xlsx_workbook_bytes(tables: Sequence[Table]) -> bytes:
    """The tables as one Excel workbook, a sheet each (named after its table), each
    header in bold and frozen, every cell written as safely as ``xlsx_bytes``."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    for table in tables:
        # A sheet's title may not hold []:*?/\ and has at most 31 characters.
        sheet = book.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", table.name)[:31])
        for number, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = column.width
        sheet.freeze_panes = "A2"
        header = []
        for title in table.header:
            cell = WriteOnlyCell(sheet, value=title)
            cell.data_type = "s"
            cell.font = Font(bold=True)
            header.append(cell)
        sheet.append(header)
        kinds = [c.kind for c in table.columns]
        for row in table.rows:
            sheet.append(
                [_xlsx_cell(sheet, v, k) for v, k in zip(row, kinds, strict=False)]
            )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def download(table: Table, fmt: str) -> HttpResponse:
    """The response that downloads ``table`` as ``fmt`` ("csv" or "xlsx")."""
    if fmt == "xlsx":
        response = HttpResponse(xlsx_bytes(table), content_type=XLSX_TYPE)
    else:
        fmt = "csv"
        response = HttpResponse(csv_bytes(table), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{table.name}.{fmt}"'
    return response
