"""The people export writes a name a member may edit as text, never as a formula,
in both formats, and keeps phone numbers readable."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

NAME = '=HYPERLINK("http://x","y")'


def test_a_formula_in_a_name_is_exported_as_text(world, client):
    world.rank_and_file.name = NAME
    world.rank_and_file.save()
    client.force_login(world["mineros_staff"])
    response = client.get(reverse("orgs:people_export", args=[world.mineros.slug]))
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = [row[0] for row in rows[1:]]
    assert "'" + NAME in names and NAME not in names
    phones = [row[-1] for row in rows[1:] if row[-1]]
    assert "+526450000000" in phones  # "+52 645 000 0000", in its E.164 form


def test_the_workbook_keeps_the_name_as_text_and_the_phone_readable(world, client):
    world.rank_and_file.name = NAME
    world.rank_and_file.save()
    client.force_login(world["mineros_staff"])
    response = client.get(reverse("orgs:people_export_xlsx", args=[world.mineros.slug]))
    assert response["Content-Disposition"].endswith('los-mineros-people.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2))
    name = next(row[0] for row in rows if row[0].value == NAME)
    assert name.data_type == "s"  # text, not a formula
    phones = {row[-1].value for row in rows if row[-1].value}
    assert "+526450000000" in phones
    assert all(row[-1].data_type == "s" for row in rows if row[-1].value)
