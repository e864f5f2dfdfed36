"""How a person is addressed: Spanish and French role and seat names agree with her or
him (observadora, déléguée); neutral, or nothing said, reads the unmarked name."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from alianza.audit.models import AuditEntry
from alianza.bodies.models import Seat
from alianza.orgs.actions import set_address
from alianza.orgs.address import addressed, addressed_label, form_for
from alianza.orgs.models import Membership
from alianza.orgs.roles import Role
from conftest import client_for


@pytest.mark.parametrize(
    ("name", "address", "chosen"),
    [
        ("Observer", "feminine", ("feminine", "Observer")),
        ("observer", "masculine", ("masculine", "Observer")),
        ("Observer", "neutral", (None, "Observer")),
        ("Observer", "", (None, "Observer")),
        ("Delegate", "feminine", ("feminine", "Delegate")),
        ("president", "feminine", ("feminine", "President")),
        ("Secretary-treasurer", "feminine", ("feminine", "Secretary-treasurer")),
        ("Director of Safety", "feminine", (None, "Director of Safety")),
    ],
)
def test_the_form_chosen(name, address, chosen):
    assert form_for(name, address) == chosen


@pytest.fixture
def catalogue(monkeypatch):
    """A few entries of the translator's pass, in Spanish and French, for this test
    only (the catalogues are filled after the code)."""

    def add(language: str, entries: dict[str, str]) -> None:
        with translation.override(language):
            catalog = trans_real.translation(language)._catalog
            for key, value in entries.items():
                monkeypatch.setitem(catalog._catalogs[0], key, value)

    add("es", {
        "feminine\x04Observer": "Observadora",
        "masculine\x04Observer": "Observador",
        "feminine\x04Delegate": "Delegada",
        "Delegate": "Delegado",
        "feminine\x04President": "Presidenta",
        "feminine\x04Officer": "Dirigenta",
    })  # fmt: skip
    add("fr", {
        "feminine\x04Observer": "Observatrice",
        "feminine\x04Delegate": "Déléguée",
        "Delegate": "Délégué",
        "masculine\x04Delegate": "Délégué",
    })  # fmt: skip


def test_spanish_names_agree_with_the_person(catalogue):
    with translation.override("es"):
        assert addressed("Observer", "feminine") == "Observadora"
        assert addressed("Observer", "masculine") == "Observador"
        # Neutral reads the unmarked name the catalogue already holds.
        assert addressed("Observer", "neutral") == "Observador"
        assert addressed("Delegate", "feminine") == "Delegada"
        assert addressed("Delegate", "") == "Delegado"
        # A title someone wrote stays as written.
        assert (
            addressed("Directora de Seguridad", "feminine") == "Directora de Seguridad"
        )


def test_french_names_agree_with_the_person(catalogue):
    with translation.override("fr"):
        assert addressed("Observer", "feminine") == "Observatrice"
        assert addressed("Delegate", "feminine") == "Déléguée"
        assert addressed("Delegate", "masculine") == "Délégué"
        assert addressed("Delegate", "neutral") == "Délégué"


def test_english_names_do_not_change():
    with translation.override("en"):
        assert addressed("Observer", "feminine") == "Observer"
        assert addressed_label(Seat.Kind.OBSERVER.label, "feminine") == "Observer"
        assert addressed_label(Role.OFFICER.label, "masculine") == "Officer"


def test_a_seat_and_a_membership_agree_with_their_holder(world, catalogue):
    olga = world["mineros_observer"].person  # Los Mineros' observer on the IEB
    olga.address_as = "feminine"
    olga.save()
    seat = Seat.objects.get(holder=olga)
    with translation.override("es"):
        assert seat.addressed_kind == "Observadora"
        assert seat.addressed_title == "Observadora"
    with translation.override("fr"):
        assert seat.addressed_kind == "Observatrice"
    otto = Seat.objects.get(holder=world["observer"].person)  # not said
    with translation.override("es"):
        assert otto.addressed_kind == "Observador"
    oscar = Membership.objects.get(person=world["mineros_officer"].person)
    oscar.person.address_as = "feminine"
    oscar.title = "President"
    with translation.override("es"):
        assert oscar.addressed_role == "Dirigenta"
        assert oscar.addressed_title == "Presidenta"


def test_the_body_page_shows_the_seat_in_her_form(world, client, catalogue):
    olga = world["mineros_observer"].person
    olga.address_as = "feminine"
    olga.save()
    user = world["usw_staff"]
    user.language = "es"
    user.save()
    page = client_for(client, user).get(
        world.ieb.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es"
    )
    assert page.status_code == 200
    assert "Observadora" in page.content.decode()


def test_she_says_it_on_her_settings_page(world, client):
    user = world["member"]
    response = client_for(client, user).post(
        reverse("account_settings"),
        {"language": "es", "time_zone": "America/Hermosillo", "address_as": "feminine"},
    )
    assert response.status_code == 302
    user.person.refresh_from_db()
    assert user.person.address_as == "feminine"
    entry = AuditEntry.objects.get(action="orgs.person_updated")
    assert entry.data["after"] == {"address_as": "feminine"}
    assert entry.organisation == world.mineros


def test_a_manager_says_it_for_a_person_without_a_login(world):
    rosa = world.rank_and_file
    set_address(world["mineros_staff"], rosa, "feminine")
    rosa.refresh_from_db()
    assert rosa.address_as == "feminine"


@pytest.mark.parametrize("persona", ["usw_staff", "usw_admin", "outsider", "member"])
def test_the_other_union_and_the_outsider_may_not_say_it(world, persona):
    rosa = world.rank_and_file
    with pytest.raises(PermissionDenied):
        set_address(world[persona], rosa, "masculine")
    rosa.refresh_from_db()
    assert rosa.address_as == ""


def test_only_the_forms_offered(world):
    with pytest.raises(ValidationError):
        set_address(world["mineros_staff"], world.rank_and_file, "plural")
