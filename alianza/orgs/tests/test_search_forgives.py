"""People, organisations and units are found whatever the accents and case.

The rule: a query's words, each without accents and in any case, must all be in the
name (in any order); "ramon" finds Ramón, "pena ramon" finds Ramón Peña. The oracle
below is written from the rule, name by name. People stay scoped: the other union's
people are never found, the outsider finds nobody. Runs on SQLite and PostgreSQL.
"""

import pytest
from django.urls import reverse

from alianza.lib.folding import refold
from alianza.orgs.models import ContactChannel, Membership, Organisation, Person, Unit
from alianza.orgs.selectors import (
    find_people,
    find_units,
    organisations_with_unit_counts,
)

USW_PEOPLE = [
    "Ramón Peña",
    "José Ángel NÚÑEZ",
    "FRANÇOIS CÔTÉ",
    "Marie-Hélène Gagnon",
    "Œdipe Lœwy",
    "Łukasz Wałęsa",
    "Søren Ærø",
    "Jürgen Straße",
    "Ramona Ortiz",
]
MINEROS_PEOPLE = ["Ramón Núñez Peñaloza", "Çelik Öztürk"]

#: (query, whom USW staff find, whom Los Mineros staff find) among the people above.
ORACLE = [
    ("ramon", {"Ramón Peña", "Ramona Ortiz"}, {"Ramón Núñez Peñaloza"}),
    ("RAMÓN PEÑA", {"Ramón Peña"}, {"Ramón Núñez Peñaloza"}),
    ("pena ramon", {"Ramón Peña"}, {"Ramón Núñez Peñaloza"}),
    ("Peña", {"Ramón Peña"}, {"Ramón Núñez Peñaloza"}),
    ("nunez", {"José Ángel NÚÑEZ"}, {"Ramón Núñez Peñaloza"}),
    ("angel jose", {"José Ángel NÚÑEZ"}, set()),
    ("francois cote", {"FRANÇOIS CÔTÉ"}, set()),
    ("Côté", {"FRANÇOIS CÔTÉ"}, set()),
    ("helene", {"Marie-Hélène Gagnon"}, set()),
    ("marie-helene", {"Marie-Hélène Gagnon"}, set()),
    ("oedipe loewy", {"Œdipe Lœwy"}, set()),
    ("lukasz walesa", {"Łukasz Wałęsa"}, set()),
    ("SOREN aero", {"Søren Ærø"}, set()),
    ("strasse", {"Jürgen Straße"}, set()),
    ("jurgen", {"Jürgen Straße"}, set()),
    ("celik ozturk", set(), {"Çelik Öztürk"}),
    ("ramon ortiz pena", set(), set()),
    ("ramón gagnon", set(), set()),
]


@pytest.fixture
def people(world):
    made = {}
    for names, org, unit in (
        (USW_PEOPLE, world.usw, world.local),
        (MINEROS_PEOPLE, world.mineros, world.section65),
    ):
        for name in names:
            person = Person.objects.create(name=name, country="US")
            Membership.objects.create(
                person=person, organisation=org, role="member", unit=unit
            )
            made[name] = person
    ContactChannel.objects.create(
        person=made["Ramón Peña"], kind="phone", value="+1 412 555 0199"
    )
    return made


def _found(user, query) -> set[str]:
    everyone = set(USW_PEOPLE) | set(MINEROS_PEOPLE)
    return {p.name for p in find_people(user, query=query)} & everyone


@pytest.mark.parametrize(("query", "usw", "mineros"), ORACLE)
def test_people_are_found_whatever_the_accents_and_case(
    world, people, query, usw, mineros
):
    assert _found(world["usw_staff"], query) == usw
    assert _found(world["mineros_staff"], query) == mineros
    assert _found(world["outsider"], query) == set()
    assert _found(world["member"], query) == set()


def test_phones_and_emails_are_found_as_before(world, people):
    assert _found(world["usw_staff"], "555 0199") == {"Ramón Peña"}
    assert {p.name for p in find_people(world["usw_staff"], query="STAFF@USW")} == {
        "Sam Staff"
    }
    assert _found(world["mineros_staff"], "555 0199") == set()


def test_the_people_page_and_the_api(client, world, people):
    client.force_login(world["usw_staff"])
    page = client.get(reverse("orgs:people"), {"q": "ramon pena"}).content.decode()
    assert "Ramón Peña" in page and "Peñaloza" not in page and "Ramona" not in page
    rows = client.get("/api/v1/people", {"q": "NUNEZ"}).json()["items"]
    assert [r["name"] for r in rows] == ["José Ángel NÚÑEZ"]
    client.force_login(world["mineros_staff"])
    rows = client.get("/api/v1/people", {"q": "nunez"}).json()["items"]
    assert [r["name"] for r in rows] == ["Ramón Núñez Peñaloza"]
    client.force_login(world["outsider"])
    assert client.get("/api/v1/people", {"q": "ramon"}).json()["items"] == []


def test_a_renamed_person_is_found_by_the_new_name(world, people):
    person = people["Ramona Ortiz"]
    person.name = "Íñigo Ortiz"
    person.save(update_fields=["name"])
    found = find_people(world["usw_staff"], query="inigo")
    assert [p.name for p in found] == ["Íñigo Ortiz"]
    assert _found(world["usw_staff"], "ramona") == set()


def test_rows_written_before_the_folded_names_get_them(world, people):
    Person.objects.update(sort_name="")
    Unit.objects.update(search_name="")
    refold(Person)
    refold(Unit)
    assert _found(world["usw_staff"], "oedipe") == {"Œdipe Lœwy"}
    assert Person.objects.get(name="Jürgen Straße").sort_name == "jurgen strasse"
    assert [u.name for u in find_units("seccion 65")] == ["Sección 65"]


def test_organisations_and_units_are_found_whatever_the_accents(client, world):
    Organisation.objects.create(
        slug="metallos", name="Syndicat des Métallos", short_name="Métallos"
    )
    Unit.objects.create(
        organisation=world.usw, kind="local", number="9291",
        name="Section locale 9291", place="Trois-Rivières", country="CA",
    )  # fmt: skip
    names = {o.name for o in organisations_with_unit_counts("METALLOS")}
    assert names == {"Syndicat des Métallos"}
    assert {o.short_name for o in organisations_with_unit_counts("mineros")} == {
        "Los Mineros"
    }
    assert organisations_with_unit_counts("").count() == 4
    assert [u.name for u in find_units("seccion")] == ["Sección 201", "Sección 65"]
    assert [u.name for u in find_units("trois rivieres")] == ["Section locale 9291"]
    assert [u.name for u in find_units("9291")] == ["Section locale 9291"]
    assert list(find_units("")) == []
    # The page, to everyone signed in (profiles are public), and the API.
    client.force_login(world["outsider"])
    page = client.get(reverse("orgs:organisations"), {"q": "SECCION 65"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Sección 65" in text and "Sección 201" not in text
    rows = client.get("/api/v1/organisations", {"q": "métallos"}).json()["items"]
    assert [r["slug"] for r in rows] == ["metallos"]
    rows = client.get("/api/v1/organisations/usw/units", {"q": "trois"}).json()
    assert [r["name"] for r in rows["items"]] == ["Section locale 9291"]
