"""The state questions templates ask of meetings, motions, votes and what follows."""

import pytest

from alianza.governance.models import (
    FollowUp,
    Forwarding,
    Meeting,
    Minutes,
    Motion,
    Vote,
)


@pytest.mark.parametrize(
    ("status", "in_session", "closed"),
    [("scheduled", False, False), ("open", True, False), ("closed", False, True)],
)
def test_a_meeting_is_in_session_or_closed(status, in_session, closed):
    meeting = Meeting(status=status)
    assert (meeting.is_in_session, meeting.is_closed) == (in_session, closed)


@pytest.mark.parametrize(
    ("status", "decided", "adopted"),
    [
        ("submitted", False, False),
        ("on_agenda", False, False),
        ("debated", False, False),
        ("referred", False, False),
        ("adopted", True, True),
        ("rejected", True, False),
        ("withdrawn", True, False),
    ],
)
def test_a_motion_is_decided_once_adopted_rejected_or_withdrawn(
    status, decided, adopted
):
    motion = Motion(status=status)
    assert (motion.is_decided, motion.is_adopted) == (decided, adopted)


@pytest.mark.parametrize("method", ["roll_call", "show_of_hands", "secret"])
def test_a_vote_says_how_it_is_held(method):
    vote = Vote(method=method)
    assert [vote.is_roll_call, vote.is_show_of_hands, vote.is_secret] == [
        m == method for m in ("roll_call", "show_of_hands", "secret")
    ]


def test_decisions_follow_ups_and_minutes_say_where_they_stand():
    assert Forwarding().is_pending and not Forwarding().is_adopted
    assert Forwarding(decision="adopted").is_adopted
    assert not Forwarding(decision="rejected").is_pending
    assert FollowUp(status="done").is_done and not FollowUp(status="done").is_blocked
    assert FollowUp(status="blocked").is_blocked
    assert not FollowUp().is_done
    assert Minutes().is_draft and not Minutes().is_approved
    assert Minutes(status="approved").is_approved
