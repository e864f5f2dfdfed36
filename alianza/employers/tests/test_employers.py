import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.employers import actions
from alianza.employers.models import Employer, Representation, Worksite
from alianza.employers.selectors import common_employers

GOOD_EMPLOYERS = "name,country,parent,sector\nArcelorMittal,GB,,steel\nArcelorMittal México,MX,ArcelorMittal,steel\n"
BAD_WORKSITES = (
    "employer,name,country,latitude,longitude,headcount\n"
    "ASARCO,Mission mine,US,31.99,-111.08,700\n"
    "Nowhere Corp,Ghost mill,US,,,\n"
    "ASARCO,Ray mine,XX,33.1,-110.9,lots\n"
    "ASARCO,Silver Bell,US,95,-111.5,100\n"
)


def test_grupo_mexico_is_a_common_employer(world):
    (family,) = common_employers()
    assert family.root == world.grupo
    assert family.unions == ["Los Mineros", "USW"]
    assert family.countries == ["MX", "US"]
    assert family.worksites == 2


def test_one_union_in_one_country_is_not_common(world):
    Representation.objects.filter(worksite=world.cananea).delete()
    assert common_employers() == []


def test_a_file_with_errors_saves_nothing_and_says_why(world):
    report = actions.import_csv(world["usw_staff"], "worksites", BAD_WORKSITES)
    assert not report.ok and report.saved == 0
    assert [line.ok for line in report.lines] == [True, False, False, False]
    assert report.lines[1].number == 3
    assert "no employer called “Nowhere Corp”" in " ".join(report.lines[1].errors)
    errors = " ".join(report.lines[2].errors)
    assert "country" in errors and "headcount" in errors
    assert "latitude: must be between -90 and 90" in " ".join(report.lines[3].errors)
    assert not Worksite.objects.filter(name="Mission mine").exists()


def test_a_correct_file_is_imported_whole_and_audited(world):
    report = actions.import_csv(world["mineros_staff"], "employers", GOOD_EMPLOYERS)
    assert report.ok and report.saved == 2
    child = Employer.objects.get(name="ArcelorMittal México")
    assert child.parent.name == "ArcelorMittal" and child.slug == "arcelormittal-mexico"
    entry = AuditEntry.objects.get(action="employers.imported")
    assert entry.data == {"kind": "employers", "saved": 2, "union": world.mineros.pk}
    assert entry.organisation == world.mineros


def test_missing_columns_are_reported_for_the_whole_file(world):
    report = actions.import_csv(
        world["usw_staff"], "representation", "employer,worksite\nA,B\n"
    )
    assert report.problems and "status" in report.problems[0]


def test_only_staff_import(world):
    with pytest.raises(PermissionDenied):
        actions.import_csv(world["usw_officer"], "employers", GOOD_EMPLOYERS)


def test_import_page_shows_the_report(client, world):
    world["usw_staff"].language = "en"
    world["usw_staff"].save()
    client.force_login(world["usw_staff"])
    upload = SimpleUploadedFile("sites.csv", BAD_WORKSITES.encode("utf-8"), "text/csv")
    response = client.post(
        reverse("employers:import"), {"kind": "worksites", "file": upload}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "3 problems found; nothing was imported." in page
    assert "Nowhere Corp" in page


def test_a_new_status_ends_the_current_one(world):
    actions.record_representation(
        world["usw_staff"], world.hayden, status="on_strike", unit=world.local
    )
    current = world.hayden.representations.filter(ended_on__isnull=True)
    assert [r.status for r in current] == ["on_strike"]
    assert world.hayden.representations.count() == 2
    assert Worksite.objects.get(pk=world.hayden.pk).status() == "on_strike"


def test_employer_profile_gathers_the_family(client, world):
    world["member"].language = "en"
    world["member"].save()
    client.force_login(world["member"])
    page = client.get(
        reverse("employers:employer", args=["grupo-mexico"])
    ).content.decode()
    assert (
        "ASARCO" in page and "Hayden smelter" in page and "Buenavista del Cobre" in page
    )
    assert "On strike" in page and "Sección 65" in page
    assert "Represented by Los Mineros, USW in Mexico, United States." in page


def test_map_page_filters_by_union_and_country(client, world):
    client.force_login(world["member"])
    page = client.get(reverse("employers:map")).content.decode()
    assert page.count('class="map-point ') == 2
    assert "map-status-on_strike" in page and "map-status-represented" in page
    page = client.get(reverse("employers:map") + "?union=usw").content.decode()
    assert page.count('class="map-point ') == 1 and "Hayden smelter" in page
    page = client.get(reverse("employers:map") + "?country=MX").content.decode()
    assert page.count('class="map-point ') == 1 and "Buenavista del Cobre" in page
    assert "style=" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_a_union_records_representation_only_for_its_own_units(world):
    with pytest.raises(PermissionDenied):
        actions.record_representation(
            world["usw_staff"],
            world.cananea,
            status="represented",
            unit=world.section65,
        )
    text = (
        "employer,worksite,status,organisation,unit\n"
        "Grupo México,Buenavista del Cobre,represented,los-mineros,Sección 65\n"
    )
    report = actions.import_csv(world["usw_staff"], "representation", text)
    assert not report.ok and "your own union's units" in " ".join(
        report.lines[0].errors
    )


def _representation_file(*lines: str) -> str:
    return "employer,worksite,status,organisation,unit,since,until\n" + "".join(
        f"{line}\n" for line in lines
    )


def test_an_imported_current_status_ends_the_one_before(world):
    world.hayden.representations.update(started_on="2014-07-01")
    report = actions.import_csv(
        world["usw_staff"],
        "representation",
        _representation_file(
            f"ASARCO,Hayden smelter,represented,usw,{world.local.name},2010-01-01,2014-06-30",
            f"ASARCO,Hayden smelter,on_strike,usw,{world.local.name},2026-01-05,",
        ),
    )
    assert report.ok and report.saved == 2, [line.errors for line in report.lines]
    history = [
        (r.status, str(r.started_on), str(r.ended_on))
        for r in world.hayden.representations.order_by("started_on")
    ]
    assert history == [
        ("represented", "2010-01-01", "2014-06-30"),
        ("represented", "2014-07-01", "2026-01-05"),
        ("on_strike", "2026-01-05", "None"),
    ]


def test_an_import_gives_a_worksite_one_current_status(world):
    world.hayden.representations.update(started_on="2014-07-01")
    before = list(world.hayden.representations.values_list("pk", "ended_on"))
    report = actions.import_csv(
        world["usw_staff"],
        "representation",
        _representation_file(
            f"ASARCO,Hayden smelter,represented,usw,{world.local.name},2013-01-01,",
            f"ASARCO,Hayden smelter,on_strike,usw,{world.local.name},2026-01-05,",
            f"ASARCO,Hayden smelter,organizing,usw,{world.local.name},2026-02-01,",
        ),
    )
    assert not report.ok and report.saved == 0
    assert "began later, on 2014-07-01" in " ".join(report.lines[0].errors)
    for line in report.lines[1:]:
        assert "an earlier line gives its current status too" in " ".join(line.errors)
    assert list(world.hayden.representations.values_list("pk", "ended_on")) == before
