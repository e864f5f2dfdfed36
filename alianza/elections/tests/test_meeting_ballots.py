"""A meeting's secret ballot, held as a weighted election of the body."""

from django.utils import timezone

from alianza.audit.models import AuditEntry
from alianza.bodies.models import Seat
from alianza.elections import actions
from alianza.elections.models import Election
from alianza.governance import actions as meetings
from votecore import api as vc

from .helpers import name_parties, run_trustees


def test_a_secret_ballot_of_the_committee_is_an_election_with_the_seats_weights(world):
    staff = world["mineros_staff"]
    Seat.objects.create(body=world.nec, kind="member", holder=world["mineros_officer"].person,
                        representing=world.mineros, vote_weight=3)  # fmt: skip
    meeting = meetings.schedule_meeting(
        staff, world.nec, title="Sesión", starts_at=timezone.now(), mode="online",
        place="", language="es",
    )  # fmt: skip
    meetings.set_meeting_status(staff, meeting, "open")
    for seat in world.nec.seats.all():
        meetings.check_in(staff, meeting, seat)
    motion = meetings.submit_motion(
        world["mineros_officer"], meeting, text="Ir a la huelga.", language="es"
    )
    vote = meetings.open_vote(staff, motion, method="secret", threshold="cast")
    election = Election.objects.get(meeting_vote=vote)
    assert election.kind == "body" and str(election.uid) == vote.external_ref
    weights = sorted(election.voters.values_list("weight", flat=True))
    assert weights == [1, 1, 1, 3]  # the observer is not on the roll
    assert AuditEntry.objects.filter(
        action="elections.created", target_id=str(election.pk)
    ).exists()
    # The election runs as any other; the meeting's vote closes with its counts.
    parties = name_parties(world, election)
    actions.begin_ceremony(staff, election)
    privates: dict = {}
    run_trustees(election, parties["trustees"], privates)
    election.refresh_from_db()
    voters = list(election.voters.order_by("weight", "pk"))
    pairs = vc.make_credentials(election.election_id, len(voters))
    actions.publish_credentials(parties["authority"], election,
                                {v.pk: p for v, (_s, p) in zip(voters, pairs, strict=True)})  # fmt: skip
    actions.open_election(staff, election)
    election.refresh_from_db()
    for (secret, _public), choice in zip(
        pairs, [[[0, 1]]] * 3 + [[[1, 0]]], strict=True
    ):
        actions.cast(election, vc.cast(election.crypto(), secret, choice)[0])
    actions.close_election(staff, election)
    run_trustees(election, parties["trustees"], privates)
    vote = meetings.close_vote(staff, vote)
    assert (vote.yes, vote.no) == (3, 3)  # the officer's seat weighs three
    assert not vote.adopted
