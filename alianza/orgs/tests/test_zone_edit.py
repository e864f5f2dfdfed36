"""A union's administrators set its clock and its units' in the page (audited); the
other union and the outsider are refused, nothing changed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.orgs.actions import set_zone
from conftest import client_for


def test_the_administrator_sets_the_unions_and_a_units_zone(world):
    set_zone(world["mineros_staff"], world.mineros, "America/Mexico_City")
    set_zone(world["mineros_staff"], world.section65, "America/Hermosillo")
    world.section65.refresh_from_db()
    assert world.section65.zone.key == "America/Hermosillo"
    entries = AuditEntry.objects.filter(action="orgs.zone_changed").order_by("id")
    assert [(e.organisation, e.data["to"]) for e in entries] == [
        (world.mineros, "America/Mexico_City"),
        (world.mineros, "America/Hermosillo"),
    ]
    # Empty: the unit goes back to the usual zone of its place.
    set_zone(world["mineros_staff"], world.section65, "")
    world.section65.refresh_from_db()
    assert world.section65.time_zone == ""


@pytest.mark.parametrize(
    ("persona", "record"),
    [
        ("usw_admin", "mineros"),  # the other union
        ("usw_admin", "section65"),
        ("mineros_staff", "usw"),  # and the other way round
        ("mineros_staff", "local"),
        ("mineros_officer", "section65"),  # an officer, not an administrator
        ("usw_staff", "local"),  # staff, not an administrator
        ("outsider", "mineros"),
        ("outsider", "local"),
    ],
)
def test_the_others_are_refused(world, persona, record):
    target = getattr(world, record)
    with pytest.raises(PermissionDenied):
        set_zone(world[persona], target, "America/Phoenix")
    target.refresh_from_db()
    assert target.time_zone != "America/Phoenix"
    assert not AuditEntry.objects.filter(action="orgs.zone_changed").exists()


def test_a_zone_that_does_not_exist_is_refused(world):
    with pytest.raises(ValidationError):
        set_zone(world["usw_admin"], world.local, "Mars/Olympus_Mons")


def test_the_pages_offer_the_form_to_the_administrators_only(world, client):
    org_url = world.usw.get_absolute_url()
    unit_url = world.local.get_absolute_url()
    page = client_for(client, world["usw_admin"]).get(org_url)
    assert reverse("orgs:organisation_zone", args=[world.usw.slug]).encode() in (
        page.content
    )
    page = client.get(unit_url)
    assert reverse("orgs:unit_zone", args=[world.local.pk]).encode() in page.content
    for persona in ("usw_staff", "mineros_staff", "outsider"):
        client.force_login(world[persona])
        assert b"/zone/" not in client.get(org_url).content
        assert b"/zone/" not in client.get(unit_url).content


def test_the_unit_page_names_its_clock(world, client):
    set_zone(world["usw_admin"], world.local, "America/Phoenix")
    user = world["usw_member"]
    page = client_for(client, user).get(
        world.local.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Phoenix" in page.content.decode()
