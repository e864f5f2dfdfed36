"""Support, amendments, the body's workflow, forwarding and follow-up."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from alianza.bodies.models import Seat
from alianza.governance import actions, secret, selectors
from alianza.governance.forms import OpenVoteForm
from alianza.governance.models import Forwarding, Motion


def _session(world, body, staff):
    meeting = actions.schedule_meeting(
        staff, body, title="Sesión", starts_at=timezone.now(), mode="online",
        place="", language="es",
    )  # fmt: skip
    actions.set_meeting_status(staff, meeting, "open")
    return meeting


@pytest.fixture
def session(world):
    Seat.objects.create(
        body=world.nec, kind="member", holder=world["mineros_officer"].person,
        representing=world.mineros,
    )  # fmt: skip
    meeting = _session(world, world.nec, world["mineros_staff"])
    for seat in world.nec.seats.filter(kind="member"):
        actions.check_in(world["mineros_staff"], meeting, seat)
    return meeting


def _second_member(world, meeting):
    """Another voting member with an account, to second and amend."""
    seat = world.nec.seats.filter(kind="member", holder__user__isnull=True).first()
    seat.holder = world["member"].person
    seat.save()
    return seat


def test_a_motion_goes_on_the_agenda_only_once_seconded(world, session):
    officer, staff = world["mineros_officer"], world["mineros_staff"]
    motion = actions.submit_motion(officer, session, text="Apoyar.", language="es")
    with pytest.raises(ValidationError, match="1 supporter"):
        actions.move_motion(staff, motion, "on_agenda")
    with pytest.raises(ValidationError, match="cannot also second"):
        actions.support_motion(officer, motion)
    with pytest.raises(PermissionDenied):
        actions.support_motion(world["observer"], motion)
    _second_member(world, session)
    actions.support_motion(world["member"], motion)
    actions.move_motion(staff, motion, "on_agenda")
    assert [e.status for e in motion.events.all()] == ["submitted", "on_agenda"]


def test_the_workflow_is_the_bodys_and_adoption_comes_only_from_a_vote(world, session):
    staff = world["mineros_staff"]
    motion = actions.submit_motion(
        world["mineros_officer"], session, text="Apoyar.", language="es"
    )
    with pytest.raises(ValidationError, match="cannot be moved"):
        actions.move_motion(staff, motion, "adopted")
    world.nec.motion_states = ["submitted", "on_agenda", "debated", "adopted",
                               "rejected", "withdrawn"]  # fmt: skip
    world.nec.save()
    motion.meeting.body.refresh_from_db()
    with pytest.raises(ValidationError, match="cannot be moved"):
        actions.move_motion(staff, motion, "referred")
    assert selectors.allowed_moves(motion) == ["on_agenda", "withdrawn"]


def test_the_mover_may_withdraw_but_no_one_else_but_the_chair(world, session):
    motion = actions.submit_motion(
        world["mineros_officer"], session, text="Apoyar.", language="es"
    )
    _second_member(world, session)
    with pytest.raises(PermissionDenied):
        actions.move_motion(world["member"], motion, "withdrawn")
    actions.move_motion(world["mineros_officer"], motion, "withdrawn")
    with pytest.raises(ValidationError, match="decided"):
        actions.open_vote(world["mineros_staff"], motion, method="roll_call",
                          threshold="cast")  # fmt: skip


def test_an_adopted_amendment_replaces_the_numbered_lines(world, session):
    officer, staff = world["mineros_officer"], world["mineros_staff"]
    motion = actions.submit_motion(
        officer, session, language="es",
        text="Enviar la carta.\nAcompañar a los locales.\nInformar al CEN.",
    )  # fmt: skip
    assert motion.lines()[1] == (2, "Acompañar a los locales.")
    _second_member(world, session)
    with pytest.raises(ValidationError, match="between 1 and 3"):
        actions.amend_motion(world["member"], motion, line_from=2, line_to=4,
                             text="x", language="es")  # fmt: skip
    with pytest.raises(PermissionDenied):
        actions.amend_motion(world["observer"], motion, line_from=1, line_to=1,
                             text="x", language="en")  # fmt: skip
    amendment = actions.amend_motion(
        world["member"], motion, line_from=2, line_to=2, language="es",
        text="Acompañar a los cinco locales en Arizona y Texas.",
    )  # fmt: skip
    assert amendment.number == 2 and amendment.amends == motion
    vote = actions.open_vote(staff, amendment, method="show_of_hands", threshold="cast")
    actions.record_hands(staff, vote, yes=3, no=1, abstain=0)
    actions.close_vote(staff, vote)
    motion.refresh_from_db()
    amendment.refresh_from_db()
    assert motion.text.splitlines() == [
        "Enviar la carta.",
        "Acompañar a los cinco locales en Arizona y Texas.",
        "Informar al CEN.",
    ]
    assert amendment.replaced_text == "Acompañar a los locales."


def _adopted_recommendation(world):
    commission = world.commission_body
    for user in ("usw_officer", "mineros_officer"):
        Seat.objects.create(
            body=commission, kind="member", holder=world[user].person,
            representing=world.usw if user.startswith("usw") else world.mineros,
        )  # fmt: skip
    meeting = _session(world, commission, world["usw_staff"])
    # Each union checks its own delegation in.
    for seat in commission.seats.all():
        staff = "usw_staff" if seat.representing_id == world.usw.pk else "mineros_staff"
        actions.check_in(world[staff], meeting, seat)
    motion = actions.submit_motion(
        world["usw_officer"], meeting, language="en",
        text="Coordinate bargaining at ASARCO and Grupo México.",
    )  # fmt: skip
    vote = actions.open_vote(
        world["usw_staff"], motion, method="roll_call", threshold="cast"
    )
    actions.cast_ballot(world["usw_officer"], vote, "yes")
    actions.cast_ballot(world["mineros_officer"], vote, "yes")
    actions.close_vote(world["usw_staff"], vote)
    motion.refresh_from_db()
    return motion


def test_a_joint_recommendation_goes_to_both_boards_and_each_decides(world, session):
    recommendation = _adopted_recommendation(world)
    assert set(selectors.receiving_bodies(recommendation)) == {world.nec, world.ieb}
    with pytest.raises(PermissionDenied):
        actions.forward_recommendation(world["mineros_officer"], recommendation)
    sent = actions.forward_recommendation(world["usw_staff"], recommendation)
    assert {f.body for f in sent} == {world.nec, world.ieb}
    with pytest.raises(ValidationError, match="already forwarded"):
        actions.forward_recommendation(world["usw_staff"], recommendation)
    # Los Mineros put it before their committee; the vote records the decision.
    to_nec = Forwarding.objects.get(body=world.nec)
    local = actions.place_on_agenda(world["mineros_staff"], to_nec, session)
    assert local.proposer is None and local.status == "on_agenda"
    vote = actions.open_vote(
        world["mineros_staff"], local, method="show_of_hands", threshold="cast"
    )
    actions.record_hands(world["mineros_staff"], vote, yes=4, no=0, abstain=0)
    actions.close_vote(world["mineros_staff"], vote)
    to_nec.refresh_from_db()
    assert to_nec.decision == "adopted" and to_nec.decided_on == timezone.localdate()
    # The USW board records its decision; the other union may not.
    to_ieb = Forwarding.objects.get(body=world.ieb)
    with pytest.raises(PermissionDenied):
        actions.record_decision(world["mineros_staff"], to_ieb, decision="rejected",
                                decided_on=date(2026, 11, 30))  # fmt: skip
    actions.record_decision(world["usw_admin"], to_ieb, decision="adopted",
                            decided_on=date(2026, 11, 30), note="By e-mail ballot.")  # fmt: skip
    to_ieb.refresh_from_db()
    assert to_ieb.decision == "adopted"


def test_only_an_adopted_joint_recommendation_is_forwarded(world, session):
    motion = actions.submit_motion(
        world["mineros_officer"], session, text="Apoyar.", language="es"
    )
    with pytest.raises(ValidationError, match="joint body"):
        actions.forward_recommendation(world["mineros_staff"], motion)


def test_follow_up_by_its_owner_with_its_history(world, session):
    staff, officer = world["mineros_staff"], world["mineros_officer"]
    motion = actions.submit_motion(officer, session, text="Apoyar.", language="es")
    with pytest.raises(ValidationError, match="adopted"):
        actions.add_follow_up(staff, motion, task="Carta", owner=officer.person,
                              due_on=date(2026, 12, 1))  # fmt: skip
    motion.status = Motion.Status.ADOPTED
    motion.save()
    follow_up = actions.add_follow_up(
        staff, motion, task="Enviar la carta", owner=officer.person,
        due_on=date(2026, 12, 1),
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        actions.add_follow_up(officer, motion, task="x", owner=officer.person,
                              due_on=date(2026, 12, 1))  # fmt: skip
    actions.update_follow_up(officer, follow_up, status="in_progress", progress=50,
                             note="Borrador listo")  # fmt: skip
    with pytest.raises(PermissionDenied):
        actions.update_follow_up(
            world["observer"], follow_up, status="done", progress=0
        )
    actions.update_follow_up(staff, follow_up, status="done", progress=10)
    follow_up.refresh_from_db()
    assert follow_up.progress == 100
    assert [u.status for u in follow_up.updates.all()] == [
        "not_started", "in_progress", "done",
    ]  # fmt: skip


class CountingProvider:
    def __init__(self) -> None:
        self.opened: list = []
        self.result: tuple[int, int, int] | None = None

    def open(self, vote, electorate):
        self.opened.append((vote.pk, [(s.pk, w) for s, w in electorate]))
        return f"election-{vote.pk}"

    def counts(self, vote):
        return self.result


def test_secret_ballots_only_through_the_elections_seam(world, session):
    staff = world["mineros_staff"]
    motion = actions.submit_motion(
        world["mineros_officer"], session, text="Huelga.", language="es"
    )
    installed = secret.provider()
    secret.register(None)
    try:
        assert "secret" not in dict(OpenVoteForm().fields["method"].choices)
        with pytest.raises(ValidationError, match="elections capability"):
            actions.open_vote(staff, motion, method="secret", threshold="two_thirds")
    finally:
        secret.register(installed)
    provider = CountingProvider()
    secret.register(provider)
    try:
        assert "secret" in dict(OpenVoteForm().fields["method"].choices)
        vote = actions.open_vote(staff, motion, method="secret", threshold="two_thirds")
        assert vote.external_ref == f"election-{vote.pk}"
        assert len(provider.opened[0][1]) == 4  # the members present, weighted
        with pytest.raises(ValidationError, match="not been counted"):
            actions.close_vote(staff, vote)
        provider.result = (3, 1, 0)
        vote = actions.close_vote(staff, vote)
        assert vote.adopted and "two thirds" in vote.explanation
    finally:
        secret.register(installed)
