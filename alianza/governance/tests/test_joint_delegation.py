"""A joint body's meeting: a union's proxies and votes are its own. The chair of
another union may not record a paper proxy from a union's absent seat, withdraw its
proxy, check its seat in, or cast its vote; the seat's holder and its own union may.
A count of hands stays with the chair."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.governance import actions
from alianza.governance.models import Proxy
from tests.joint_body import delegation_state, joint_body

#: (who attacks, the union whose seats she goes for, her own union's present seat).
ATTACKS = [("usw_staff", "mineros", "usw"), ("mineros_staff", "usw", "mineros")]


def _refused_unchanged(world, attempt) -> Exception:
    joint = joint_body(world)
    before, entries = delegation_state(joint.body), AuditEntry.objects.count()
    with pytest.raises((PermissionDenied, ValidationError)) as refused:
        attempt()
    assert delegation_state(joint.body) == before
    assert AuditEntry.objects.count() == entries
    return refused.value


def _motion_with_a_roll_call(world):
    joint = joint_body(world)
    motion = actions.submit_motion(
        world["usw_officer"], joint.meeting, text="Joint bargaining.", language="en"
    )
    return actions.open_vote(
        world["usw_staff"], motion, method="roll_call", threshold="cast"
    )


@pytest.mark.parametrize(("attacker", "victim", "own"), ATTACKS)
def test_a_paper_proxy_from_the_other_unions_seat_is_refused(
    world, attacker, victim, own
):
    joint = joint_body(world)
    _present, absent = joint.seats_of(victim)
    carrier, _absent = joint.seats_of(own)
    refused = _refused_unchanged(
        world,
        lambda: actions.give_proxy(world[attacker], joint.meeting, carrier, absent),
    )
    assert isinstance(refused, PermissionDenied)
    assert "keeps its own delegation" in str(refused)


def test_the_outsider_records_no_proxy(world):
    joint = joint_body(world)
    _refused_unchanged(
        world,
        lambda: actions.give_proxy(
            world["outsider"], joint.meeting, joint.usw_seat, joint.mineros_absent
        ),
    )


@pytest.mark.parametrize(("attacker", "victim", "own"), ATTACKS)
def test_the_other_unions_proxy_is_not_withdrawn(world, attacker, victim, own):
    joint = joint_body(world)
    present, absent = joint.seats_of(victim)
    staff = "usw_staff" if victim == "usw" else "mineros_staff"
    proxy = actions.give_proxy(world[staff], joint.meeting, present, absent)
    _refused_unchanged(world, lambda: actions.withdraw_proxy(world[attacker], proxy))
    assert Proxy.objects.filter(pk=proxy.pk).exists()


@pytest.mark.parametrize(("attacker", "victim", "own"), ATTACKS)
def test_the_other_unions_seat_is_not_checked_in(world, attacker, victim, own):
    """Checking a seat in would lapse the proxy its union gave."""
    joint = joint_body(world)
    present, absent = joint.seats_of(victim)
    staff = "usw_staff" if victim == "usw" else "mineros_staff"
    actions.give_proxy(world[staff], joint.meeting, present, absent)
    _refused_unchanged(
        world, lambda: actions.check_in(world[attacker], joint.meeting, absent)
    )


@pytest.mark.parametrize(("attacker", "victim", "own"), ATTACKS)
def test_the_other_unions_vote_is_not_cast(world, attacker, victim, own):
    joint = joint_body(world)
    vote = _motion_with_a_roll_call(world)
    present, absent = joint.seats_of(victim)
    mine, _absent = joint.seats_of(own)
    my_officer = world[f"{own}_officer"]
    # The chair casts for no seat, neither a present one nor an absent one.
    for seat in (present, absent):
        _refused_unchanged(
            world,
            lambda seat=seat: actions.cast_ballot(world[attacker], vote, "no", seat),
        )
    # Her union's seat holder casts for no seat of the other union.
    for seat in (present, absent):
        _refused_unchanged(
            world, lambda seat=seat: actions.cast_ballot(my_officer, vote, "no", seat)
        )
    assert not vote.ballots.exists()


@pytest.mark.parametrize("union", ["usw", "mineros"])
def test_the_seats_own_union_gives_its_proxy_and_its_carrier_votes(world, union):
    joint = joint_body(world)
    present, absent = joint.seats_of(union)
    staff = world["usw_staff" if union == "usw" else "mineros_staff"]
    union_id = present.representing_id
    vote = _motion_with_a_roll_call(world)
    actions.give_proxy(staff, joint.meeting, present, absent)
    holder = world[f"{union}_officer"]
    actions.cast_ballot(holder, vote, "yes")
    ballot = actions.cast_ballot(holder, vote, "no", absent)
    assert ballot.cast_for_by == present
    # Every step is logged in the space for both unions, naming the union acted for.
    entries = AuditEntry.objects.filter(
        action__in=["governance.proxy_given", "governance.ballot_cast"]
    )
    assert entries.count() == 3
    for entry in entries:
        assert entry.space_id == world.commission.pk
        assert entry.data["union"] == union_id
    # The union withdraws its proxy again.
    actions.withdraw_proxy(staff, joint.meeting.proxies.get(giver=absent))
    assert not joint.meeting.proxies.exists()


def test_the_holder_gives_her_own_proxy(world):
    joint = joint_body(world)
    meeting = joint.meeting
    meeting.attendance.filter(seat=joint.usw_seat).delete()
    proxy = actions.give_proxy(world["usw_officer"], meeting, joint.mineros_seat)
    assert proxy.giver == joint.usw_seat and proxy.carrier == joint.mineros_seat
    entry = AuditEntry.objects.get(action="governance.proxy_given")
    assert entry.data["union"] == world.usw.pk


@pytest.mark.parametrize("chair", ["usw_staff", "mineros_staff"])
def test_a_count_of_hands_stays_with_the_chair(world, chair):
    joint = joint_body(world)
    motion = actions.submit_motion(
        world["mineros_officer"], joint.meeting, text="Solidaridad.", language="es"
    )
    vote = actions.open_vote(
        world[chair], motion, method="show_of_hands", threshold="cast"
    )
    actions.record_hands(world[chair], vote, yes=2, no=0, abstain=0)
    vote.refresh_from_db()
    assert vote.yes == 2
    entry = AuditEntry.objects.get(action="governance.hands_counted")
    assert entry.space_id == world.commission.pk
    acted_for = world.usw if chair == "usw_staff" else world.mineros
    assert entry.data["union"] == acted_for.pk


@pytest.mark.parametrize(("attacker", "victim", "own"), ATTACKS)
def test_the_meeting_page_offers_no_paper_proxy_for_the_other_union(
    client, world, attacker, victim, own
):
    joint = joint_body(world)
    _present, absent = joint.seats_of(victim)
    _mine, my_absent = joint.seats_of(own)
    client.force_login(world[attacker])
    page = client.get(reverse("governance:meeting", args=[joint.meeting.pk]))
    assert [s.pk for s in page.context["paper_givers"]] == [my_absent.pk]
    assert absent.pk not in page.context["acts_for_seats"]
    before = delegation_state(joint.body)
    response = client.post(
        reverse("governance:proxy_give", args=[joint.meeting.pk]),
        {"carrier": str(_mine.pk), "giver": str(absent.pk)},
    )
    assert response.status_code == 403
    assert delegation_state(joint.body) == before
