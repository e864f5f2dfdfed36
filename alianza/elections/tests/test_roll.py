import io

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook

from alianza.elections.actions import correct_voter, import_roll
from alianza.elections.roll_lines import curp_is_valid

from .helpers import new_election

GOOD_CURP = "HEGG560427MVZRRL04"  # RENAPO's published example


def test_curp_format_and_check_digit():
    assert curp_is_valid(GOOD_CURP)
    assert not curp_is_valid("HEGG560427MVZRRL05")  # wrong check digit
    assert not curp_is_valid("HEGG561327MVZRRL04")  # month 13


def test_a_roll_with_a_wrong_line_saves_nothing_and_names_the_line(world):
    election = new_election(world, voters=0)
    data = (
        "name,worker_number,curp,email,phone,language,weight\n"
        f"Gloria Hernández,1001,{GOOD_CURP},gloria@example.org,,es,1\n"
        "Juan Pérez,1002,XXXX,,+52 645 111 2222,es,1\n"
        "Rosa Díaz,1001,,,,es,1\n"
    ).encode()
    report = import_roll(world["mineros_staff"], election, "roll.csv", data)
    assert not report.ok and report.saved == 0
    errors = {
        line.number: " ".join(line.errors) for line in report.lines if line.errors
    }
    assert set(errors) == {3, 4}
    assert "CURP" in errors[3] and "twice" in errors[4] and "required" in errors[4]
    assert election.voters.count() == 0


def test_an_excel_roll_is_imported(world):
    election = new_election(world, voters=0)
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "worker_number", "curp", "weight"])
    sheet.append(["Gloria Hernández", "1001", GOOD_CURP, 1])
    sheet.append(["Luis Ortega", "1002", "BAOL800101HSRRRS09", 2])
    out = io.BytesIO()
    book.save(out)
    report = import_roll(world["mineros_staff"], election, "roll.xlsx", out.getvalue())
    assert report.ok and report.saved == 2
    assert list(election.voters.values_list("weight", flat=True).order_by("name")) == [
        1,
        2,
    ]


def test_correction_and_who_may_import(world):
    election = new_election(world, voters=1)
    voter = election.voters.get()
    with pytest.raises(PermissionDenied):
        import_roll(world["usw_staff"], election, "roll.csv", b"name\nX\n")
    correct_voter(world["mineros_staff"], voter, curp=GOOD_CURP, name="Gloria H.")
    voter.refresh_from_db()
    assert voter.curp == GOOD_CURP and voter.name == "Gloria H."
    from alianza.audit.models import AuditEntry

    entry = AuditEntry.objects.filter(action="elections.voter_corrected").get()
    assert entry.data["before"]["name"] == "Trabajador 0"
