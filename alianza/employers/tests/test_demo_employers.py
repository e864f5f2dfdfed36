from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from alianza.bodies.models import Body
from alianza.core import demo
from alianza.councils.models import Council
from alianza.employers import demo as employers_demo
from alianza.employers.models import Employer, Representation, Worksite
from alianza.employers.selectors import common_employers
from alianza.multilingual.models import Translation
from alianza.orgs.models import Unit
from alianza.spaces.models import JointSpace

MODELS = [Employer, Worksite, Representation, Translation]

#: The organizing campaigns of the letter of 27 August 2018: employer, worksite.
TARGETS = {
    "Johnson Controls": ("johnson-controls", "Puebla seating plant"),
    "PKC": ("pkc", "Ciudad Acuña wire harness plant"),
    "Teksid": ("teksid", "Frontera foundry"),
    "El Boleo": ("el-boleo", "El Boleo mine"),
    "El Coronel": ("minera-frisco", "El Coronel mine"),
    "Excellon": ("excellon", "La Platosa mine"),
    "Torex Gold": ("torex-gold", "El Limón-Guajes mine"),
}


@pytest.fixture
def loaded():
    demo.load()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def current(site: Worksite) -> Representation:
    (rep,) = site.current_representations()
    return rep


@pytest.mark.django_db
def test_loading_the_demo_twice_duplicates_nothing(loaded):
    first = counts()
    demo.load()
    employers_demo.load()  # on its own, looking the units up
    assert counts() == first
    assert first["Employer"] == len(employers_demo.EMPLOYERS)
    assert first["Worksite"] == len(employers_demo.WORKSITES)


@pytest.mark.django_db
def test_reset_then_reload(loaded):
    first = counts()
    call_command("load_demo", "--reset", stdout=StringIO())
    assert counts() == first
    cananea = Worksite.objects.get(municipality="Cananea")
    assert current(cananea).unit == Unit.objects.get(name="Sección 65")


@pytest.mark.django_db
def test_reset_keeps_an_employer_with_other_worksites(loaded):
    grupo = Employer.objects.get(slug="grupo-mexico")
    Worksite.objects.create(employer=grupo, name="Head office", country="MX")
    demo.reset()
    assert Employer.objects.filter(slug="grupo-mexico").exists()
    assert not Employer.objects.filter(slug="asarco").exists()
    assert not Representation.objects.exists()
    demo.load()
    assert Employer.objects.get(slug="grupo-mexico").pk == grupo.pk


@pytest.mark.django_db
def test_reset_keeps_an_employer_with_a_council(loaded):
    asarco = Employer.objects.get(slug="asarco")
    space = JointSpace.objects.create(
        slug="asarco-council", name="ASARCO", kind="council"
    )
    body = Body.objects.create(name="ASARCO council", kind="council", space=space)
    Council.objects.create(employer=asarco, space=space, body=body)
    call_command("load_demo", "--reset", stdout=StringIO())
    assert Employer.objects.get(slug="asarco").pk == asarco.pk
    assert Worksite.objects.filter(employer=asarco).count() == 5


@pytest.mark.django_db
def test_the_common_employers(loaded):
    families = {f.root.slug: f for f in common_employers()}
    assert {"grupo-mexico", "arcelormittal", "dana"} <= set(families)
    grupo = families["grupo-mexico"]
    assert grupo.unions == ["Los Mineros", "USW"]
    assert grupo.countries == ["MX", "US"]
    assert grupo.worksites == 8  # five ASARCO sites and three strikes
    assert families["arcelormittal"].unions == ["Los Mineros", "USW"]


@pytest.mark.django_db
def test_cananea_is_on_strike_since_30_july_2007(loaded):
    cananea = Worksite.objects.get(municipality="Cananea")
    rep = current(cananea)
    assert rep.status == Representation.Status.ON_STRIKE
    assert rep.started_on == date(2007, 7, 30)
    assert rep.unit.name == "Sección 65" and rep.unit.organisation.slug == "los-mineros"
    assert cananea.status() == "on_strike"
    assert cananea.employer.parent.slug == "grupo-mexico"
    assert cananea.rrm_covered


@pytest.mark.django_db
def test_the_other_strikes_and_pasta_de_conchos(loaded):
    for town, section in [("Taxco de Alarcón", "17"), ("Sombrerete", "201")]:
        rep = current(Worksite.objects.get(municipality=town))
        assert (rep.status, rep.unit.number) == ("on_strike", section)
        assert rep.started_on == date(2007, 7, 30)
    pasta = Worksite.objects.get(name="Pasta de Conchos coal mine")
    rep = current(pasta)
    assert rep.status == "non_union" and rep.unit is None
    assert "65 miners" in rep.note and rep.started_on == date(2006, 2, 19)
    assert pasta.employer.parent.slug == "grupo-mexico"


@pytest.mark.django_db
def test_each_asarco_local_represents_one_worksite(loaded):
    locals_ = Unit.objects.filter(
        organisation__slug="usw", kind=Unit.Kind.LOCAL, parent__name="District 12"
    )
    assert locals_.count() == 5
    for local in locals_:
        (rep,) = Representation.objects.filter(unit=local)
        assert rep.worksite.employer.slug == "asarco"
        assert rep.status == "represented" and rep.worksite.country == "US"


@pytest.mark.django_db
def test_the_seven_organizing_targets(loaded):
    for employer, name in TARGETS.values():
        site = Worksite.objects.get(employer__slug=employer, name=name)
        assert site.country == "MX" and site.rrm_covered and site.illustrative
        assert site.status() in ("protection_contract", "organizing")
        assert site.latitude is not None and site.longitude is not None
    organizing = Representation.objects.filter(
        worksite__employer__slug__in=[e for e, _ in TARGETS.values()],
        status="organizing",
    )
    assert {r.unit.organisation.slug for r in organizing} == {"los-mineros"}


@pytest.mark.django_db
def test_descriptions_are_translated(loaded):
    for slug in ("grupo-mexico", "asarco", "arcelormittal"):
        employer = Employer.objects.get(slug=slug)
        assert employer.language == "en" and employer.description
        assert employer.translations_for("description")["es"].text
