"""The roll's file is refused at its byte and row limits, before it is read whole;
what the participation export writes is shown as text by spreadsheet programs."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from alianza.elections.actions import import_roll
from alianza.lib.tests.test_tabular import huge_xlsx

from .helpers import new_election


@pytest.fixture(autouse=True)
def _refusals_read_in_english(world):
    """These tests read the refusals' words in English, so every persona reads English
    here (the Spanish and French wording is the catalogues', checked in CI)."""
    from alianza.accounts.models import User

    User.objects.update(language="en")


def test_a_huge_excel_roll_is_refused_at_the_row_limit(world, monkeypatch):
    monkeypatch.setattr("alianza.elections.actions.roll.MAX_ROWS", 1000)
    election = new_election(world, voters=0)
    data = huge_xlsx(1_000_000)
    report = import_roll(world["mineros_staff"], election, "roll.xlsx", data)
    assert not report.ok and report.saved == 0
    assert "at most 1000 lines" in " ".join(report.problems)
    assert election.voters.count() == 0


def test_a_row_numbered_a_million_counts_as_a_million_rows(world, monkeypatch):
    monkeypatch.setattr("alianza.elections.actions.roll.MAX_ROWS", 1000)
    election = new_election(world, voters=0)
    book = Workbook()
    book.active.append(["name"])
    book.active.cell(row=1_048_576, column=1, value="Ana")
    out = io.BytesIO()
    book.save(out)
    report = import_roll(world["mineros_staff"], election, "roll.xlsx", out.getvalue())
    assert "at most 1000 lines" in " ".join(report.problems)
    assert election.voters.count() == 0


def test_a_damaged_workbook_is_refused(world):
    election = new_election(world, voters=0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not-a-workbook")
    report = import_roll(world["mineros_staff"], election, "roll.xlsx", out.getvalue())
    assert report.problems == ["This is not an Excel (XLSX) file Alianza can read."]


def test_the_roll_form_refuses_a_file_over_its_size(world, client, monkeypatch):
    monkeypatch.setattr("alianza.elections.forms.MAX_BYTES", 1000)
    election = new_election(world, voters=0)
    client.force_login(world["mineros_staff"])
    upload = SimpleUploadedFile("roll.csv", b"name\n" + b"Ana Lopez\n" * 200)
    response = client.post(
        reverse("elections:voters", args=[election.uid]),
        {"file": upload},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 200
    assert "larger than 1000" in response.content.decode()
    assert election.voters.count() == 0


def test_participation_export_neutralises_formulas(world, client):
    election = new_election(world, voters=0)
    election.voters.create(name='=HYPERLINK("http://x","y")', worker_number="@1")
    # The election's setting lets its managers see who voted.
    type(election).objects.filter(pk=election.pk).update(
        participation_visible_to="managers"
    )
    client.force_login(world["mineros_staff"])
    text = client.get(
        reverse("elections:participation", args=[election.uid])
    ).content.decode()
    assert '"\'=HYPERLINK(""http://x"",""y"")",\'@1' in text
