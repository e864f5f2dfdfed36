"""The voter roll is read from the files a section's office makes: semicolons in a
Spanish spreadsheet program, a worker number with its zeros, phones as text."""

from django.utils import translation

from alianza.elections.actions import import_roll

from .helpers import new_election
from .test_roll import GOOD_CURP, OTHER_CURPS


def test_a_spanish_semicolon_roll_keeps_phones_and_worker_numbers(world):
    election = new_election(world, voters=0)
    data = (
        "\ufeffname;worker_number;curp;phone;language\r\n"
        f"Gloria Hernández;007;{GOOD_CURP};+52 1 55 1234 5678;es\r\n"
        f"Pérez, Juan;0100;{OTHER_CURPS[1]};6451112222;es\r\n"
    ).encode()
    report = import_roll(world["mineros_staff"], election, "padrón.csv", data)
    assert report.ok and report.saved == 2
    voters = {v.name: v for v in election.voters.all()}
    assert voters["Gloria Hernández"].worker_number == "007"
    assert voters["Gloria Hernández"].phone.startswith("+52")
    assert voters["Pérez, Juan"].worker_number == "0100"
    assert voters["Pérez, Juan"].phone == "+526451112222"


def test_a_wrong_line_is_named_with_its_column_in_the_readers_language(world):
    election = new_election(world, voters=0)
    data = b"name;worker_number;phone\r\nAna;1;+52 645\r\n;2;\r\n"
    with translation.override("es"):
        report = import_roll(world["mineros_staff"], election, "padrón.csv", data)
    assert not report.ok and report.saved == 0
    wrong = {line.number: " ".join(line.errors) for line in report.lines if line.errors}
    assert set(wrong) == {2, 3}
    assert "phone" in wrong[2] and "name" in wrong[3]
    assert election.voters.count() == 0
