"""Proposals on shared ground: what concerns a joint space as a whole takes effect
when every coordinating union has accepted it (the third-organisation attack)."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.spaces import proposals
from alianza.spaces.actions import add_participant
from alianza.spaces.models import Acceptance, JointSpace, Participant, Proposal


def _state(space):
    """What an attack must leave unchanged."""
    return (
        sorted(space.participants.values_list("organisation_id", "role")),
        sorted(Proposal.objects.values_list("pk", "status")),
        Acceptance.objects.count(),
    )


def _propose(client, user, space, organisation, role="participant"):
    client.force_login(user)
    return client.post(
        reverse("spaces:participant_add", args=[space.slug]),
        {"organisation": organisation.pk, "role": role},
    )


@pytest.mark.parametrize(
    ("proposer", "other"),
    [("usw_staff", "mineros_staff"), ("mineros_staff", "usw_staff")],
)
def test_one_union_alone_cannot_bring_a_third_into_the_joint_commission(
    client, world, proposer, other
):
    response = _propose(client, world[proposer], world.commission, world.unite)
    assert response.status_code == 302
    proposal = world.commission.proposals.get()
    # Left pending: Unite does not take part, and sees nothing of the commission.
    assert proposal.is_pending
    assert not world.commission.participants.filter(organisation=world.unite).exists()
    # The proposing union cannot answer again for itself, or for the other union.
    before = _state(world.commission)
    colleagues = {"usw_staff": ["usw_staff", "usw_admin"], "mineros_staff": [proposer]}
    for same_union in colleagues[proposer]:
        client.force_login(world[same_union])
        url = reverse("spaces:proposal_accept", args=[proposal.pk])
        assert client.post(url).status_code == 403
        with pytest.raises(PermissionDenied):
            proposals.accept(world[same_union], proposal)
    assert _state(world.commission) == before
    # The other union accepts: Unite takes part.
    client.force_login(world[other])
    client.post(reverse("spaces:proposal_accept", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.is_accepted and proposal.decided_at is not None
    assert world.commission.participants.filter(organisation=world.unite).exists()
    unions = {
        e.action: e.data["union"]
        for e in AuditEntry.objects.filter(space=world.commission)
    }
    mine = world.usw.pk if proposer == "usw_staff" else world.mineros.pk
    theirs = world.mineros.pk if proposer == "usw_staff" else world.usw.pk
    assert unions == {
        "spaces.proposal_made": mine,
        "spaces.proposal_accepted": theirs,
        "spaces.participant_added": theirs,
    }


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("mineros_officer", 403),
        ("observer", 403),
        ("usw_officer", 403),
        ("member", 404),
        ("outsider", 404),
    ],
)
def test_who_does_not_act_for_a_coordinating_union_cannot_answer(
    client, world, persona, status
):
    proposal = add_participant(
        world["usw_staff"], world.commission, organisation=world.unite
    )
    before = _state(world.commission)
    client.force_login(world[persona])
    for name in ("spaces:proposal_accept", "spaces:proposal_reject"):
        assert client.post(reverse(name, args=[proposal.pk])).status_code == status
    with pytest.raises(PermissionDenied):
        proposals.accept(world[persona], proposal)
    assert _state(world.commission) == before


@pytest.mark.parametrize(
    "persona", ["mineros_officer", "observer", "member", "outsider"]
)
def test_who_does_not_act_for_a_coordinating_union_cannot_propose(
    client, world, persona
):
    before = _state(world.commission)
    response = _propose(client, world[persona], world.commission, world.unite)
    assert response.status_code in (403, 404)
    with pytest.raises(PermissionDenied):
        add_participant(world[persona], world.commission, organisation=world.unite)
    assert _state(world.commission) == before


def test_any_coordinating_union_may_reject(client, world):
    proposal = add_participant(
        world["usw_staff"], world.commission, organisation=world.unite
    )
    mail.outbox.clear()
    client.force_login(world["mineros_staff"])
    client.post(reverse("spaces:proposal_reject", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.is_rejected
    assert not world.commission.participants.filter(organisation=world.unite).exists()
    # USW's managers are told, with a link to the space.
    assert {m.to[0] for m in mail.outbox} == {"admin@usw.test", "staff@usw.test"}
    assert world.commission.get_absolute_url() in mail.outbox[0].body
    # Decided: nobody answers it any more, and accepting now changes nothing.
    before = _state(world.commission)
    with pytest.raises(PermissionDenied):
        proposals.accept(world["mineros_staff"], proposal)
    assert _state(world.commission) == before
    entry = AuditEntry.objects.get(action="spaces.proposal_rejected")
    assert entry.space == world.commission and entry.data["union"] == world.mineros.pk


def test_the_other_unions_managers_are_told_of_a_proposal(world):
    mail.outbox.clear()
    add_participant(world["usw_staff"], world.commission, organisation=world.unite)
    assert [m.to[0] for m in mail.outbox] == ["staff@mineros.test"]
    assert "Unite" in mail.outbox[0].body
    assert world.commission.get_absolute_url() in mail.outbox[0].body


def test_with_a_single_coordinating_union_it_takes_effect_at_once(world):
    space = JointSpace.objects.create(
        slug="usw-forum", name="USW forum", kind="commission"
    )
    Participant.objects.create(space=space, organisation=world.usw, role="coordinator")
    Participant.objects.create(space=space, organisation=world.mineros)
    proposal = add_participant(world["usw_staff"], space, organisation=world.unite)
    assert proposal.is_accepted
    assert space.participants.filter(organisation=world.unite).exists()
    # A participant that does not coordinate proposes nothing.
    with pytest.raises(PermissionDenied):
        add_participant(world["mineros_staff"], space, organisation=world.unite)


def test_the_same_proposal_waits_once(world):
    add_participant(world["usw_staff"], world.commission, organisation=world.unite)
    with pytest.raises(ValidationError):
        add_participant(
            world["mineros_staff"], world.commission, organisation=world.unite
        )


def test_the_space_page_lists_proposals_with_buttons_for_who_may_answer(client, world):
    proposal = add_participant(
        world["usw_staff"], world.commission, organisation=world.unite
    )
    accept = reverse("spaces:proposal_accept", args=[proposal.pk])
    page = reverse("spaces:space", args=[world.commission.slug])
    client.force_login(world["mineros_staff"])
    shown = client.get(page)
    assert proposal in shown.context["proposals"] and accept in shown.content.decode()
    for persona in ("usw_staff", "mineros_officer"):
        client.force_login(world[persona])
        shown = client.get(page)
        assert proposal in shown.context["proposals"]
        assert accept not in shown.content.decode()


def test_the_api_lists_and_answers_proposals(client, world):
    proposal = add_participant(
        world["mineros_staff"], world.commission, organisation=world.unite
    )
    base = "/api/v1/spaces"
    client.force_login(world["usw_officer"])
    listed = client.get(f"{base}/{world.commission.slug}/proposals").json()["items"]
    assert [(p["id"], p["status"]) for p in listed] == [(proposal.pk, "pending")]
    assert listed[0]["answers"][0]["union"] == "los-mineros"
    # Officers take part but do not answer for their union.
    assert client.post(f"{base}/proposals/{proposal.pk}/accept").status_code == 403
    # Los Mineros answered with its proposal; USW's staff accepts.
    client.force_login(world["mineros_staff"])
    assert client.post(f"{base}/proposals/{proposal.pk}/reject").status_code == 403
    client.force_login(world["usw_staff"])
    answer = client.post(f"{base}/proposals/{proposal.pk}/accept")
    assert answer.status_code == 200 and answer.json()["status"] == "accepted"
    assert world.commission.participants.filter(organisation=world.unite).exists()
