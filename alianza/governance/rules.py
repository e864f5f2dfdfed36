import rules

from alianza.bodies.rules import can_manage_body, can_view_body
from alianza.spaces.shared_ground import acts_for_delegation

from .selectors import ballot_seats, floor_seat, seat_of


@rules.predicate
def can_view_meeting(user, meeting) -> bool:
    return meeting is not None and can_view_body(user, meeting.body)


@rules.predicate
def runs_meeting(user, meeting) -> bool:
    """The body's managers act as chair and secretary."""
    return meeting is not None and can_manage_body(user, meeting.body)


rules.add_perm("governance.view_meeting", can_view_meeting)
rules.add_perm("governance.run_meeting", runs_meeting)
# Its title is written, and translated, by the body's managers.
rules.add_perm("governance.change_meeting", runs_meeting)


def meeting_of(record):
    """The meeting a record belongs to: a motion's, a proxy's or the minutes' own
    meeting, a vote's or a follow-up's motion's."""
    motion = getattr(record, "motion", None)
    return motion.meeting if motion is not None else record.meeting


@rules.predicate
def sees_meeting_of(user, record) -> bool:
    """Sees the meeting the record belongs to (a motion, vote, proxy, follow-up,
    the minutes)."""
    return record is not None and can_view_meeting(user, meeting_of(record))


@rules.predicate
def runs_meeting_of(user, record) -> bool:
    """Motions and minutes are edited (and translated) by the meeting's secretary."""
    return record is not None and runs_meeting(user, meeting_of(record))


rules.add_perm("governance.view_motion", sees_meeting_of)
rules.add_perm("governance.view_vote", sees_meeting_of)
rules.add_perm("governance.view_proxy", sees_meeting_of)
rules.add_perm("governance.view_follow_up", sees_meeting_of)
rules.add_perm("governance.view_minutes", sees_meeting_of)
rules.add_perm("governance.view_agendaitem", sees_meeting_of)
rules.add_perm("governance.view_followup", sees_meeting_of)


@rules.predicate
def is_draft(user, minutes) -> bool:
    """Minutes not yet approved: approved minutes are not changed."""
    return minutes is not None and minutes.is_draft


rules.add_perm("governance.change_motion", runs_meeting_of)
rules.add_perm("governance.change_minutes", runs_meeting_of)
rules.add_perm("governance.change_agendaitem", runs_meeting_of)
rules.add_perm("governance.edit_minutes", runs_meeting_of & is_draft)


# --- A seat's rights at a meeting ---------------------------------------------------


@rules.predicate
def holds_seat(user, meeting) -> bool:
    """Holds a seat on the meeting's body (checks in, gives a proxy, for it)."""
    return meeting is not None and seat_of(user, meeting) is not None


@rules.predicate
def seat_may_speak(user, seat) -> bool:
    """The seat carries the right to speak (an observer's does; an alternate's,
    until it sits for its member, does not)."""
    return seat is not None and seat.can_speak


@rules.predicate
def sits_with_a_vote(user, meeting) -> bool:
    """Exercises a voting seat at this meeting (their own, or the absent member's
    as an alternate): moves, seconds and amends motions, and votes. Observers
    speak, never vote."""
    seat = floor_seat(user, meeting) if meeting is not None else None
    return seat is not None and seat.counts_for_quorum


@rules.predicate
def casts_for_seat(user, ballot) -> bool:
    """The ballot's seat is the one the person sits in or one whose proxy she carries."""
    if ballot is None:
        return False
    allowed = ballot_seats(user, ballot.vote.motion.meeting)
    return ballot.seat_id in {seat.pk for seat in allowed}


def _acts_for_seat(user, meeting, seat) -> bool:
    """Who records something for ``seat`` at ``meeting`` besides its holder: on a
    union's own body the chair (the body's managers); on a joint body the seat's own
    union only (its administrators and staff), never the chair of another union."""
    if meeting is None or seat is None or not can_view_meeting(user, meeting):
        return False
    if meeting.body.space_id is not None:
        return acts_for_delegation(user, seat)
    return runs_meeting(user, meeting)


@rules.predicate
def gives_proxy(user, proxy) -> bool:
    """A seat's proxy (``proxy.giver``) is given, or withdrawn, by the seat's holder,
    or on paper by those who act for the seat (``_acts_for_seat``)."""
    if proxy is None:
        return False
    own = seat_of(user, proxy.meeting)
    if own is not None and own.pk == proxy.giver_id:
        return True
    return _acts_for_seat(user, proxy.meeting, proxy.giver)


@rules.predicate
def checks_in_seat(user, attendance) -> bool:
    """Someone else's seat is checked in by those who act for it: checking a seat in
    also lapses the proxy it gave."""
    return attendance is not None and _acts_for_seat(
        user, attendance.meeting, attendance.seat
    )


rules.add_perm("governance.give_proxy", gives_proxy)
rules.add_perm("governance.check_in_seat", checks_in_seat)
rules.add_perm("governance.hold_seat", holds_seat)
rules.add_perm("governance.speak_from_seat", seat_may_speak)
rules.add_perm("governance.propose_motion", sits_with_a_vote)
rules.add_perm("governance.vote", sits_with_a_vote)
rules.add_perm("governance.cast_ballot", casts_for_seat)


# --- Following decisions up ----------------------------------------------------------


@rules.predicate
def owns_follow_up(user, follow_up) -> bool:
    owner = follow_up.owner.user_id if follow_up is not None else None
    return owner is not None and owner == getattr(user, "pk", None)


@rules.predicate
def manages_follow_up_body(user, follow_up) -> bool:
    return follow_up is not None and can_manage_body(
        user, follow_up.motion.meeting.body
    )


rules.add_perm("governance.update_follow_up", owns_follow_up | manages_follow_up_body)
# What is to be done is written, and translated, by the body's managers.
rules.add_perm("governance.change_followup", manages_follow_up_body)


# --- Recommendations received by a union's executive body -----------------------------


@rules.predicate
def sees_receiving_body(user, forwarding) -> bool:
    return forwarding is not None and can_view_body(user, forwarding.body)


@rules.predicate
def manages_receiving_body(user, forwarding) -> bool:
    """The receiving body's managers record its decision or put it on an agenda."""
    return forwarding is not None and can_manage_body(user, forwarding.body)


rules.add_perm("governance.view_forwarding", sees_receiving_body)
rules.add_perm("governance.decide_forwarding", manages_receiving_body)
