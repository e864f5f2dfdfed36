"""A meeting's secret ballot, held as a weighted election of the body."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from alianza.accounts.models import User
from alianza.audit.models import AuditEntry
from alianza.bodies.models import Seat
from alianza.elections import actions
from alianza.elections.certificate import _column
from alianza.elections.models import Election
from alianza.elections.outcome import outcome_of, rule_in_words
from alianza.governance import actions as meetings
from alianza.orgs.models import Person
from votecore import api as vc

from .helpers import name_parties, new_election, ready_to_vote, run_trustees


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


def _secret_vote(world, threshold: str, weights: list[int]):
    """Los Mineros' committee (three members of weight 1 and the officer) with extra
    seats of these weights, all checked in, a secret ballot opened under
    ``threshold``."""
    staff = world["mineros_staff"]
    Seat.objects.create(body=world.nec, kind="member", holder=world["mineros_officer"].person,
                        representing=world.mineros)  # fmt: skip
    for n, weight in enumerate(weights):
        holder = Person.objects.create(name=f"Consejero {n}", country="MX")
        Seat.objects.create(body=world.nec, kind="member", holder=holder,
                            representing=world.mineros, vote_weight=weight)  # fmt: skip
    meeting = meetings.schedule_meeting(
        staff, world.nec, title="Sesión", starts_at=timezone.now(), mode="online",
        place="", language="es",
    )  # fmt: skip
    meetings.set_meeting_status(staff, meeting, "open")
    for seat in world.nec.seats.all():
        meetings.check_in(staff, meeting, seat)
    motion = meetings.submit_motion(
        world["mineros_officer"], meeting, text="Reformar el reglamento.", language="es"
    )
    return meetings.open_vote(staff, motion, method="secret", threshold=threshold)


def test_under_members_present_the_secret_ballots_roll_counts_heads(world):
    """The body counts heads under "a majority of the voting members present": its
    secret ballot gives every seat one vote, whatever the seat weighs."""
    vote = _secret_vote(world, "present", [5, 2])
    election = Election.objects.get(meeting_vote=vote)
    assert set(election.voters.values_list("weight", flat=True)) == {1}
    assert vote.members_voting == election.voters.count() == 6


def test_a_secret_ballot_states_the_bodys_rule_and_outcome_everywhere(world):
    """Under two thirds, 3 yes and 2 no is rejected on the meeting, on the election's
    page and on its certificate alike, each naming the same rule."""
    User.objects.filter(pk=world["mineros_staff"].pk).update(language="en")
    vote = _secret_vote(world, "two_thirds", [1])
    election = Election.objects.get(meeting_vote=vote)
    staff = world["mineros_staff"]
    parties = ready_to_vote(world, election)
    voters = list(election.voters.order_by("pk"))
    for voter, choice in zip(voters, [[[1, 0]]] * 3 + [[[0, 1]]] * 2, strict=True):
        actions.cast(
            election,
            vc.cast(election.crypto(), parties["secrets"][voter.pk], choice)[0],
        )
    actions.close_election(staff, election)
    run_trustees(election, parties["trustees"], parties["privates"])
    vote = meetings.close_vote(staff, vote)
    election.refresh_from_db()
    assert (vote.yes, vote.no) == (3, 2) and vote.adopted is False
    with translation.override("en"):
        outcome = outcome_of(election)
        assert outcome is not None and outcome.passed is False
        assert outcome.explanation == vote.explanation
        assert outcome.explanation.startswith("Rejected: 3 yes, 2 no")
        assert rule_in_words(election) == "Two thirds of the votes cast"
        certificate = _column(election, "en", "0" * 64)
    assert vote.explanation in certificate
    assert "Rule: Two thirds of the votes cast" in certificate
    client = Client()
    client.force_login(world["mineros_staff"])
    page = client.get(election.get_absolute_url()).content.decode()
    assert escape(vote.explanation) in page


def test_abstain_is_a_choice_where_the_body_s_rule_counts_abstentions(world):
    """Under "a majority of the voting members present" an abstaining member
    counts, so the secret ballot offers "abstain" and the meeting records it;
    under the votes cast, abstentions are set aside and it is not offered."""
    cast_rule = _secret_vote(world, "cast", [])
    assert len(Election.objects.get(meeting_vote=cast_rule).answers) == 2
    vote = _secret_vote(world, "present", [1])
    election = Election.objects.get(meeting_vote=vote)
    with translation.override("es"):  # the meeting's language
        assert election.answers == [gettext("Yes"), gettext("No"), gettext("Abstain")]
    staff = world["mineros_staff"]
    parties = ready_to_vote(world, election)
    voters = list(election.voters.order_by("pk"))
    choices = [[[1, 0, 0]]] * 2 + [[[0, 1, 0]]] + [[[0, 0, 1]]] * (len(voters) - 3)
    for voter, choice in zip(voters, choices, strict=True):
        actions.cast(
            election,
            vc.cast(election.crypto(), parties["secrets"][voter.pk], choice)[0],
        )
    actions.close_election(staff, election)
    run_trustees(election, parties["trustees"], parties["privates"])
    vote = meetings.close_vote(staff, vote)
    assert len(voters) == vote.members_voting == 6
    assert (vote.yes, vote.no, vote.abstain) == (2, 1, 3)
    # Two yes of six members present is no majority: the abstentions count.
    assert vote.adopted is False


def _titled_officers(world) -> list[Seat]:
    """The committee's officers: its members' seats given a title, in its order."""
    seats = list(
        world.nec.seats.filter(kind="member", holder__isnull=False).order_by("id")
    )
    for n, (seat, title) in enumerate(
        zip(
            seats,
            ["Secretario General", "Secretario del Interior", "Tesorero", "Vocal"],
            strict=False,
        )  # fmt: skip
    ):
        Seat.objects.filter(pk=seat.pk).update(title=title, order=n)
    return seats


def test_the_body_s_officers_run_its_secret_ballot_with_one_choice(client, world):
    vote = _secret_vote(world, "cast", [])
    election = Election.objects.get(meeting_vote=vote)
    seats = _titled_officers(world)
    assert len(seats) == 4
    staff = world["mineros_staff"]
    client.force_login(staff)
    url = reverse("elections:election", args=[election.uid])
    page = client.get(url).content.decode()
    assert reverse("elections:name_officers", args=[election.uid]) in page
    response = client.post(reverse("elections:name_officers", args=[election.uid]))
    assert response.status_code == 302
    roles = {(r.kind, r.trustee_index): r.person for r in election.roles.all()}
    holders = [s.holder for s in seats]
    assert roles == {
        ("trustee", 1): holders[0],
        ("trustee", 2): holders[1],
        ("trustee", 3): holders[2],
        ("credential_authority", None): holders[3],
    }
    # Named: the key ceremony may begin at once.
    actions.begin_ceremony(staff, election)
    election.refresh_from_db()
    assert election.is_in_key_ceremony


def test_too_few_officers_name_nobody(world):
    vote = _secret_vote(world, "cast", [])
    election = Election.objects.get(meeting_vote=vote)
    seats = _titled_officers(world)
    Seat.objects.filter(pk=seats[3].pk).update(title="")
    staff = world["mineros_staff"]
    with pytest.raises(ValidationError, match="too few officers"):
        actions.name_officers(staff, election)
    assert not election.roles.exists()  # nothing half-saved
    # Naming one by one still works, and the officers fill the other places.
    extra = Person.objects.create(name="Auditora", country="MX")
    actions.assign_role(staff, election, extra, "credential_authority")
    actions.name_officers(staff, election)
    assert election.roles.filter(kind="trustee").count() == 3
    with pytest.raises(ValidationError, match="are named"):
        actions.name_officers(staff, election)


def test_only_a_meeting_ballot_s_managers_name_its_officers(client, world):
    vote = _secret_vote(world, "cast", [])
    election = Election.objects.get(meeting_vote=vote)
    _titled_officers(world)
    url = reverse("elections:name_officers", args=[election.uid])
    for persona, status in [("outsider", 404), ("usw_staff", 404), ("member", 403)]:
        client.force_login(world[persona])
        assert client.post(url).status_code == status
    assert not election.roles.exists()
    other = new_election(world, voters=1)
    # The request above left the Mineros' Spanish active; the refusal is read in English here.
    with (
        translation.override("en"),
        pytest.raises(ValidationError, match="meeting's secret ballot"),
    ):
        actions.name_officers(world["mineros_staff"], other)
