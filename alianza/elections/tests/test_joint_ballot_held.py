"""A joint body's secret ballot outside a meeting: one coordinating union proposes
it, it is held once every coordinating union has agreed (shared ground, not a single
union's say); every union taking part keeps its own delegates' lines on the roll,
coordinating or not."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from alianza.audit.models import AuditEntry
from alianza.bodies.models import Seat
from alianza.elections import actions
from alianza.elections.models import Election, StepAgreement
from alianza.spaces.models import Participant
from conftest import make_user

from .joint import roll_snapshot


@pytest.fixture
def seats(world):
    """The commission's voting seats: USW's (weight 2) and Los Mineros'; and an
    observer's seat, which does not vote."""
    body = world.commission_body
    return {
        "usw": Seat.objects.create(body=body, kind="member", representing=world.usw,
                                   holder=world["usw_officer"].person, vote_weight=2),
        "mineros": Seat.objects.create(body=body, kind="member",
                                       representing=world.mineros,
                                       holder=world["mineros_officer"].person),
        "observer": Seat.objects.create(body=body, kind="observer",
                                        representing=world.usw,
                                        holder=world["observer"].person,
                                        **Seat.rights_for("observer")),
    }  # fmt: skip


def _propose(world, persona="usw_staff", body=None) -> Election:
    now = timezone.now()
    return actions.propose_joint_ballot(
        world[persona], body or world.commission_body, title="Votación de la Comisión",
        question="¿Apoyar la huelga de Cananea?", language="es",
        opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=2),
        trustee_count=2, threshold=1,
    )  # fmt: skip


def _name_parts(world, election) -> None:
    actions.assign_role(world["usw_staff"], election, world["usw_officer"].person,
                        "trustee")  # fmt: skip
    actions.assign_role(world["mineros_staff"], election,
                        world["mineros_officer"].person, "trustee")  # fmt: skip
    actions.assign_role(world["mineros_staff"], election, world["member"].person,
                        "credential_authority")  # fmt: skip


def test_the_proposed_ballot_is_the_spaces_with_the_bodys_voting_seats(world, seats):
    election = _propose(world)
    assert election.space == world.commission and election.organisation is None
    assert election.is_draft and election.meeting_vote is None
    lines = {(v.union_id, v.weight, v.worker_number) for v in election.voters.all()}
    assert lines == {(world.usw.pk, 2, f"seat-{seats['usw'].pk}"),
                     (world.mineros.pk, 1, f"seat-{seats['mineros'].pk}")}  # fmt: skip
    agreement = election.agreements.get()
    assert (agreement.step, agreement.union) == (StepAgreement.Kind.HOLD, world.usw)
    entry = AuditEntry.objects.get(action="elections.step_proposed")
    assert entry.space == world.commission and entry.data["union"] == world.usw.pk


@pytest.mark.parametrize("proposer", ["usw_staff", "mineros_staff"])
def test_the_ceremony_waits_until_every_coordinating_union_agrees_to_hold_it(
    world, seats, proposer
):
    election = _propose(world, proposer)
    _name_parts(world, election)
    other = "mineros_staff" if proposer == "usw_staff" else "usw_staff"
    for persona in (proposer, other):
        with pytest.raises(ValidationError, match="agrees to hold this ballot first"):
            actions.begin_ceremony(world[persona], election)
    with pytest.raises(ValidationError):  # the proposer has agreed already
        actions.agree_to_hold(world[proposer], election)
    assert not election.agreements.filter(step="begin").exists()
    actions.agree_to_hold(world[other], election)
    assert set(election.agreements.filter(step="hold").values_list(
        "union_id", flat=True)) == {world.usw.pk, world.mineros.pk}  # fmt: skip
    actions.begin_ceremony(world[proposer], election)
    actions.begin_ceremony(world[other], election)
    election.refresh_from_db()
    assert election.is_in_key_ceremony


@pytest.mark.parametrize(
    "persona", ["usw_officer", "mineros_officer", "observer", "member", "outsider"]
)
def test_only_a_coordinating_unions_managers_propose_one(world, seats, persona):
    with pytest.raises(PermissionDenied):
        _propose(world, persona)
    assert not Election.objects.exists()


def test_a_union_proposes_no_joint_ballot_for_anothers_body_or_its_own(world):
    # A union's own body votes through its own elections, not through shared ground.
    with pytest.raises(PermissionDenied):
        _propose(world, "mineros_staff", body=world.nec)
    assert not Election.objects.exists()


def test_a_meetings_ballot_waits_for_every_coordinating_union_too(world):
    """The chair opens a joint body's secret ballot in a meeting (one union's
    manager): it is held, as outside a meeting, once both unions have agreed."""
    from .joint import joint_ballot

    election = joint_ballot(world)
    assert not election.agreements.exists()
    Election.objects.filter(pk=election.pk).update(trustee_count=2, threshold=1)
    election.refresh_from_db()
    _name_parts(world, election)
    with pytest.raises(ValidationError, match="agrees to hold this ballot first"):
        actions.begin_ceremony(world["usw_staff"], election)
    actions.agree_to_hold(world["usw_staff"], election)
    with pytest.raises(ValidationError, match="agrees to hold this ballot first"):
        actions.begin_ceremony(world["usw_staff"], election)
    actions.agree_to_hold(world["mineros_staff"], election)
    actions.begin_ceremony(world["usw_staff"], election)
    assert election.agreements.filter(step="begin").count() == 1


