import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import Workbook

from alianza.audit.models import AuditEntry
from alianza.elections import actions, selectors
from alianza.elections.actions import correct_voter, import_roll
from alianza.elections.models import Election
from alianza.elections.roll_lines import curp_is_valid
from votecore import api as vc

from .helpers import name_parties, new_election, run_trustees

GOOD_CURP = "HEGG560427MVZRRL04"  # RENAPO's published example
# Made up, with their check digits: three more workers
OTHER_CURPS = ("ROMA750312MSRDRN02", "LOPJ690825HSRPRN04", "GARM880214MGRRRR08")


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
    with translation.override("en"):
        report = import_roll(world["mineros_staff"], election, "roll.csv", data)
    assert not report.ok and report.saved == 0
    errors = {
        line.number: " ".join(line.errors) for line in report.lines if line.errors
    }
    assert set(errors) == {3, 4}
    assert (
        "CURP" in errors[3]
        and "1001 is also on line 2" in errors[4]
        and "required" in errors[4]
    )
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
    entry = AuditEntry.objects.filter(action="elections.voter_corrected").get()
    assert entry.data["before"]["name"] == "Trabajador 0"


def _strike_roll() -> bytes:
    return (
        "name,worker_number,curp,excluded\n"
        f"Gloria Hernández,1001,{GOOD_CURP},\n"
        f"Jefe de Turno,1002,{OTHER_CURPS[0]},confidence\n"
        f"Nuevo Ingreso,1003,{OTHER_CURPS[1]},hired_after_notice\n"
    ).encode()


def test_a_mexican_strike_consultation_marks_lines_the_law_does_not_count(world):
    """LFT art. 931, IV: confidence employees and those hired after the strike
    notice stay on the roll, marked, and get no credential: the credential
    authority makes one for each line that votes, and the board lists only those."""
    election = new_election(world, kind="strike", voters=0)
    report = import_roll(world["mineros_staff"], election, "roll.csv", _strike_roll())
    assert report.ok and report.saved == 3
    lines = dict(election.voters.values_list("worker_number", "excluded"))
    assert lines == {"1001": "", "1002": "confidence", "1003": "hired_after_notice"}
    assert [v["worker_number"] for v in selectors.roll_for_authority(election)] == [
        "1001"
    ]
    assert selectors.turnout(election)["voter_count"] == 1
    assert selectors.turnout(election)["excluded_count"] == 2
    parties = name_parties(world, election)
    actions.begin_ceremony(world["mineros_staff"], election)
    run_trustees(election, parties["trustees"], {})
    election.refresh_from_db()
    voting = election.voters.get(worker_number="1001")
    ((_secret, public),) = vc.make_credentials(election.election_id, 1)
    actions.publish_credentials(parties["authority"], election, {voting.pk: public})
    assert list(
        election.voters.exclude(credential="").values_list("pk", flat=True)
    ) == [voting.pk]


@pytest.mark.parametrize(
    ("organisation", "kind", "covered"),
    [("usw", "strike", None), ("mineros", "representation", 10)],
)
def test_only_a_mexican_strike_consultation_marks_lines_excluded(
    world, organisation, kind, covered
):
    """A USW strike vote or a vote under art. 390 Bis counts every line of its roll."""
    election = Election.objects.create(
        organisation=getattr(world, organisation), kind=kind, title="Vote",
        question="?", answers=["Yes", "No"], covered_workers=covered,
        opens_at=timezone.now(), closes_at=timezone.now(),
    )  # fmt: skip
    staff = world["usw_staff" if organisation == "usw" else "mineros_staff"]
    with translation.override("en"):
        report = import_roll(staff, election, "roll.csv", _strike_roll())
    assert not report.ok and not election.voters.exists()
    assert "art. 931" in " ".join(report.lines[1].errors)


def test_an_exclusion_is_one_of_the_laws_two(world):
    election = new_election(world, kind="strike", voters=0)
    data = f"name,curp,excluded\nAna,{GOOD_CURP},supervisor\n".encode()
    with translation.override("en"):
        report = import_roll(world["mineros_staff"], election, "roll.csv", data)
    assert not report.ok
    assert report.lines[0].errors == ["excluded: confidence or hired_after_notice."]


def test_the_unions_staff_marks_a_line_excluded_the_other_union_and_outsider_cannot(
    world, client
):
    """Marking a confidence employee on a strike consultation's roll is a correction
    of the roll: Los Mineros' staff makes it (recorded with the value before); USW's
    staff and an outsider are refused and nothing changes."""
    election = new_election(world, kind="strike", voters=1)
    voter = election.voters.get()
    url = reverse("elections:voter_correct", args=[election.uid, voter.pk])
    for intruder in ("usw_staff", "outsider"):
        client.force_login(world[intruder])
        assert client.post(url, {"excluded": "confidence"}).status_code in {403, 404}
        voter.refresh_from_db()
        assert voter.excluded == ""
    with pytest.raises(PermissionDenied):
        correct_voter(world["usw_staff"], voter, curp=GOOD_CURP, excluded="confidence")
    client.force_login(world["mineros_staff"])
    client.post(url, {"curp": GOOD_CURP, "excluded": "confidence"})
    voter.refresh_from_db()
    assert voter.excluded == "confidence" and not voter.votes
    entry = AuditEntry.objects.filter(action="elections.voter_corrected").get()
    assert entry.data["before"]["excluded"] == ""
    assert entry.data["after"]["excluded"] == "confidence"


