"""Reading uploaded tables within their limits."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from alianza.lib.tabular import ImportReport, check_rows, upload_rows


def huge_xlsx(rows: int) -> bytes:
    """A real workbook whose sheet holds ``rows`` lines: small in bytes, many rows."""
    book = Workbook()
    book.active.append(["name"])
    out = io.BytesIO()
    book.save(out)
    lines = '<row><c t="inlineStr"><is><t>Ana</t></is></c></row>' * rows
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>'
        f"{lines}</sheetData></worksheet>"
    )
    result = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(out.getvalue())) as source,
        zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            target.writestr(info.filename, data)
    return result.getvalue()


def test_a_huge_workbook_is_refused_at_the_row_limit():
    data = huge_xlsx(1_000_000)
    assert len(data) < 200_000  # small in bytes, like the 141 KB one
    report = ImportReport(kind="roll")
    check_rows(
        ["name*"], upload_rows("roll.xlsx", data, 20 * 1024 * 1024), report, 1000
    )
    assert report.problems == [
        "A file may hold at most 1000 lines; split it into smaller files."
    ]
    assert report.lines == []


def test_a_workbook_that_unpacks_too_far_is_refused_before_it_is_read():
    data = huge_xlsx(1_000_000)
    with pytest.raises(ValueError, match="unpacks to more than"):
        upload_rows("roll.xlsx", data, 1_000_000)


def test_a_file_over_the_byte_limit_is_refused_unread():
    with pytest.raises(ValueError, match="larger than 1000"):
        upload_rows("roll.csv", b"name\n" + b"Ana\n" * 1000, 1000)


def test_blank_lines_count_towards_the_row_limit():
    report = ImportReport(kind="roll")
    data = b"name\n" + b",\n" * 200_000
    check_rows(["name*"], upload_rows("roll.csv", data, 10**7), report, 50)
    assert report.problems == [
        "A file may hold at most 50 lines; split it into smaller files."
    ]


def test_a_file_within_its_limits_is_read_whole():
    report = ImportReport(kind="roll")
    check_rows(["name*"], upload_rows("roll.csv", b"name\nAna\nLuis\n", 100), report, 2)
    assert report.ok and [line.values["name"] for line in report.lines] == [
        "Ana",
        "Luis",
    ]
