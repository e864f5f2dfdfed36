"""A council's units are decided by every coordinating union: one union's staff alone
cannot bring a third organisation into the council (and so to the other union's
campaigns shared there)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from alianza.councils import actions
from alianza.councils.models import CouncilUnit
from alianza.employers.models import Representation
from alianza.orgs.models import Unit
from alianza.spaces import proposals
from alianza.spaces.models import Acceptance, Proposal


@pytest.fixture
def council(world):
    founded = actions.found_council(world["usw_staff"], world.grupo)
    for proposal in founded.space.proposals.filter(status="pending"):
        proposals.accept(world["mineros_staff"], proposal)
    return founded


@pytest.fixture
def unite_branch(world):
    """A Unite branch that represents workers at a Grupo México smelter: a unit
    offered to the council, of a union that does not take part in it."""
    branch = Unit.objects.create(
        organisation=world.unite, name="Unite Hayden", country="US"
    )
    Representation.objects.create(
        worksite=world.hayden, unit=branch, status="represented"
    )
    return branch


def _state(council):
    return (
        sorted(
            CouncilUnit.objects.filter(council=council).values_list(
                "unit_id", flat=True
            )
        ),
        sorted(council.space.participants.values_list("organisation_id", "role")),
        sorted(Proposal.objects.values_list("pk", "status")),
        Acceptance.objects.count(),
    )


def test_founding_proposes_the_other_unions_units(world):
    council = actions.found_council(world["usw_staff"], world.grupo)
    assert {m.unit for m in council.member_units.all()} == {world.local}
    proposal = council.space.proposals.get()
    assert proposal.unit == world.section65 and proposal.is_pending
    proposals.accept(world["mineros_staff"], proposal)
    assert {m.unit for m in council.member_units.all()} == {
        world.local,
        world.section65,
    }


@pytest.mark.parametrize(
    ("proposer", "other"),
    [("usw_staff", "mineros_staff"), ("mineros_staff", "usw_staff")],
)
def test_one_union_alone_cannot_bring_a_third_into_the_council(
    client, world, council, unite_branch, proposer, other
):
    client.force_login(world[proposer])
    url = reverse("councils:unit_add", args=[council.space.slug])
    assert client.post(url, {"unit": unite_branch.pk}).status_code == 302
    proposal = council.space.proposals.get(unit=unite_branch)
    assert proposal.is_pending
    assert not council.member_units.filter(unit=unite_branch).exists()
    assert not council.space.participants.filter(organisation=world.unite).exists()
    # Neither the proposer's union again, nor anyone without a coordinating union.
    before = _state(council)
    for persona in (proposer, "mineros_officer", "observer", "usw_officer", "outsider"):
        with pytest.raises(PermissionDenied):
            proposals.accept(world[persona], proposal)
    assert _state(council) == before
    # The other union accepts: the branch joins, Unite takes part.
    proposals.accept(world[other], proposal)
    assert council.member_units.filter(unit=unite_branch).exists()
    assert council.space.participants.filter(organisation=world.unite).exists()


def test_the_other_union_rejects_the_unit(client, world, council, unite_branch):
    proposal = actions.add_member_unit(world["usw_staff"], council, unite_branch)
    client.force_login(world["mineros_staff"])
    client.post(reverse("spaces:proposal_reject", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.is_rejected
    assert not council.member_units.filter(unit=unite_branch).exists()
    assert not council.space.participants.filter(organisation=world.unite).exists()


def test_the_council_page_shows_the_proposal_to_answer(
    client, world, council, unite_branch
):
    proposal = actions.add_member_unit(world["usw_staff"], council, unite_branch)
    accept = reverse("spaces:proposal_accept", args=[proposal.pk])
    page = reverse("councils:council", args=[council.space.slug])
    client.force_login(world["mineros_staff"])
    assert accept in client.get(page).content.decode()
    client.force_login(world["usw_staff"])
    shown = client.get(page).content.decode()
    assert "Unite Hayden" in shown and accept not in shown


@pytest.mark.parametrize("answer", ["spaces:proposal_accept", "spaces:proposal_reject"])
def test_a_proposal_answered_on_the_council_page_returns_there(
    client, world, council, unite_branch, answer
):
    proposal = actions.add_member_unit(world["usw_staff"], council, unite_branch)
    page = reverse("councils:council", args=[council.space.slug])
    client.force_login(world["mineros_staff"])
    shown = client.get(page).content.decode()
    assert f'name="next" value="{page}#proposal-{proposal.pk}"' in shown
    url = reverse(answer, args=[proposal.pk])
    response = client.post(url, {"next": f"{page}#proposal-{proposal.pk}"})
    assert response.url == f"{page}#proposal-{proposal.pk}"
    proposal.refresh_from_db()
    assert not proposal.is_pending


@pytest.mark.parametrize(
    "elsewhere", ["https://attacker.example/", "//attacker.example/", "javascript:x"]
)
def test_an_answer_never_returns_off_the_site(
    client, world, council, unite_branch, elsewhere
):
    proposal = actions.add_member_unit(world["usw_staff"], council, unite_branch)
    client.force_login(world["mineros_staff"])
    url = reverse("spaces:proposal_accept", args=[proposal.pk])
    response = client.post(url, {"next": elsewhere})
    assert response.url == council.space.get_absolute_url()
