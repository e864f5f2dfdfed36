"""Alternates sit only for an absent member; proxies vote but never make quorum."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from alianza.bodies.actions import assign_seat
from alianza.governance import actions
from alianza.governance.models import Motion
from alianza.governance.selectors import ballot_seats, quorum


def _members(world):
    return list(world.nec.seats.filter(kind="member", holder__user__isnull=True))


def test_an_alternate_sits_and_votes_for_the_absent_member_only(world, session):
    staff = world["mineros_staff"]
    absent = _members(world)[0]
    alternate = assign_seat(
        staff, world.nec, kind="alternate", representing=world.mineros,
        holder=world["member"].person, alternate_for=absent,
    )  # fmt: skip
    assert not alternate.can_vote  # no rights of its own
    attendance = actions.check_in(world["member"], session)
    assert attendance.seat == absent and attendance.alternate == alternate
    assert quorum(session).present == 1  # the member's seat is filled
    assert ballot_seats(world["member"], session) == [absent]
    for seat in _members(world)[1:]:
        actions.check_in(staff, session, seat)
    motion = actions.submit_motion(
        world["member"], session, text="Moción del suplente.", language="es"
    )
    vote = actions.open_vote(staff, motion, method="roll_call", threshold="cast")
    ballot = actions.cast_ballot(world["member"], vote, "yes")
    assert ballot.seat == absent and ballot.cast_for_by == alternate
    # The member arrives and takes the seat back; the alternate no longer votes.
    actions.check_in(staff, session, absent)
    attendance.refresh_from_db()
    assert attendance.alternate is None
    assert ballot_seats(world["member"], session) == []


def test_an_alternate_does_not_sit_when_the_member_is_present(world, session):
    staff = world["mineros_staff"]
    member = _members(world)[0]
    assign_seat(
        staff, world.nec, kind="alternate", representing=world.mineros,
        holder=world["member"].person, alternate_for=member,
    )  # fmt: skip
    actions.check_in(staff, session, member)
    with pytest.raises(ValidationError, match="alternate does not sit"):
        actions.check_in(world["member"], session)


def test_an_alternate_stands_in_only_for_a_voting_member(world):
    observer_seat = world.nec.seats.get(kind="observer")
    with pytest.raises(ValidationError):
        assign_seat(
            world["mineros_staff"], world.nec, kind="alternate",
            representing=world.usw, alternate_for=observer_seat,
        )  # fmt: skip


def test_proxies_vote_within_the_limit_but_never_count_for_quorum(world, session):
    staff, officer = world["mineros_staff"], world["mineros_officer"]
    a, b, c = _members(world)
    actions.check_in(officer, session)
    actions.check_in(staff, session, a)
    proxy = actions.give_proxy(staff, session, session.officer_seat, b)
    assert quorum(session).present == 2  # b's proxy does not make quorum
    with pytest.raises(ValidationError, match="as many proxies"):
        actions.give_proxy(staff, session, session.officer_seat, c)
    with pytest.raises(ValidationError, match="present votes in person"):
        actions.give_proxy(staff, session, session.officer_seat, a)
    assert ballot_seats(officer, session) == [session.officer_seat, b]
    actions.check_in(staff, session, c)  # quorum: 3 of 4
    motion = actions.submit_motion(officer, session, text="Moción.", language="es")
    vote = actions.open_vote(staff, motion, method="roll_call", threshold="cast")
    actions.cast_ballot(officer, vote, "yes")
    actions.cast_ballot(officer, vote, "no", seat=b)
    with pytest.raises(PermissionDenied, match="no proxy"):
        actions.cast_ballot(officer, vote, "yes", seat=c)
    vote = actions.close_vote(staff, vote)
    assert (vote.yes, vote.no) == (1, 1)
    # The giver arriving takes their vote back.
    actions.check_in(staff, session, b)
    assert not session.proxies.filter(pk=proxy.pk).exists()


def test_a_body_may_refuse_proxies_and_only_members_give_them(world, session):
    staff = world["mineros_staff"]
    a = _members(world)[0]
    with pytest.raises(PermissionDenied):  # the observer is not the secretary
        actions.give_proxy(world["observer"], session, session.officer_seat, a)
    with pytest.raises(ValidationError, match="Only voting members"):
        actions.give_proxy(
            staff, session, session.officer_seat, world.nec.seats.get(kind="observer")
        )
    world.nec.proxy_limit = 0
    world.nec.save()
    with pytest.raises(ValidationError, match="does not allow proxies"):
        actions.give_proxy(staff, session, session.officer_seat, a)


def test_a_show_of_hands_is_bounded_by_members_present_and_their_proxies(
    world, session
):
    staff = world["mineros_staff"]
    a, b, c = _members(world)
    for seat in (a, b, c):
        actions.check_in(staff, session, seat)
    actions.give_proxy(staff, session, a, session.officer_seat)
    motion = Motion.objects.create(
        meeting=session, number=1, text="Moción.", proposer=a, language="es"
    )
    vote = actions.open_vote(staff, motion, method="show_of_hands", threshold="cast")
    with pytest.raises(ValidationError, match=r"\(4\)"):
        actions.record_hands(staff, vote, yes=3, no=2, abstain=0)
    actions.record_hands(staff, vote, yes=3, no=1, abstain=0)
