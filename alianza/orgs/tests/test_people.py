import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.orgs import actions
from alianza.orgs.models import Membership, Person
from alianza.orgs.selectors import visible_people


def test_staff_adds_a_member_with_only_a_phone(world):
    person = actions.create_person(
        world["mineros_staff"],
        world.mineros,
        name="Juana Pérez",
        country="MX",
        preferred_language="es",
        unit=world.section65,
        contacts=[("email", ""), ("phone", "+52 645 123 4567")],
    )
    assert [(c.kind, c.value) for c in person.contacts.all()] == [
        ("phone", "+52 645 123 4567")
    ]
    assert person.memberships.get().unit == world.section65
    entry = AuditEntry.objects.get(action="orgs.person_created")
    assert entry.organisation == world.mineros and entry.target_label == "Juana Pérez"


def test_bad_phone_is_refused_and_nothing_is_saved(world):
    before = Person.objects.count()
    with pytest.raises(ValidationError) as error:
        actions.create_person(
            world["mineros_staff"],
            world.mineros,
            name="Juana",
            country="MX",
            preferred_language="es",
            contacts=[("phone", "call me")],
        )
    assert "country code" in str(error.value)
    assert Person.objects.count() == before


def test_the_other_union_cannot_add_people(world):
    with pytest.raises(PermissionDenied):
        actions.create_person(
            world["usw_staff"],
            world.mineros,
            name="X",
            country="MX",
            preferred_language="es",
        )


def test_staff_cannot_make_an_administrator_but_an_administrator_can(world):
    with pytest.raises(PermissionDenied):
        actions.create_person(
            world["usw_staff"],
            world.usw,
            name="X",
            country="US",
            preferred_language="en",
            role="admin",
        )
    person = actions.create_person(
        world["usw_admin"],
        world.usw,
        name="Y",
        country="US",
        preferred_language="en",
        role="admin",
    )
    assert person.memberships.get().role == "admin"


def test_the_last_administrator_cannot_be_demoted(world):
    membership = Membership.objects.get(person__user=world["usw_admin"])
    with pytest.raises(ValidationError):
        actions.change_role(world["usw_admin"], membership, "staff")


def test_role_change_is_audited(world):
    membership = world.rank_and_file.memberships.get()
    actions.change_role(world["mineros_staff"], membership, "officer")
    entry = AuditEntry.objects.get(action="orgs.role_changed")
    assert entry.data["from"] == "member" and entry.data["to"] == "officer"


def test_who_sees_whom(world):
    names = lambda persona: set(  # noqa: E731
        visible_people(world[persona]).values_list("name", flat=True)
    )
    # Section 65's officer sees Section 65, not Section 201's Rosa.
    assert "Mario Miembro" in names("mineros_officer")
    assert "Rosa Base" not in names("mineros_officer")
    # Staff see the whole union; the other union's staff see none of it.
    assert "Rosa Base" in names("mineros_staff")
    assert not names("usw_staff") & {"Rosa Base", "Mario Miembro", "Óscar Oficial"}
    # A member sees only themselves; an outsider only themselves.
    assert names("member") == {"Mario Miembro"}
    assert names("outsider") == {"Olivia Outsider"}


def test_people_page_lists_only_what_the_reader_may_see(
    client, world, django_assert_max_num_queries
):
    client.force_login(world["mineros_officer"])
    with django_assert_max_num_queries(15):
        response = client.get(reverse("orgs:people"))
    assert "Mario Miembro" in response.content.decode()
    assert "Rosa Base" not in response.content.decode()


def test_export_of_people_is_audited(client, world):
    client.force_login(world["mineros_staff"])
    response = client.get(reverse("orgs:people_export", args=["los-mineros"]))
    body = response.content.decode("utf-8-sig")
    assert "Rosa Base" in body and "+526450000000" in body
    # One row per current membership: Sofía is both staff and administrator, and
    # Olga, who observes on the IEB, is a member too.
    assert AuditEntry.objects.get(action="orgs.people_exported").data["rows"] == 6


def test_person_page_says_who_can_see_it(client, world):
    world["mineros_staff"].language = "en"  # this test reads the English page
    world["mineros_staff"].save()
    client.force_login(world["mineros_staff"])
    page = client.get(
        reverse("orgs:person", args=[world.rank_and_file.pk])
    ).content.decode()
    assert "Who can see this" in page
    assert "Officers of Sección 201" in page


def test_accented_names_sort_as_letters(world):
    from alianza.orgs.models import Person

    names = list(
        Person.objects.filter(
            name__in=["Óscar Oficial", "Olivia Outsider", "Sofía Staff"]
        ).values_list("name", flat=True)
    )
    assert names == ["Olivia Outsider", "Óscar Oficial", "Sofía Staff"]


@pytest.mark.parametrize(
    ("persona", "offered"), [("usw_staff", True), ("usw_officer", False)]
)
def test_people_page_offers_to_add_a_person_to_who_may(client, world, persona, offered):
    client.force_login(world[persona])
    page = client.get(reverse("orgs:people")).content.decode()
    assert (reverse("orgs:person_new") in page) is offered


def test_an_officer_may_not_change_roles(world):
    membership = world.rank_and_file.memberships.get()
    with pytest.raises(PermissionDenied):
        actions.change_role(world["mineros_officer"], membership, "officer")
    membership.refresh_from_db()
    assert membership.role == "member"


def test_refusals_about_administrators_say_why(world):
    with pytest.raises(PermissionDenied, match="make someone an administrator"):
        actions.create_person(
            world["usw_staff"], world.usw, name="X", country="US",
            preferred_language="en", role="admin",
        )  # fmt: skip
    admin = world["usw_admin"].person.memberships.get()
    with pytest.raises(PermissionDenied, match="change an administrator's role"):
        actions.change_role(world["usw_staff"], admin, "staff")
