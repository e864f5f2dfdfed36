"""Exports that a spreadsheet program shows as text, never runs as formulas: the CSV
(read back with the csv module) and the XLSX (opened with openpyxl)."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from alianza.lib.table_export import (
    Column,
    Kind,
    Table,
    csv_bytes,
    download,
    safe_cell,
    xlsx_bytes,
)

FORMULAS = ['=HYPERLINK("x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def people(*rows) -> Table:
    return Table(
        name="people",
        columns=[
            Column("Name"),
            Column("Phone", Kind.PHONE),
            Column("Worker number", Kind.ID),
            Column("Since", Kind.DATE),
            Column("Weight", Kind.NUMBER),
        ],
        rows=[list(r) for r in rows],
    )


def csv_lines(table: Table) -> list[list[str]]:
    data = csv_bytes(table)
    assert data.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte-order mark
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def sheet_of(table: Table):
    return load_workbook(io.BytesIO(xlsx_bytes(table))).active


@pytest.mark.parametrize("value", FORMULAS)
def test_a_formula_is_written_to_the_csv_as_text(value):
    assert safe_cell(value) == "'" + value
    assert csv_lines(people([value]))[1][0] == "'" + value


def test_the_csv_keeps_names_phones_and_ids_readable():
    lines = csv_lines(
        people(
            ['=HYPERLINK("x")', "+5215512345678", "007", date(2024, 3, 1), 2],
            ["Łukasz Nguyễn Thị Hương", "+52 55 1234 5678", "+1", None, -3],
            ["Ana = Luis", "=cmd|' /C calc'!A0", "@2", None, None],
        )
    )
    assert lines[0] == ["Name", "Phone", "Worker number", "Since", "Weight"]
    assert lines[1] == ['\'=HYPERLINK("x")', "+5215512345678", "007", "2024-03-01", "2"]
    # A phone written with spaces is written in its international form, readable.
    assert lines[2][:2] == ["Łukasz Nguyễn Thị Hương", "+525512345678"]
    assert lines[2][2:] == ["'+1", "", "-3"]  # an id like a formula; a number as is
    # In a phone column, what is not a phone number is text like any other.
    assert lines[3] == ["Ana = Luis", "'=cmd|' /C calc'!A0", "'@2", "", ""]


def test_the_workbook_keeps_a_formula_looking_name_as_text():
    sheet = sheet_of(
        people(['=HYPERLINK("x")', "+5215512345678", "0042", date(2024, 3, 1), 2])
    )
    assert [c.value for c in sheet[1]] == [
        "Name",
        "Phone",
        "Worker number",
        "Since",
        "Weight",
    ]
    assert sheet[1][0].font.b  # the header in bold
    name, phone, worker, since, weight = sheet[2]
    assert (name.value, name.data_type) == ('=HYPERLINK("x")', "s")
    assert name.quotePrefix  # Excel keeps it text when the cell is edited
    assert (phone.value, phone.data_type, phone.number_format) == (
        "+5215512345678",
        "s",
        "@",
    )
    assert (worker.value, worker.data_type) == ("0042", "s")  # its zeros kept
    assert since.is_date and since.value.date() == date(2024, 3, 1)
    assert (weight.value, weight.data_type) == (2, "n")
    assert sheet.freeze_panes == "A2"


@pytest.mark.parametrize("value", FORMULAS)
def test_no_cell_of_the_workbook_is_a_formula(value):
    cell = sheet_of(people([value, value, value]))[2]
    assert [c.data_type for c in cell[:3]] == ["s", "s", "s"]
    assert cell[0].value == value


def test_a_download_is_named_after_its_table_and_format():
    table = people(["Ana"])
    csv_response = download(table, "csv")
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response["Content-Disposition"] == 'attachment; filename="people.csv"'
    xlsx_response = download(table, "xlsx")
    assert "spreadsheetml" in xlsx_response["Content-Type"]
    assert xlsx_response["Content-Disposition"].endswith('filename="people.xlsx"')
    assert load_workbook(io.BytesIO(xlsx_response.content)).active["A2"].value == "Ana"
