"""One reader for every import: commas, semicolons (as Spanish and French spreadsheet
programs write them) or tabs, with a byte-order mark or not, in UTF-8 or in Excel's
Windows encoding; every value read as text."""

import io

import pytest
from openpyxl import Workbook

from alianza.lib.table_export import Column, Kind, Table, csv_bytes
from alianza.lib.tabular import ImportReport, check_rows, delimiter_of, upload_rows

COLUMNS = ["nombre*", "teléfono", "número"]


def read(name: str, data: bytes, columns=COLUMNS) -> ImportReport:
    report = ImportReport(kind="test")
    check_rows(columns, upload_rows(name, data, 10**6), report, 100)
    return report


def values(report: ImportReport) -> list[list[str]]:
    assert report.ok, (report.problems, [line.errors for line in report.lines])
    return [list(line.values.values()) for line in report.lines]


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ("nombre,teléfono,número\n", ","),
        ("nombre;teléfono;número\n", ";"),
        ("nombre\tteléfono\tnúmero\n", "\t"),
        ("nombre\n", ","),
        ('"a;b",c\n', ","),  # a semicolon inside quotes does not separate
    ],
)
def test_the_separator_is_judged_from_the_column_names(text, separator):
    assert delimiter_of(text) == separator


def test_a_spanish_semicolon_file_keeps_phones_and_zeros_as_text():
    data = (
        "\ufeffnombre;teléfono;número\r\n"
        "Gloria Hernández;+52 55 1234 5678;007\r\n"
        '"Pérez; Juan";0445512345678;0100\r\n'
    ).encode()
    assert values(read("padrón.csv", data)) == [
        ["Gloria Hernández", "+52 55 1234 5678", "007"],
        ["Pérez; Juan", "0445512345678", "0100"],
    ]


def test_a_french_file_from_excel_in_its_windows_encoding():
    data = "nombre;teléfono;número\r\nFrançoise Lévesque;+15145550123;0042\r\n"
    assert values(read("liste.csv", data.encode("cp1252"))) == [
        ["Françoise Lévesque", "+15145550123", "0042"]
    ]


def test_a_tab_separated_file_is_read_too():
    data = "nombre\tteléfono\tnúmero\nŁukasz Nguyễn Thị Hương\t+48221234567\t1\n"
    assert values(read("lista.tsv", data.encode())) == [
        ["Łukasz Nguyễn Thị Hương", "+48221234567", "1"]
    ]


def test_an_export_of_alianza_reads_back_as_it_was_written():
    table = Table(
        name="people",
        columns=[Column("nombre"), Column("teléfono", Kind.PHONE), Column("número")],
        rows=[['=HYPERLINK("x")', "+5215512345678", "-7"]],
    )
    assert values(read("people.csv", csv_bytes(table))) == [
        ['=HYPERLINK("x")', "+5215512345678", "-7"]
    ]


def test_a_workbook_gives_numbers_typed_as_numbers_without_decimals():
    book = Workbook()
    book.active.append(["nombre", "teléfono", "número"])
    book.active.append(["Ana", "+5215512345678", 5215512345678.0])
    book.active.append(["Luis", 6451112222, "007"])
    out = io.BytesIO()
    book.save(out)
    assert values(read("padrón.xlsx", out.getvalue())) == [
        ["Ana", "+5215512345678", "5215512345678"],
        ["Luis", "6451112222", "007"],
    ]


def test_a_missing_name_is_reported_with_its_line_and_column():
    report = read("padrón.csv", "nombre;teléfono\nAna;1\n;2\n".encode())
    (wrong,) = [line for line in report.lines if not line.ok]
    assert (wrong.number, wrong.errors) == (3, ["nombre: required."])


def test_a_line_that_is_not_csv_is_named():
    data = b'nombre\nAna\n"Luis\n'
    report = read("padrón.csv", data)
    assert report.problems == [
        "Line 3 cannot be read as CSV: check its quotation marks, and save the "
        "file again as CSV."
    ]


def test_a_file_in_neither_encoding_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="UTF-8, or as XLSX"):
        upload_rows("padrón.csv", b"nombre\nA\x81\x8d\n", 10**6)
