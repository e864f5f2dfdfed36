"""A joint body's secret ballot, run by every coordinating union of its space: both
see it and its roll; each union changes only its own delegates' lines; each names its
own trustees; the steps that change the whole election wait for both."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.elections import actions, selectors
from alianza.elections.models import Election, Role, StepAgreement
from votecore import api as vc

from .helpers import run_trustees
from .joint import held, joint_ballot, line_of, roll_snapshot

MANAGERS = ["usw_staff", "usw_admin", "mineros_staff"]


def test_the_ballot_belongs_to_the_space_and_each_line_to_its_seats_union(world):
    election = joint_ballot(world)
    assert election.space == world.commission and election.organisation is None
    assert line_of(election, world.usw).weight == 2
    assert line_of(election, world.mineros).weight == 1
    assert line_of(election, world.usw).email == world["usw_officer"].email


@pytest.mark.parametrize("persona", MANAGERS)
def test_each_coordinating_unions_managers_see_the_ballot_and_the_whole_roll(
    client, world, persona
):
    election = joint_ballot(world)
    client.force_login(world[persona])
    assert client.get(election.get_absolute_url()).status_code == 200
    page = client.get(reverse("elections:voters", args=[election.uid]))
    assert page.status_code == 200
    assert world["usw_officer"].email in page.content.decode()
    assert world["mineros_officer"].email in page.content.decode()
    assert election in selectors.visible_elections(world[persona])


@pytest.mark.parametrize(
    "persona", ["outsider", "member", "mineros_officer", "usw_officer", "observer"]
)
def test_no_one_else_sees_the_roll(client, world, persona):
    election = joint_ballot(world)
    client.force_login(world[persona])
    page = client.get(reverse("elections:voters", args=[election.uid]))
    assert page.status_code == 404


@pytest.mark.parametrize(
    ("persona", "union"), [("usw_staff", "usw"), ("mineros_staff", "mineros")]
)
def test_a_union_corrects_its_own_delegates_line(world, persona, union):
    election = joint_ballot(world)
    org = getattr(world, union)
    line = line_of(election, org)
    actions.correct_voter(
        world[persona], line, email="nueva@example.org", phone="+1 520 555 0100"
    )
    line.refresh_from_db()
    assert (line.email, line.phone) == ("nueva@example.org", "+15205550100")
    entry = AuditEntry.objects.get(action="elections.voter_corrected")
    assert entry.space == world.commission and entry.data["union"] == org.pk


ATTACKS = {
    "email": {"email": "attacker@example.org"},
    "phone": {"phone": "+52 662 000 0000"},
    "weight": {"weight": "100"},
    "name": {"name": "Otra persona"},
}


@pytest.mark.parametrize(
    ("persona", "victim"), [("usw_staff", "mineros"), ("usw_admin", "mineros"),
                            ("mineros_staff", "usw")],
)  # fmt: skip
@pytest.mark.parametrize("attack", [*ATTACKS, "removal"])
def test_no_union_changes_another_unions_line(world, persona, victim, attack):
    election = joint_ballot(world)
    line = line_of(election, getattr(world, victim))
    before = roll_snapshot(election)
    with pytest.raises(PermissionDenied):
        if attack == "removal":
            actions.remove_voter(world[persona], line)
        else:
            actions.correct_voter(world[persona], line, **ATTACKS[attack])
    assert roll_snapshot(election) == before
    assert not AuditEntry.objects.filter(action__startswith="elections.voter").exists()


@pytest.mark.parametrize(
    ("persona", "victim", "answer"),
    [("usw_staff", "mineros", 403), ("mineros_staff", "usw", 403),
     ("outsider", "usw", 404), ("mineros_officer", "mineros", 404)],
)  # fmt: skip
def test_the_pages_refuse_another_unions_line(client, world, persona, victim, answer):
    election = joint_ballot(world)
    line = line_of(election, getattr(world, victim))
    before = roll_snapshot(election)
    client.force_login(world[persona])
    correct = reverse("elections:voter_correct", args=[election.uid, line.pk])
    remove = reverse("elections:voter_remove", args=[election.uid, line.pk])
    assert client.post(correct, {"name": line.name, "email": "a@example.org",
                                 "weight": "100"}).status_code == answer  # fmt: skip
    assert client.post(remove).status_code == answer
    assert roll_snapshot(election) == before


def test_the_roll_page_offers_to_correct_only_the_unions_own_lines(client, world):
    election = joint_ballot(world)
    client.force_login(world["usw_staff"])
    page = client.get(reverse("elections:voters", args=[election.uid])).content.decode()
    mine = line_of(election, world.usw)
    theirs = line_of(election, world.mineros)
    assert reverse("elections:voter_correct", args=[election.uid, mine.pk]) in page
    assert (
        reverse("elections:voter_correct", args=[election.uid, theirs.pk]) not in page
    )


def test_a_seat_votes_with_its_weight_even_for_its_own_union(world):
    election = joint_ballot(world)
    line = line_of(election, world.usw)
    with pytest.raises(ValidationError):
        actions.correct_voter(world["usw_staff"], line, weight="100")
    with pytest.raises(ValidationError):
        actions.correct_voter(world["usw_staff"], line, worker_number="W-1")
    line.refresh_from_db()
    assert line.weight == 2 and line.worker_number.startswith("seat-")
    actions.correct_voter(world["usw_staff"], line, weight="2", name="Delegada USW")
    line.refresh_from_db()
    assert (line.weight, line.name) == (2, "Delegada USW")


def _trustee(world, persona, by):
    election = joint_ballot(world)
    return actions.assign_role(world[by], election, world[persona].person, "trustee")


def test_each_union_names_its_own_trustees_and_no_one_elses(world):
    election = joint_ballot(world)
    with pytest.raises(ValidationError):  # a Los Mineros officer, named by USW
        _trustee(world, "mineros_officer", "usw_staff")
    with pytest.raises(ValidationError):
        _trustee(world, "usw_officer", "mineros_staff")
    assert not election.roles.exists()
    assert _trustee(world, "usw_officer", "usw_staff").union == world.usw
    assert _trustee(world, "observer", "usw_staff").union == world.usw
    # The last place is Los Mineros': USW cannot take it.
    with pytest.raises(ValidationError):
        _trustee(world, "usw_admin", "usw_admin")
    assert election.roles.filter(kind="trustee").count() == 2
    with pytest.raises(ValidationError):  # no administrator of its own
        actions.assign_role(world["usw_staff"], election, world["usw_admin"].person,
                            Role.Kind.ADMINISTRATOR)  # fmt: skip


def test_the_ceremony_waits_for_every_union_to_name_a_trustee(world):
    election = joint_ballot(world)
    Election.objects.filter(pk=election.pk).update(trustee_count=2, threshold=1)
    election.refresh_from_db()
    _trustee(world, "usw_officer", "usw_staff")
    actions.assign_role(world["usw_staff"], election, world["member"].person,
                        "credential_authority")  # fmt: skip
    for persona in ("usw_staff", "mineros_staff"):
        with pytest.raises(ValidationError):
            actions.begin_ceremony(world[persona], election)
    election.refresh_from_db()
    assert election.is_draft and not StepAgreement.objects.exists()


def _ready(world) -> tuple[Election, list]:
    election = joint_ballot(world)
    _trustee(world, "usw_officer", "usw_staff")
    _trustee(world, "observer", "usw_staff")
    _trustee(world, "mineros_officer", "mineros_staff")
    actions.assign_role(world["mineros_staff"], election, world["member"].person,
                        "credential_authority")  # fmt: skip
    trustees = [world["usw_officer"], world["observer"], world["mineros_officer"]]
    return held(world, election), trustees


@pytest.mark.parametrize("persona", ["outsider", "usw_officer", "mineros_officer",
                                     "member", "observer"])  # fmt: skip
def test_only_the_coordinating_unions_propose_a_step(world, persona):
    election, _trustees = _ready(world)
    with pytest.raises(PermissionDenied):
        actions.begin_ceremony(world[persona], election)
    election.refresh_from_db()
    assert election.is_draft
    assert not StepAgreement.objects.filter(step="begin").exists()


def _both(world, do, election, first, then) -> Election:
    """One union proposes the step: nothing happens; the other accepts: it is taken."""
    status = Election.objects.get(pk=election.pk).status
    do(world[first], election)
    assert Election.objects.get(pk=election.pk).status == status
    with pytest.raises(ValidationError):  # agreeing twice does not make it two
        do(world[first], election)
    assert Election.objects.get(pk=election.pk).status == status
    do(world[then], election)
    election.refresh_from_db()
    assert election.status != status
    return election


def test_every_step_waits_for_both_coordinating_unions(world):
    election, trustees = _ready(world)
    election = _both(
        world, actions.begin_ceremony, election, "usw_staff", "mineros_staff"
    )
    assert election.is_in_key_ceremony
    proposed = AuditEntry.objects.get(
        action="elections.step_proposed", data__step="begin"
    )
    accepted = AuditEntry.objects.get(
        action="elections.step_accepted", data__step="begin"
    )
    assert proposed.space == accepted.space == world.commission
    assert (proposed.data["union"], accepted.data["union"]) == (
        world.usw.pk,
        world.mineros.pk,
    )
    privates: dict = {}
    run_trustees(election, trustees, privates)
    election.refresh_from_db()
    voters = list(election.voters.order_by("pk"))
    pairs = vc.make_credentials(election.election_id, len(voters))
    actions.publish_credentials(world["member"], election,
                                {v.pk: p for v, (_s, p) in zip(voters, pairs, strict=True)})  # fmt: skip
    election = _both(
        world, actions.open_election, election, "mineros_staff", "usw_staff"
    )
    assert election.is_open
    for secret, _public in pairs:
        actions.cast(election, vc.cast(election.crypto(), secret, [[1, 0]])[0])
    election = _both(
        world, actions.close_election, election, "usw_admin", "mineros_staff"
    )
    assert election.awaits_shares
    run_trustees(election, trustees, privates)
    election.refresh_from_db()
    assert election.awaits_publication
    election = _both(
        world, actions.publish_result, election, "mineros_staff", "usw_staff"
    )
    assert election.result_is_published and election.result is not None
    assert election.result["counts"][0][:2] == [3, 0]  # the USW seat weighs two


def test_the_step_button_says_the_step_waits_for_the_other_union(client, world):
    election, _trustees = _ready(world)
    client.force_login(world["usw_staff"])
    step = reverse("elections:step", args=[election.uid])
    client.post(step, {"do": "begin"})
    page = client.get(election.get_absolute_url()).content.decode()
    assert "waiting for" in page and "Los Mineros" in page
    election.refresh_from_db()
    assert election.is_draft
    client.force_login(world["mineros_staff"])
    client.post(step, {"do": "begin"})
    election.refresh_from_db()
    assert election.is_in_key_ceremony


@pytest.mark.parametrize("persona", MANAGERS)
def test_no_union_adds_voters_to_a_meetings_ballot(world, persona):
    election = joint_ballot(world)
    before = roll_snapshot(election)
    data = b"name,worker_number,curp,email,phone,language,weight\nOtro,X1,,,,es,1\n"
    with pytest.raises(ValidationError):
        actions.import_roll(world[persona], election, "roll.csv", data)
    assert roll_snapshot(election) == before


def test_the_refusal_says_why(world):
    election = joint_ballot(world)
    line = line_of(election, world.mineros)
    with pytest.raises(PermissionDenied, match="only that union changes it"):
        actions.correct_voter(world["usw_staff"], line, email="a@example.org")


@pytest.mark.parametrize(("persona", "language"), [("usw_staff", "en"),
                                                   ("mineros_staff", "es")])  # fmt: skip
def test_both_coordinators_read_the_ballot_in_their_language(
    client, world, persona, language
):
    election = joint_ballot(world)
    user = world[persona]
    user.language = language
    user.save(update_fields=["language"])
    client.force_login(user)
    for url in (election.get_absolute_url(),
                reverse("elections:voters", args=[election.uid])):  # fmt: skip
        page = client.get(url)
        assert page.status_code == 200
        assert f'<html lang="{language}"' in page.content.decode()


def test_on_a_joint_body_each_union_names_its_own_officers(world):
    """The officers' choice on the Joint Commission's ballot: each union names
    its own titled delegates, and the first leaves a trustee's place to the other."""
    from alianza.bodies.models import Seat
    from conftest import make_user

    election = joint_ballot(world)
    body = world.commission_body
    Seat.objects.filter(body=body, holder=world["usw_officer"].person).update(
        title="Co-chair", order=0
    )
    Seat.objects.filter(body=body, holder=world["mineros_officer"].person).update(
        title="Copresidente", order=1
    )
    for n in range(2):
        delegate = make_user(f"usw{n}@example.org", f"USW delegate {n}",
                             [(world.usw, "officer", None)])  # fmt: skip
        Seat.objects.create(body=body, kind="member", representing=world.usw,
                            holder=delegate.person, title=f"Secretary {n}", order=2 + n)  # fmt: skip
    held(world, election)
    actions.name_officers(world["usw_staff"], election)
    trustees = {
        r.trustee_index: r.person for r in election.roles.filter(kind=Role.Kind.TRUSTEE)
    }
    # Two USW trustees, a place left to Los Mineros; the authority is USW's third.
    assert trustees == {1: world["usw_officer"].person,
                        2: Seat.objects.get(title="Secretary 0").holder}  # fmt: skip
    authority = election.roles.get(kind=Role.Kind.CREDENTIAL_AUTHORITY).person
    assert authority == Seat.objects.get(title="Secretary 1").holder
    actions.name_officers(world["mineros_staff"], election)
    third = election.roles.get(kind=Role.Kind.TRUSTEE, trustee_index=3)
    assert third.person == world["mineros_officer"].person
