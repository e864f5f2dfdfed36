"""A consultation under the Federal Labour Law has a credential authority the union
running the vote does not control; other votes may name one of the union's own,
with a warning, and the acta reads which it was."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from alianza.accounts.models import User
from alianza.elections import actions, selectors
from alianza.elections.models import Election
from alianza.elections.tests.helpers import new_election

LFT_KINDS = ["contract_approval", "contract_revision", "representation", "legitimation"]


def _consultation(world, kind: str, union: str = "mineros") -> Election:
    """A consultation under the law (its notice rules are tested elsewhere): made
    as a strike vote, then given the law's kind. USW's is one at a Mexican
    worksite it organises."""
    now = timezone.now()
    election = actions.create_election(
        world[f"{union}_staff"], getattr(world, union), kind="strike",
        title="Consulta", question="¿Aprueba usted?", opens_at=now + timedelta(days=20),
        closes_at=now + timedelta(days=21), language="es",
    )  # fmt: skip
    Election.objects.filter(pk=election.pk).update(kind=kind, covered_workers=40)
    election.refresh_from_db()
    return election


@pytest.mark.parametrize("kind", LFT_KINDS)
@pytest.mark.parametrize("persona", ["mineros_staff", "mineros_officer", "member"])
def test_los_mineros_own_people_are_refused_for_a_consultation(world, kind, persona):
    election = _consultation(world, kind)
    with pytest.raises(ValidationError) as refused:
        actions.assign_role(world["mineros_staff"], election, world[persona].person,
                            "credential_authority")  # fmt: skip
    assert "Los Mineros" in str(refused.value) and "Federal Labour Law" in str(
        refused.value
    )
    assert not election.roles.exists()
    assert selectors.authority_is_independent(election) is None


@pytest.mark.parametrize("persona", ["usw_staff", "usw_officer"])
def test_usw_s_own_people_are_refused_for_a_consultation_usw_runs(world, persona):
    election = _consultation(world, "representation", "usw")
    with pytest.raises(ValidationError, match="staff of USW"):
        actions.assign_role(world["usw_staff"], election, world[persona].person,
                            "credential_authority")  # fmt: skip
    assert not election.roles.exists()


def test_the_alliance_partner_or_a_notary_may_be_the_authority(world):
    mineros_vote = _consultation(world, "contract_approval")
    actions.assign_role(world["mineros_staff"], mineros_vote, world["usw_staff"].person,
                        "credential_authority")  # fmt: skip
    assert selectors.authority_is_independent(mineros_vote) is True
    usw_vote = _consultation(world, "representation", "usw")
    actions.assign_role(world["usw_staff"], usw_vote, world["outsider"].person,
                        "credential_authority")  # fmt: skip
    assert selectors.authority_is_independent(usw_vote) is True


def test_a_former_member_is_outside_the_union(world):
    election = _consultation(world, "legitimation")
    person = world["member"].person
    person.memberships.update(ended_on=timezone.now().date())
    actions.assign_role(
        world["mineros_staff"], election, person, "credential_authority"
    )
    assert selectors.authority_is_independent(election) is True


def test_another_vote_may_name_the_union_s_own_with_a_warning(client, world):
    election = new_election(world, kind="strike")
    staff = world["mineros_staff"]
    User.objects.filter(pk=staff.pk).update(language="en")
    client.force_login(staff)
    response = client.post(
        reverse("elections:role_add", args=[election.uid]),
        {"person": world["mineros_officer"].person.pk, "kind": "credential_authority"},
        follow=True,
    )
    assert election.roles.filter(kind="credential_authority").exists()
    assert "belongs to the union running the vote" in response.content.decode()
    assert selectors.authority_is_independent(election) is False


def test_the_page_says_why_a_consultation_refuses(client, world):
    election = _consultation(world, "contract_approval")
    staff = world["mineros_staff"]
    User.objects.filter(pk=staff.pk).update(language="en")
    client.force_login(staff)
    response = client.post(
        reverse("elections:role_add", args=[election.uid]),
        {"person": world["mineros_officer"].person.pk, "kind": "credential_authority"},
        follow=True,
    )
    assert not election.roles.exists()
    assert "does not control" in response.content.decode()


def test_the_vote_s_page_says_whether_the_authority_is_independent(client, world):
    election = _consultation(world, "contract_approval")
    staff = world["mineros_staff"]
    User.objects.filter(pk=staff.pk).update(language="en")
    client.force_login(staff)
    page = client.get(election.get_absolute_url()).content.decode()
    assert "outside the union" not in page
    actions.assign_role(staff, election, world["usw_staff"].person,
                        "credential_authority")  # fmt: skip
    page = client.get(election.get_absolute_url()).content.decode()
    assert "The credential authority is outside the union running the vote." in page
    assert "server saw the voters" not in page
    Election.objects.filter(pk=election.pk).update(
        codes_seen_by_server_at=timezone.now()
    )
    page = client.get(election.get_absolute_url()).content.decode()
    assert "server saw the voters" in page


@pytest.mark.parametrize(
    ("persona", "independent"),
    [("member", False), ("usw_officer", False), ("outsider", True)],
)
def test_on_a_joint_ballot_both_coordinating_unions_run_the_vote(
    world, persona, independent
):
    from .joint import joint_ballot

    election = joint_ballot(world)
    actions.assign_role(world["usw_staff"], election, world[persona].person,
                        "credential_authority")  # fmt: skip
    assert selectors.authority_is_independent(election) is independent
    Election.objects.filter(pk=election.pk).update(kind="legitimation")
    election.roles.all().delete()
    election.refresh_from_db()
    if independent:
        actions.assign_role(world["mineros_staff"], election, world[persona].person,
                            "credential_authority")  # fmt: skip
    else:
        with pytest.raises(ValidationError, match="Los Mineros or USW"):
            actions.assign_role(world["mineros_staff"], election,
                                world[persona].person, "credential_authority")  # fmt: skip
