"""Employers and worksites are found whatever the accents and case (public facts:
everyone signed in finds them; nobody signed out does). SQLite and PostgreSQL."""

import pytest
from django.urls import reverse

from alianza.employers.models import Employer, Worksite
from alianza.employers.selectors import (
    employers_with_parent,
    find_worksites,
    listed_worksites,
)
from alianza.lib.folding import refold

#: (query, employers found, worksites found), written from the rule: every word of
#: the query, without accents and in any case, is in the name (or the place).
ORACLE = [
    ("penoles", {"Industrias Peñoles"}, set()),
    ("PEÑOLES", {"Industrias Peñoles"}, set()),
    ("compania minera", {"Compañía Minera Autlán"}, set()),
    ("autlan", {"Compañía Minera Autlán"}, set()),
    ("mexico", {"Grupo México"}, {"Tizapa"}),
    ("grupo mexico", {"Grupo México"}, set()),
    ("fresnillo", set(), {"Fresnillo mine"}),
    ("zacatecas", set(), {"Fresnillo mine"}),
    ("sonora cananea", set(), {"Buenavista del Cobre"}),
    ("TROIS-RIVIERES", set(), {"Usine de Bécancour"}),
    ("becancour", {"Aluminerie de Bécancour"}, {"Usine de Bécancour"}),
    ("penoles cananea", set(), set()),
]


@pytest.fixture
def employers(world):
    penoles = Employer.objects.create(
        slug="penoles", name="Industrias Peñoles", country="MX"
    )
    Employer.objects.bulk_create(
        [Employer(slug="autlan", name="Compañía Minera Autlán", country="MX")]
    )
    aluminerie = Employer.objects.create(
        slug="aluminerie", name="Aluminerie de Bécancour", country="CA"
    )
    Worksite.objects.create(
        employer=penoles, name="Fresnillo mine", country="MX", region="Zacatecas",
        municipality="Fresnillo",
    )  # fmt: skip
    Worksite.objects.create(
        employer=penoles, name="Tizapa", country="MX", region="Estado de México",
        municipality="Zacazonapan",
    )  # fmt: skip
    Worksite.objects.create(
        employer=aluminerie, name="Usine de Bécancour", country="CA",
        region="Québec", municipality="Trois-Rivières",
    )  # fmt: skip


@pytest.mark.parametrize(("query", "named", "sites"), ORACLE)
def test_found_whatever_the_accents_and_case(world, employers, query, named, sites):
    assert {e.name for e in employers_with_parent(query)} == named
    assert {s.name for s in find_worksites(query)} == sites
    assert {s.name for s in listed_worksites(query=query)} == sites


def test_the_page_and_the_api(client, world, employers):
    client.force_login(world["outsider"])  # employers are public to the signed-in
    page = client.get(reverse("employers:employers"), {"q": "PENOLES"})
    text = page.content.decode()
    assert "Industrias Peñoles" in text and "ASARCO" not in text
    page = client.get(reverse("employers:employers"), {"q": "trois rivieres"})
    assert "Usine de Bécancour" in page.content.decode()
    rows = client.get("/api/v1/employers", {"q": "compania"}).json()["items"]
    assert [r["slug"] for r in rows] == ["autlan"]
    rows = client.get("/api/v1/worksites", {"q": "fresnillo"}).json()["items"]
    assert [r["name"] for r in rows] == ["Fresnillo mine"]
    client.logout()
    assert client.get("/api/v1/employers", {"q": "penoles"}).status_code in (401, 403)
    page = client.get(reverse("employers:employers"), {"q": "penoles"})
    assert page.status_code == 302


def test_a_renamed_employer_and_old_rows(world, employers):
    grupo = world.grupo
    grupo.name = "Grupo Mexico Minería"
    grupo.save(update_fields=["name"])
    assert [e.slug for e in employers_with_parent("mineria")] == ["grupo-mexico"]
    Employer.objects.update(search_name="")
    Worksite.objects.update(search_name="")
    refold(Employer)
    refold(Worksite)
    assert [e.slug for e in employers_with_parent("autlan")] == ["autlan"]
    assert [s.name for s in find_worksites("zacatecas")] == ["Fresnillo mine"]
