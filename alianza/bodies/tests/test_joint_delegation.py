"""A joint body's seats: each union keeps its own delegation. The other union's
staff (who coordinate the space and manage the body) may not add, change or vacate
its seats; the union the seat represents may."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.bodies import actions
from tests.joint_body import delegation_state, joint_body

#: (who attacks, whose seats): each union's staff on the other union's delegation.
ATTACKS = [("usw_staff", "mineros"), ("mineros_staff", "usw"), ("outsider", "usw")]
#: (who acts, for which union's seats): each union on its own delegation.
OWNERS = [("usw_staff", "usw"), ("usw_admin", "usw"), ("mineros_staff", "mineros")]


@pytest.fixture(autouse=True)
def _refusals_read_in_english(world):
    """These tests read the refusals' words in English, so every persona reads English
    here (the Spanish and French wording is the catalogues', checked in CI)."""
    from alianza.accounts.models import User

    User.objects.update(language="en")


def _union(world, name: str):
    return world.usw if name == "usw" else world.mineros


def _unchanged(world, attempt) -> Exception:
    """The attempt is refused and changes nothing, not even the audit log."""
    joint = joint_body(world)
    before, entries = delegation_state(joint.body), AuditEntry.objects.count()
    with pytest.raises(PermissionDenied) as refused:
        attempt()
    assert delegation_state(joint.body) == before
    assert AuditEntry.objects.count() == entries
    return refused.value


@pytest.mark.parametrize(("attacker", "union"), ATTACKS)
def test_taking_a_seats_vote_away_is_refused(world, attacker, union):
    _present, seat = joint_body(world).seats_of(union)
    refused = _unchanged(
        world,
        lambda: actions.set_seat_rights(
            world[attacker], seat, can_speak=True, can_vote=False
        ),
    )
    assert "keeps its own delegation" in str(refused)


@pytest.mark.parametrize(("attacker", "union"), ATTACKS)
def test_vacating_a_seat_is_refused(world, attacker, union):
    _present, seat = joint_body(world).seats_of(union)
    _unchanged(world, lambda: actions.vacate_seat(world[attacker], seat))


@pytest.mark.parametrize(("attacker", "union"), ATTACKS)
def test_adding_a_seat_for_the_other_union_is_refused(world, attacker, union):
    joint = joint_body(world)
    _unchanged(
        world,
        lambda: actions.assign_seat(
            world[attacker],
            joint.body,
            kind="member",
            representing=_union(world, union),
            holder=world["member"].person,
        ),  # fmt: skip
    )


@pytest.mark.parametrize(("attacker", "union"), ATTACKS[:2])
def test_the_other_unions_coordinator_is_refused_on_the_page(
    client, world, attacker, union
):
    _present, seat = joint_body(world).seats_of(union)
    before = delegation_state(seat.body)
    client.force_login(world[attacker])
    for data in ({"vacate": "1"}, {"can_speak": "on"}):
        response = client.post(reverse("bodies:seat_rights", args=[seat.pk]), data)
        assert response.status_code == 403
    response = client.post(
        reverse("bodies:seat_add", args=[seat.body_id]),
        {"kind": "member", "representing": seat.representing_id, "title": "Taken"},
    )
    assert response.status_code == 403
    assert "keeps its own delegation" in response.content.decode()
    assert delegation_state(seat.body) == before


@pytest.mark.parametrize(("actor", "union"), OWNERS)
def test_the_seats_own_union_changes_its_delegation(world, actor, union):
    joint = joint_body(world)
    present, absent = joint.seats_of(union)
    actions.set_seat_rights(world[actor], absent, can_speak=True, can_vote=False)
    actions.vacate_seat(world[actor], present)
    added = actions.assign_seat(
        world[actor], joint.body, kind="observer", representing=_union(world, union),
        title="Adviser",
    )  # fmt: skip
    absent.refresh_from_db()
    present.refresh_from_db()
    assert not absent.can_vote and present.holder is None and added.pk
    # Every entry is in the space, where both unions read it, and names the union.
    entries = AuditEntry.objects.filter(
        action__in=[
            "bodies.seat_changed",
            "bodies.seat_vacated",
            "bodies.seat_assigned",
        ]
    )
    assert entries.count() == 3
    for entry in entries:
        assert entry.space_id == world.commission.pk
        assert entry.data["union"] == _union(world, union).pk


def test_the_page_offers_each_union_its_own_seats_only(client, world):
    joint = joint_body(world)
    client.force_login(world["usw_staff"])
    page = client.get(reverse("bodies:body", args=[joint.body.pk]))
    mine = reverse("bodies:seat_rights", args=[joint.usw_absent.pk])
    theirs = reverse("bodies:seat_rights", args=[joint.mineros_absent.pk])
    assert mine in page.content.decode() and theirs not in page.content.decode()
    offered = page.context["seat_form"].fields["representing"].queryset
    assert list(offered) == [world.usw]


def test_an_alternate_stands_in_for_a_member_of_its_own_union(world):
    from django.core.exceptions import ValidationError

    joint = joint_body(world)
    with pytest.raises(ValidationError, match="own union"):
        actions.assign_seat(
            world["usw_staff"], joint.body, kind="alternate", representing=world.usw,
            alternate_for=joint.mineros_absent,
        )  # fmt: skip


def test_a_unions_own_body_keeps_its_rules(world):
    """On Los Mineros' committee its staff manage every seat, the USW observer's too."""
    seat = world.nec.seats.get(kind="observer")
    actions.set_seat_rights(
        world["mineros_staff"], seat, can_speak=False, can_vote=False
    )
    seat.refresh_from_db()
    assert not seat.can_speak
    with pytest.raises(PermissionDenied):
        actions.vacate_seat(world["usw_staff"], seat)
