import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from alianza.bodies.actions import create_body
from alianza.spaces.actions import add_participant
from alianza.spaces.selectors import visible_spaces


def test_participation_reaches_leaders_not_rank_and_file(world):
    assert world.commission in visible_spaces(world["mineros_officer"])
    assert world.commission in visible_spaces(world["usw_staff"])
    assert world.commission not in visible_spaces(world["member"])
    assert world.commission not in visible_spaces(world["outsider"])


def test_coordinators_propose_an_organisation(client, world):
    client.force_login(world["usw_staff"])
    client.post(
        reverse("spaces:participant_add", args=[world.alliance.slug]),
        {"organisation": world.unite.pk, "role": "participant"},
    )
    assert world.alliance.proposals.filter(organisation=world.unite).exists()
    with pytest.raises(PermissionDenied):
        add_participant(world["usw_officer"], world.alliance, organisation=world.unite)


def test_a_joint_space_creates_its_own_body(client, world):
    body = create_body(
        world["mineros_staff"],
        space=world.commission,
        name="Subcomisión de Intercambios",
        kind="committee",
        language="es",
    )
    assert body.organisation is None and body.space == world.commission
    client.force_login(world["usw_officer"])
    assert client.get(reverse("bodies:body", args=[body.pk])).status_code == 200
    with pytest.raises(PermissionDenied):
        create_body(
            world["usw_officer"],
            space=world.commission,
            name="X",
            kind="committee",
            language="en",
        )


def test_space_page_lists_participants_and_shared_records(client, world):
    world["mineros_officer"].language = "en"  # this test reads the English page
    world["mineros_officer"].save()
    client.force_login(world["mineros_officer"])
    page = client.get(
        reverse("spaces:space", args=[world.commission.slug])
    ).content.decode()
    assert "United Steelworkers" in page and "Nothing has been shared" in page
