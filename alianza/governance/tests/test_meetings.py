import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.audit.catalogue import action_labels
from alianza.audit.models import AuditEntry
from alianza.governance import actions
from alianza.governance.models import Vote
from alianza.governance.selectors import quorum


def test_observer_speaks_is_refused_a_vote_and_never_counts(world, session):
    observer = world["observer"]
    actions.check_in(observer, session)
    assert quorum(session).present == 0  # present, but not counted
    request = actions.request_to_speak(observer, session)
    assert (
        actions.next_speaker(world["mineros_staff"], session) == request
    )  # has the floor
    actions.check_in(world["mineros_officer"], session)
    for seat in world.nec.seats.filter(kind="member").exclude(
        holder__user__isnull=False
    )[:2]:
        actions.check_in(world["mineros_staff"], session, seat)
    assert quorum(session).present == 3 and quorum(session).reached  # of 4 voting seats
    motion = actions.submit_motion(
        world["mineros_officer"], session, text="Apoyar a ASARCO.", language="es"
    )
    with pytest.raises(PermissionDenied):
        actions.submit_motion(observer, session, text="x", language="en")
    vote = actions.open_vote(
        world["mineros_staff"], motion, method="roll_call", threshold="cast"
    )
    with pytest.raises(PermissionDenied, match="speak but not to vote"):
        actions.cast_ballot(observer, vote, "yes")
    actions.cast_ballot(world["mineros_officer"], vote, "yes")
    vote = actions.close_vote(world["mineros_staff"], vote)
    assert vote.adopted and vote.yes == 1 and vote.present == 3
    assert "1 yes, 0 no, 0 abstaining" in vote.explanation
    motion.refresh_from_db()
    assert motion.status == "adopted"


def test_no_vote_without_quorum(world, session):
    motion = actions.submit_motion(
        world["mineros_officer"], session, text="x", language="es"
    )
    with pytest.raises(ValidationError, match="no quorum"):
        actions.open_vote(
            world["mineros_staff"], motion, method="show_of_hands", threshold="cast"
        )


@pytest.mark.parametrize(
    ("threshold", "yes", "no", "abstain", "adopted"),
    [
        ("cast", 3, 2, 5, True),  # abstentions do not count
        ("present", 3, 2, 5, False),  # 10 present: 6 needed
        ("all_seats", 3, 0, 0, True),  # 4 voting seats: 3 needed
        ("two_thirds", 6, 3, 0, True),
        ("two_thirds", 5, 3, 0, False),
    ],
)
def test_the_rule_decides_and_says_so(threshold, yes, no, abstain, adopted):
    vote = Vote(threshold=threshold, yes=yes, no=no, abstain=abstain, present=10,
                members_voting=10, voting_weight=4)  # fmt: skip
    result, words = vote.decide()
    assert result is adopted
    label = str(Vote.Threshold(threshold).label)
    assert label[:1].lower() + label[1:] in words


def test_show_of_hands_cannot_exceed_those_present(world, session):
    for seat in world.nec.seats.filter(kind="member")[:3]:
        actions.check_in(world["mineros_staff"], session, seat)
    motion = actions.submit_motion(
        world["mineros_officer"], session, text="x", language="es"
    )
    vote = actions.open_vote(
        world["mineros_staff"], motion, method="show_of_hands", threshold="cast"
    )
    with pytest.raises(ValidationError):
        actions.record_hands(world["mineros_staff"], vote, yes=3, no=1, abstain=0)
    actions.record_hands(world["mineros_staff"], vote, yes=2, no=1, abstain=0)
    assert actions.close_vote(world["mineros_staff"], vote).adopted


def test_weights_count_in_named_votes(world, session):
    session.officer_seat.vote_weight = 5
    session.officer_seat.save()
    for seat in world.nec.seats.filter(kind="member"):
        actions.check_in(world["mineros_staff"], session, seat)
    motion = actions.submit_motion(
        world["mineros_officer"], session, text="x", language="es"
    )
    vote = actions.open_vote(
        world["mineros_staff"], motion, method="roll_call", threshold="cast"
    )
    actions.cast_ballot(world["mineros_officer"], vote, "no")
    assert actions.close_vote(world["mineros_staff"], vote).no == 5


