import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from alianza.bodies import actions
from alianza.bodies.models import Seat
from alianza.bodies.selectors import visible_bodies
from alianza.spaces.actions import share_record, withdraw_share


def test_observer_speaks_but_never_votes(world):
    with pytest.raises(ValidationError):
        actions.assign_seat(
            world["mineros_staff"],
            world.nec,
            kind="observer",
            representing=world.usw,
            can_vote=True,
        )
    seat = world.nec.seats.get(kind="observer")
    with pytest.raises(ValidationError):
        actions.set_seat_rights(
            world["mineros_staff"], seat, can_speak=True, can_vote=True
        )
    seat.can_vote = True
    with pytest.raises(IntegrityError), transaction.atomic():
        seat.save()


def test_quorum_counts_voting_members_only(world):
    # Three voting members and one observer: a majority is 2.
    assert len(world.nec.voting_seats()) == 3
    assert world.nec.quorum_required() == 2
    actions.assign_seat(
        world["mineros_staff"], world.nec, kind="observer", representing=world.usw
    )
    assert world.nec.quorum_required() == 2


def test_only_the_owning_union_manages_its_body(world):
    with pytest.raises(PermissionDenied):
        actions.assign_seat(
            world["usw_staff"], world.nec, kind="member", representing=world.usw
        )
    with pytest.raises(PermissionDenied):
        actions.assign_seat(
            world["mineros_officer"],
            world.nec,
            kind="member",
            representing=world.mineros,
        )


def test_sharing_into_a_joint_space_opens_a_body_to_its_participants(world):
    usw_staff = world["usw_staff"]
    assert world.nec not in visible_bodies(usw_staff)
    share = share_record(
        world["mineros_staff"], world.nec, world.alliance, note="Para la reunión"
    )
    assert world.nec in visible_bodies(usw_staff)
    # The USW's rank-and-file do not take part in the joint space.
    assert world.nec not in visible_bodies(world["outsider"])
    withdraw_share(world["mineros_staff"], share)
    assert world.nec not in visible_bodies(usw_staff)


def test_the_other_union_cannot_share_a_body(world):
    with pytest.raises(PermissionDenied):
        share_record(world["usw_staff"], world.nec, world.alliance)


def test_body_page_shows_rights_and_who_can_see(client, world):
    share_record(world["mineros_staff"], world.nec, world.alliance)
    client.force_login(world["observer"])
    page = client.get(reverse("bodies:body", args=[world.nec.pk])).content.decode()
    assert "does not vote" in page and "not a member" in page
    assert "Every member of Los Mineros." in page
    assert "The participants of Solidarity Alliance: shared by Sofía Staff" in page


def test_observer_sees_the_body_through_the_seat_alone(world):
    assert world.nec in visible_bodies(world["observer"])
    assert world.nec not in visible_bodies(world["usw_officer"])


def test_seat_rights_default_by_kind():
    assert Seat.rights_for("observer") == {
        "can_speak": True,
        "can_vote": False,
        "is_member": False,
    }
    assert Seat.rights_for("member")["can_vote"] is True