def _import_in_english(world, election, data: str):
    with translation.override("en"):
        return import_roll(world["mineros_staff"], election, "roll.csv", data.encode())


def test_a_curp_twice_in_the_file_is_refused_naming_both_lines(world):
    election = new_election(world, voters=0)
    report = _import_in_english(
        world,
        election,
        "name,worker_number,curp\n"
        f"Gloria Hernández,1001,{GOOD_CURP}\n"
        f"Rosa Díaz,1002,{OTHER_CURPS[0]}\n"
        f"Gloria Hernandez,1003,{GOOD_CURP.lower()}\n",
    )
    assert not report.ok and not election.voters.exists()
    assert [line.errors for line in report.lines] == [
        [],
        [],
        [f"curp: {GOOD_CURP} is also on line 2: one worker, one line."],
    ]


def test_a_curp_or_worker_number_already_on_the_roll_is_refused_naming_its_worker(
    world,
):
    election = new_election(world, voters=0)
    assert _import_in_english(
        world, election, f"name,worker_number,curp\nGloria Hernández,1001,{GOOD_CURP}\n"
    ).ok
    report = _import_in_english(
        world,
        election,
        "name,worker_number,curp\n"
        f"G. Hernández,2001,{GOOD_CURP}\n"
        f"Luis Ortega,1001,{OTHER_CURPS[1]}\n",
    )
    assert not report.ok and election.voters.count() == 1
    assert report.lines[0].errors == [
        f"curp: {GOOD_CURP} is also on the roll (Gloria Hernández): one worker, "
        "one line."
    ]
    assert report.lines[1].errors == [
        "worker_number: 1001 is also on the roll (Gloria Hernández)."
    ]


def test_a_correction_may_not_give_a_line_another_workers_curp_or_number(world):
    election = new_election(world, voters=2)
    first, second = election.voters.order_by("name")
    correct_voter(world["mineros_staff"], first, curp=GOOD_CURP)
    correct_voter(world["mineros_staff"], second, curp=OTHER_CURPS[0])
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        correct_voter(world["mineros_staff"], second, curp=GOOD_CURP)
    assert refused.value.messages == [
        f"curp: {GOOD_CURP} is also on the roll (Trabajador 0): one worker, one line."
    ]
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        correct_voter(world["mineros_staff"], second, worker_number="W0")
    assert refused.value.messages == [
        "worker_number: W0 is also on the roll (Trabajador 0)."
    ]
    second.refresh_from_db()
    assert (second.curp, second.worker_number) == (OTHER_CURPS[0], "W1")
    # a line keeps its own CURP when something else on it is corrected
    correct_voter(world["mineros_staff"], first, name="Trabajadora 0")
    first.refresh_from_db()
    assert (first.name, first.curp) == ("Trabajadora 0", GOOD_CURP)


def test_phones_on_the_roll_are_stored_with_the_votes_country_code(world):
    election = new_election(world, voters=0)
    assert election.country == "MX"
    report = _import_in_english(
        world,
        election,
        "name,worker_number,curp,phone\n"
        f"Gloria Hernández,1001,{GOOD_CURP},662 123 4567\n"
        f"Rosa Díaz,1002,{OTHER_CURPS[0]},044 55 1234 5678\n"
        f"Ann Lee,1003,{OTHER_CURPS[1]},+1 (520) 555-0142\n",
    )
    assert report.ok
    assert sorted(election.voters.values_list("phone", flat=True)) == [
        "+15205550142",
        "+525512345678",
        "+526621234567",
    ]


def test_a_phone_that_cannot_be_a_number_is_refused_naming_its_line(world):
    election = new_election(world, voters=0)
    report = _import_in_english(
        world,
        election,
        "name,worker_number,curp,phone\n"
        f"Gloria Hernández,1001,{GOOD_CURP},662 123 4567\n"
        f"Rosa Díaz,1002,{OTHER_CURPS[0]},123 45\n",
    )
    assert not report.ok and not election.voters.exists()
    assert [line.number for line in report.lines if line.errors] == [3]
    assert report.lines[1].errors[0].startswith("phone: 123 45 is not a phone number")


def test_a_corrected_phone_is_stored_with_the_country_code(world):
    election = new_election(world, voters=1)
    voter = election.voters.get()
    correct_voter(world["mineros_staff"], voter, curp=GOOD_CURP, phone="(55) 1234-5678")
    voter.refresh_from_db()
    assert voter.phone == "+525512345678"
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        correct_voter(world["mineros_staff"], voter, phone="5512")
    assert "phone: 5512 is not a phone number" in refused.value.messages[0]
    voter.refresh_from_db()
    assert voter.phone == "+525512345678"


def test_the_roll_page_refuses_another_workers_curp_in_the_readers_words(client, world):
    election = new_election(world, voters=2)
    first, second = election.voters.order_by("name")
    correct_voter(world["mineros_staff"], first, curp=GOOD_CURP)
    staff = world["mineros_staff"]
    type(staff).objects.filter(pk=staff.pk).update(language="en")
    client.force_login(staff)
    url = reverse("elections:voter_correct", args=[election.uid, second.pk])
    page = client.post(
        url, {"name": second.name, "curp": GOOD_CURP, "weight": "1"}, follow=True
    )
    assert (
        f"curp: {GOOD_CURP} is also on the roll (Trabajador 0): one worker, one line."
        in page.content.decode()
    )
    second.refresh_from_db()
    assert second.curp == ""