def test_live_panel_shows_the_speaker_and_quorum(client, world, session):
    actions.check_in(world["observer"], session)
    actions.request_to_speak(world["observer"], session)
    actions.next_speaker(world["mineros_staff"], session)
    world["observer"].language = "en"
    world["observer"].save()
    client.force_login(world["observer"])
    panel = client.get(reverse("governance:live", args=[session.pk])).content.decode()
    assert "Otto Observer" in panel and "observer" in panel
    assert re.search(r">1[5-8]\d s<", panel)  # the 180-second limit, counting down
    assert "0 / 3" in panel and "observers are not counted" in panel
    page = client.get(reverse("governance:meeting", args=[session.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in page


@pytest.mark.django_db
def test_demo_meetings_show_the_observers_speaking_and_not_voting():
    from alianza.core import demo
    from alianza.governance.models import Ballot, Meeting

    demo.load()
    held = Meeting.objects.filter(status="closed", body__kind="executive_board")
    for meeting in held:
        observers = meeting.body.seats.filter(kind="observer")
        assert meeting.speakers.filter(seat__in=observers).exists()
        assert not Ballot.objects.filter(
            vote__motion__meeting=meeting, seat__in=observers
        ).exists()
        assert meeting.motions.get().status == "adopted"
    assert held.count() == 2
    demo.reset()
    assert not Meeting.objects.exists()


def test_the_api_shows_the_live_meeting_and_takes_requests_to_speak(
    client, world, session
):
    from alianza.accounts.actions import create_token

    def headers(user):
        return {"Authorization": f"Bearer {create_token(user, 'x')[1]}"}

    actions.check_in(world["observer"], session)
    url = f"/api/v1/meetings/{session.pk}"
    response = client.post(
        f"{url}/speakers", {"kind": "speak"}, content_type="application/json",
        headers=headers(world["observer"]),
    )  # fmt: skip
    assert response.status_code == 201 and response.json()["observer"] is True
    actions.next_speaker(world["mineros_staff"], session)
    state = client.get(url, headers=headers(world["mineros_officer"])).json()
    assert state["quorum"] == {
        "present": 0,
        "required": 3,
        "voting_seats": 4,
        "reached": False,
    }
    assert state["speaking"]["observer"] and 0 < state["seconds_left"] <= 180
    assert client.get(url, headers=headers(world["usw_staff"])).status_code == 404
    refused = client.post(
        f"{url}/speakers", {"kind": "speak"}, content_type="application/json",
        headers=headers(world["member"]),
    )  # fmt: skip
    assert refused.status_code == 403


def test_the_chairs_steps_are_audited(world, session):
    """Speaking time, the current item, the floor, a count of hands and progress on
    a follow-up each leave an entry in the body's audit log."""
    staff, officer = world["mineros_staff"], world["mineros_officer"]
    actions.set_speaking_limit(staff, session, 120)
    item = actions.add_agenda_item(staff, session, title="Informe", minutes=10)
    actions.set_current_item(staff, session, item)
    actions.request_to_speak(world["observer"], session)
    actions.next_speaker(staff, session)
    for seat in world.nec.seats.filter(kind="member")[:3]:
        actions.check_in(staff, session, seat)
    motion = actions.submit_motion(officer, session, text="x", language="es")
    vote = actions.open_vote(staff, motion, method="show_of_hands", threshold="cast")
    actions.record_hands(staff, vote, yes=2, no=1, abstain=0)
    actions.close_vote(staff, vote)
    follow_up = actions.add_follow_up(
        staff, motion, task="Carta", owner=officer.person, due_on=date(2026, 12, 1)
    )
    actions.update_follow_up(officer, follow_up, status="in_progress", progress=50)
    entries = {
        e.action: e
        for e in AuditEntry.objects.filter(organisation=world.nec.organisation)
    }
    for verb in (
        "governance.speaking_limit_set",
        "governance.current_item_set",
        "governance.floor_given",
        "governance.hands_counted",
        "governance.follow_up_updated",
    ):
        assert verb in entries and verb in action_labels()
    assert entries["governance.hands_counted"].data == {
        "yes": 2, "no": 1, "abstain": 0,
    }  # fmt: skip
    assert entries["governance.follow_up_updated"].actor == officer


def test_the_members_steps_are_audited(world, session):
    """Checking in, asking for the floor, adding an agenda item, seconding a motion
    and casting a named ballot each leave an entry, with who did it."""
    staff, officer, member = (
        world["mineros_staff"], world["mineros_officer"], world["member"]
    )  # fmt: skip
    seat = world.nec.seats.filter(kind="member", holder__user__isnull=True).first()
    seat.holder = member.person
    seat.save()
    actions.check_in(officer, session)
    actions.check_in(member, session)
    actions.check_in(officer, session)  # again: nothing new happened, no new entry
    actions.request_to_speak(officer, session)
    actions.add_agenda_item(staff, session, title="Informe", minutes=10)
    motion = actions.submit_motion(officer, session, text="Apoyar.", language="es")
    actions.support_motion(member, motion)
    third = world.nec.seats.filter(kind="member", holder__user__isnull=True).first()
    actions.check_in(staff, session, third)  # the secretary checks in a third member
    vote = actions.open_vote(staff, motion, method="roll_call", threshold="cast")
    actions.cast_ballot(officer, vote, "yes")
    entries = list(
        AuditEntry.objects.filter(organisation=world.nec.organisation).order_by("id")
    )
    by_verb: dict[str, list] = {}
    for entry in entries:
        by_verb.setdefault(entry.action, []).append(entry)
    checked_in = by_verb["governance.checked_in"]
    assert [e.actor for e in checked_in] == [officer, member, staff]
    assert [e.data["by_secretary"] for e in checked_in] == [False, False, True]
    assert by_verb["governance.speaker_requested"][0].actor == officer
    assert by_verb["governance.agenda_item_added"][0].target_label == "Informe"
    assert by_verb["governance.motion_seconded"][0].actor == member
    ballot = by_verb["governance.ballot_cast"][0]
    assert ballot.actor == officer and ballot.data["choice"] == "yes"
    for verb in by_verb:
        assert verb in action_labels()


def test_the_report_form_is_offered_to_whoever_reports_on_a_follow_up(
    client, world, session
):
    """The follow-up's owner and the body's managers report progress; the page
    offers the form to them only (the rule decides, not the template)."""
    staff, officer = world["mineros_staff"], world["mineros_officer"]
    for seat in world.nec.seats.filter(kind="member")[:3]:
        actions.check_in(staff, session, seat)
    motion = actions.submit_motion(officer, session, text="x", language="es")
    vote = actions.open_vote(staff, motion, method="show_of_hands", threshold="cast")
    actions.record_hands(staff, vote, yes=2, no=1, abstain=0)
    actions.close_vote(staff, vote)
    follow_up = actions.add_follow_up(
        staff, motion, task="Carta", owner=officer.person, due_on=date(2026, 12, 1)
    )
    form = reverse("governance:follow_up_update", args=[follow_up.pk])
    for persona, offered in (("mineros_officer", True), ("mineros_staff", True),
                             ("member", False), ("observer", False)):  # fmt: skip
        client.force_login(world[persona])
        page = client.get(session.get_absolute_url()).content.decode()
        assert (form in page) is offered, persona


@pytest.mark.parametrize("language", ["es", "fr"])
def test_numbers_the_meeting_page_posts_back_are_not_formatted_for_reading(
    client, world, session, language
):
    """A speaking time of an hour goes back as 3600, not 3.600 or 3 600, and a seat
    with a large id is named by its digits, whatever the reader's language."""
    staff = world["mineros_staff"]
    actions.set_speaking_limit(staff, session, 3600)
    seat = world.nec.seats.filter(kind="member").first()
    old = seat.pk
    seat.pk = 12345
    seat.save()
    world.nec.seats.filter(pk=old).delete()
    client.force_login(staff)
    page = client.get(
        session.get_absolute_url(), headers={"accept-language": language}
    ).content.decode()
    assert 'value="3600"' in page
    assert 'name="seat" value="12345"' in page
