"""Reading a table people upload (CSV, or an Excel XLSX sheet) line by line, with a
report that names every wrong line. Shared by every import.

A CSV may be separated by commas, or by semicolons as Spanish and French spreadsheet
programs write it (their decimal separator is the comma), or by tabs; it may start
with a byte-order mark or not, and be in UTF-8 or in the Windows encoding that Excel
uses when told "CSV" in Spain, France or Mexico. Every value is read as text: a
phone keeps its leading "+" and zeros, a worker number its zeros. A cell that an
export of Alianza wrote with a leading apostrophe (``'=…``, so that a spreadsheet
shows it as text) is read back without it."""

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.template.defaultfilters import filesizeformat
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


#: How many times its own size an XLSX file may unpack to (a workbook is a zip
#: archive; a small file can hold a huge sheet).
XLSX_UNPACKED_RATIO = 20
#: Columns read from each line of a sheet; an import names a handful.
MAX_COLUMNS = 64


def size_problem(size: int, max_bytes: int) -> str | None:
    """A message for a file larger than ``max_bytes``, before anything is read."""
    if size <= max_bytes:
        return None
    return _("The file is larger than %(size)s; split it into smaller files.") % {
        "size": filesizeformat(max_bytes)
    }


def too_many_rows(max_rows: int) -> str:
    return _(
        "A file may hold at most %(count)s lines; split it into smaller files."
    ) % {"count": max_rows}


#: The separators a CSV may use, the first one preferred when a line is ambiguous.
DELIMITERS = (",", ";", "\t")
#: What a spreadsheet program takes for the start of a formula; an export writes
#: such a text with a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def delimiter_of(text: str) -> str:
    """The separator of a CSV text, judged from its first line (the column names):
    the one that splits it into the most columns."""
    first = text.split("\n", 1)[0]
    counts = {d: len(next(csv.reader([first], delimiter=d), [])) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))


def _as_written(cell: str) -> str:
    """A cell without the apostrophe an export puts before a formula-like text."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def csv_rows(text: str) -> Iterator[list[str]]:
    """The rows of a CSV text, one at a time, whatever its separator."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter_of(text), strict=True
    )
    return ([_as_written(cell) for cell in row] for row in reader)


def decode(data: bytes) -> str:
    """The text of an uploaded CSV: UTF-8 (with a byte-order mark or not), else the
    Windows encoding of Western Europe and the Americas (cp1252), as Excel writes a
    plain "CSV" there. Raises ValueError with a message for the person."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ValueError(_("Save the file as CSV in UTF-8, or as XLSX.")) from exc


def _xlsx_rows(data: bytes, max_bytes: int) -> Iterator[list[str]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise ValueError(
            _("This is not an Excel (XLSX) file Alianza can read.")
        ) from exc
    if unpacked > max_bytes * XLSX_UNPACKED_RATIO:
        raise ValueError(
            _(
                "The workbook unpacks to more than %(size)s; split it into smaller "
                "files."
            )
            % {"size": filesizeformat(max_bytes * XLSX_UNPACKED_RATIO)}
        )
    return _sheet_rows(data)


def _sheet_rows(data: bytes) -> Iterator[list[str]]:
    """The rows of a workbook's active sheet, parsed as they are read.

    openpyxl's own read-only sheet first reads the whole sheet to learn its size when
    the file does not declare it (a million rows took 20 s); its parser, used here
    directly, does not. Missing rows are given as blank ones, so that they count."""
    from openpyxl.reader.excel import ExcelReader

    unreadable = _("This is not an Excel (XLSX) file Alianza can read.")
    try:
        reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        sheets = [
            rel.target
            for _sheet, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type
        ]
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValueError(unreadable) from exc
    if not sheets:
        raise ValueError(_("The workbook has no sheet."))
    active = getattr(reader.wb, "_active_sheet_index", 0) or 0
    path = sheets[active if 0 <= active < len(sheets) else 0]
    return _parsed_rows(reader, path, unreadable)


def _parsed_rows(reader: Any, path: str, unreadable: str) -> Iterator[list[str]]:
    from openpyxl.worksheet._reader import WorkSheetParser

    expected = 1
    try:
        with reader.archive.open(path) as source:
            parser = WorkSheetParser(source, reader.shared_strings, data_only=True)
            for number, cells in parser.parse():
                while expected < number:
                    yield []
                    expected += 1
                row = [""] * min(
                    MAX_COLUMNS, max((c["column"] for c in cells), default=0)
                )
                for cell in cells:
                    if cell["column"] <= MAX_COLUMNS and cell["value"] is not None:
                        row[cell["column"] - 1] = _cell_text(cell["value"])
                yield row
                expected = number + 1
    except ValueError:
        raise
    except Exception as exc:  # a sheet damaged further in
        raise ValueError(unreadable) from exc


def _cell_text(value: Any) -> str:
    """A sheet's cell as text: a whole number typed as a number (a phone, a worker
    number) without the ".0" that the sheet stores."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _as_written(str(value).strip())


def upload_rows(name: str, data: bytes, max_bytes: int) -> Iterator[list[str]]:
    """The rows of an uploaded CSV (UTF-8) or XLSX file, as text, read one at a time
    (``check_rows`` stops reading at its row limit).

    Raises ValueError with a message for the person when the file is larger than
    ``max_bytes`` or cannot be read."""
    problem = size_problem(len(data), max_bytes)
    if problem:
        raise ValueError(problem)
    if name.lower().endswith(".xlsx"):
        return _xlsx_rows(data, max_bytes)
    return csv_rows(decode(data))


def check_rows(
    columns: list[str], rows: Iterable[list[str]], report: ImportReport, max_rows: int
) -> None:
    """Read the header and the lines into ``report``; ``columns`` are in order, the
    required ones starred."""
    names = [c.rstrip("*") for c in columns]
    required = [c.rstrip("*") for c in columns if c.endswith("*")]
    rows = iter(rows)
    try:
        header = [h.strip().lower() for h in next(rows, [])]
    except ValueError as error:
        report.problems.append(str(error))
        return
    except csv.Error:
        report.problems.append(_("This is not a CSV file Alianza can read."))
        return
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
    read = [1]  # the lines read so far, the column names' included

    def counted() -> Iterator[list[str]]:
        for row in rows:
            read[0] += 1
            yield row

    try:
        _read_lines(header, required, counted(), report, max_rows)
    except ValueError as error:
        report.problems.append(str(error))
        report.lines.clear()
    except csv.Error:
        report.problems.append(
            _(
                "Line %(line)s cannot be read as CSV: check its quotation marks, "
                "and save the file again as CSV."
            )
            % {"line": read[0] + 1}
        )
        report.lines.clear()


def _read_lines(
    header: list[str],
    required: list[str],
    rows: Iterator[list[str]],
    report: ImportReport,
    max_rows: int,
) -> None:
    # Every line read counts, blank or not, so that reading stops at the limit
    # however the file was made.
    for number, raw in enumerate(rows, start=2):
        if number - 1 > max_rows:
            report.problems.append(too_many_rows(max_rows))
            report.lines.clear()
            return
        if not any(cell.strip() for cell in raw):
            continue
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
