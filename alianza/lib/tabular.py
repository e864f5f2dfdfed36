"""Reading a table people upload (CSV, or an Excel XLSX sheet) line by line, with a
report that names every wrong line. Shared by every import."""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass
class ImportLine:
    number: int
    values: dict[str, str]
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportReport:
    kind: str
    lines: list[ImportLine] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # about the file as a whole
    saved: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and all(line.ok for line in self.lines)

    @property
    def error_count(self) -> int:
        return len(self.problems) + sum(1 for line in self.lines if not line.ok)


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def upload_rows(name: str, data: bytes) -> list[list[str]]:
    """The rows of an uploaded CSV (UTF-8) or XLSX file, as text.

    Raises ValueError with a message for the person when the file cannot be read."""
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(
                io.BytesIO(data), read_only=True, data_only=True
            ).active
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ValueError(
                _("This is not an Excel (XLSX) file Alianza can read.")
            ) from exc
        if sheet is None:
            raise ValueError(_("The workbook has no sheet."))
        return [
            ["" if cell is None else str(cell).strip() for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    try:
        return csv_rows(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(_("Save the file as CSV in UTF-8, or as XLSX.")) from exc


def check_rows(
    columns: list[str], rows: Iterable[list[str]], report: ImportReport, max_rows: int
) -> None:
    """Read the header and the lines into ``report``; ``columns`` are in order, the
    required ones starred."""
    names = [c.rstrip("*") for c in columns]
    required = [c.rstrip("*") for c in columns if c.endswith("*")]
    rows = iter(rows)
    header = [h.strip().lower() for h in next(rows, [])]
    missing = [c for c in required if c not in header]
    unknown = [h for h in header if h and h not in names]
    if missing:
        report.problems.append(
            _("The first line must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    if unknown:
        report.problems.append(
            _("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)}
        )
    if report.problems:
        return
    for number, raw in enumerate(rows, start=2):
        if not any(cell.strip() for cell in raw):
            continue
        if number - 1 > max_rows:
            report.problems.append(
                _("A file may hold at most %(count)s lines.") % {"count": max_rows}
            )
            return
        values = {
            column: (raw[i] if i < len(raw) else "").strip()
            for i, column in enumerate(header)
            if column
        }
        line = ImportLine(number=number, values=values)
        for column in required:
            if not values.get(column):
                line.errors.append(_("%(column)s: required.") % {"column": column})
        report.lines.append(line)