def test_a_unions_own_vote_needs_no_agreement_to_hold(world):
    now = timezone.now()
    election = actions.create_election(
        world["mineros_staff"], world.mineros, kind="strike", title="Huelga",
        question="¿Huelga?", opens_at=now, closes_at=now + timedelta(days=1),
        language="es",
    )  # fmt: skip
    with pytest.raises(ValidationError):
        actions.agree_to_hold(world["mineros_staff"], election)


def test_the_page_asks_the_other_union_to_agree(client, world, seats):
    election = _propose(world)
    step = reverse("elections:step", args=[election.uid])
    client.force_login(world["mineros_staff"])
    page = client.get(election.get_absolute_url()).content.decode()
    assert 'value="hold"' in page and 'value="begin"' not in page
    client.post(step, {"do": "hold"})
    page = client.get(election.get_absolute_url()).content.decode()
    assert 'value="begin"' in page and 'value="hold"' not in page


def test_the_coordinators_find_the_proposal_on_the_elections_page(client, world):
    url = reverse("elections:joint_ballot_new", args=[world.commission_body.pk])
    for persona in ("usw_staff", "mineros_staff"):
        client.force_login(world[persona])
        assert url in client.get(reverse("elections:elections")).content.decode()
    client.force_login(world["usw_officer"])
    assert url not in client.get(reverse("elections:elections")).content.decode()


# --- A union that takes part without coordinating ------------------------------------


@pytest.fixture
def unite(world, seats):
    """Unite takes part in the commission (not as a coordinator) and holds a seat."""
    Participant.objects.create(
        space=world.commission, organisation=world.unite, role="participant"
    )
    staff = make_user("staff@unite.test", "Uma Unite", [(world.unite, "staff", None)])
    seat = Seat.objects.create(body=world.commission_body, kind="member",
                               representing=world.unite,
                               holder=make_user("delegate@unite.test", "Dee Delegate",
                                                [(world.unite, "officer", None)]).person)  # fmt: skip
    return staff, seat


def test_a_participating_union_keeps_its_own_delegates_line(world, unite):
    staff, _seat = unite
    election = _propose(world)
    mine = election.voters.get(union=world.unite)
    actions.correct_voter(staff, mine, email="dee@unite.example.org")
    mine.refresh_from_db()
    assert mine.email == "dee@unite.example.org"
    entry = AuditEntry.objects.get(action="elections.voter_corrected")
    assert entry.data["union"] == world.unite.pk and entry.space == world.commission
    data = (
        b"name,worker_number,curp,email,phone,language,weight\nAlt Unite,U-2,,,,en,1\n"
    )
    report = actions.import_roll(staff, election, "roll.csv", data)
    assert report.saved == 1
    assert election.voters.get(worker_number="U-2").union == world.unite
    actions.remove_voter(staff, election.voters.get(worker_number="U-2"))


@pytest.mark.parametrize("victim", ["usw", "mineros"])
def test_a_participating_union_changes_no_other_unions_line(world, unite, victim):
    staff, _seat = unite
    election = _propose(world)
    line = election.voters.get(union=getattr(world, victim))
    before = roll_snapshot(election)
    with pytest.raises(PermissionDenied, match="only that union changes it"):
        actions.correct_voter(staff, line, email="x@unite.example.org")
    with pytest.raises(PermissionDenied):
        actions.remove_voter(staff, line)
    assert roll_snapshot(election) == before


def test_a_participating_union_does_not_run_the_ballot(world, unite):
    staff, _seat = unite
    election = _propose(world)
    with pytest.raises(PermissionDenied):
        actions.agree_to_hold(staff, election)
    with pytest.raises(PermissionDenied):
        actions.assign_role(staff, election, staff.person, "trustee")
    with pytest.raises(PermissionDenied):
        actions.propose_joint_ballot(
            staff, world.commission_body, title="t", question="q", language="en",
            opens_at=timezone.now(), closes_at=timezone.now() + timedelta(days=1),
        )  # fmt: skip


def test_the_roll_page_offers_a_participating_union_only_its_own_lines(
    client, world, unite
):
    staff, _seat = unite
    election = _propose(world)
    client.force_login(staff)
    page = client.get(reverse("elections:voters", args=[election.uid]))
    assert page.status_code == 200
    shown = page.content.decode()
    for line in election.voters.all():
        url = reverse("elections:voter_correct", args=[election.uid, line.pk])
        assert (url in shown) == (line.union_id == world.unite.pk)
    theirs = election.voters.get(union=world.usw)
    url = reverse("elections:voter_correct", args=[election.uid, theirs.pk])
    assert client.post(url, {"name": "X"}).status_code == 403


def test_the_other_union_is_told_in_its_language(world, seats, mailoutbox):
    election = _propose(world)
    told = {m.to[0]: m for m in mailoutbox}
    assert set(told) == {world["mineros_staff"].email}
    mail = told[world["mineros_staff"].email]
    assert election.get_absolute_url() in mail.body and "USW" in mail.body
    mailoutbox.clear()
    actions.agree_to_hold(world["mineros_staff"], election)  # nothing left to await
    assert mailoutbox == []
