import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.audit.log import record
from alianza.audit.models import AuditEntry
from alianza.orgs.actions import create_unit
from alianza.orgs.selectors import unit_tree


def test_staff_add_a_local_under_a_district(client, world):
    client.force_login(world["usw_staff"])
    response = client.post(
        reverse("orgs:unit_new", args=["usw"]),
        {
            "kind": "local",
            "name": "Local 5103",
            "number": "5103",
            "parent": world.district12.pk,
            "country": "US",
            "place": "Sahuarita, Arizona",
        },
    )
    assert response.status_code == 302
    tree = [(unit.name, depth) for unit, depth in unit_tree(world.usw)]
    assert ("Local 5103", 1) in tree and ("District 12", 0) in tree
    assert AuditEntry.objects.filter(action="orgs.unit_created").count() == 1


def test_a_unit_of_another_union_cannot_be_the_parent(world):
    with pytest.raises(ValidationError):
        create_unit(
            world["usw_staff"],
            world.usw,
            kind="local",
            name="X",
            country="US",
            parent=world.section65,
        )


def test_duplicate_names_get_a_clear_message(client, world):
    client.force_login(world["usw_staff"])
    page = client.post(
        reverse("orgs:unit_new", args=["usw"]),
        {"kind": "district", "name": "district 12", "country": "US"},
    ).content.decode()
    assert "already has a unit of that name" in page


def test_officers_cannot_add_units(world):
    with pytest.raises(PermissionDenied):
        create_unit(
            world["usw_officer"], world.usw, kind="local", name="X", country="US"
        )


def test_inviting_a_person_already_on_record_links_the_account(client, world):
    world["mineros_staff"].language = "en"
    world["mineros_staff"].save()
    client.force_login(world["mineros_staff"])
    person = world.rank_and_file
    page = client.get(reverse("invitations") + f"?person={person.pk}").content.decode()
    assert "existing record of Rosa Base" in page
    response = client.post(
        reverse("invitations") + f"?person={person.pk}",
        {
            "organisation": world.mineros.pk,
            "name": "Rosa Base",
            "email": "rosa@mineros.test",
            "role": "member",
            "unit": world.section201.pk,
            "language": "es",
            "person": person.pk,
        },
    )
    assert response.status_code == 200
    link = response.context["link"]
    client.logout()
    token = link.rstrip("/").rsplit("/", 1)[-1]
    client.post(
        reverse("accept_invitation", args=[token]),
        {
            "name": "Rosa Base",
            "language": "es",
            "password": "una-clave-larga-2026",
            "password_again": "una-clave-larga-2026",
        },
    )
    person.refresh_from_db()
    assert person.user is not None and person.user.email == "rosa@mineros.test"
    # No second person record and no second membership.
    assert person.memberships.count() == 1


@pytest.mark.parametrize(
    ("persona", "sees"),
    [("member", True), ("observer", True), ("usw_staff", False), ("outsider", False)],
)
def test_organisation_page_lists_the_bodies_the_reader_may_see(
    client, world, persona, sees
):
    # Its members see the union's bodies; an observer sees the one she sits on.
    client.force_login(world[persona])
    page = client.get(reverse("orgs:organisation", args=["los-mineros"]))
    assert (world.nec.name in page.content.decode()) is sees


def test_audit_log_page_shows_the_entries_of_the_organisations_one_administers(
    client, world
):
    record(
        "orgs.people_exported", actor=world["mineros_staff"], organisation=world.mineros
    )
    record(
        "orgs.unit_created", actor=world["mineros_staff"], organisation=world.mineros
    )
    record("orgs.people_exported", actor=world["usw_admin"], organisation=world.usw)
    client.force_login(world["mineros_staff"])
    response = client.get(reverse("orgs:audit_log"))
    entries = list(response.context["page"])
    # Hers (her sign-in too), not the USW's.
    assert {e.organisation for e in entries} == {world.mineros}
    assert {"orgs.people_exported", "orgs.unit_created"} <= {e.action for e in entries}
    only = client.get(reverse("orgs:audit_log") + "?action=orgs.unit_created")
    assert [e.action for e in only.context["page"]] == ["orgs.unit_created"]
    client.force_login(world["usw_staff"])
    assert client.get(reverse("orgs:audit_log")).status_code == 403


def test_a_new_unit_keeps_its_places_zone_unless_another_is_chosen(client, world):
    client.force_login(world["usw_staff"])
    url = reverse("orgs:unit_new", args=["usw"])
    base = {"kind": "local", "country": "CA", "parent": ""}
    client.post(url, {**base, "name": "Local 1005", "place": "Hamilton, Ontario"})
    client.post(url, {**base, "name": "Local 480", "place": "Trail, British Columbia"})
    client.post(url, {
        **base, "name": "Local 2020", "place": "Sudbury, Ontario",
        "time_zone": "America/Winnipeg",
    })  # fmt: skip
    zones = dict(world.usw.units.values_list("name", "time_zone"))
    assert zones["Local 1005"] == "America/Toronto"
    assert zones["Local 480"] == "America/Vancouver"
    assert zones["Local 2020"] == "America/Winnipeg"
