import pytest

from alianza.core import demo
from alianza.elections.actions import board_bytes
from alianza.elections.models import Election
from alianza.elections.outcome import outcome_of
from votecore import api as vc


@pytest.mark.django_db
def test_demo_votes_one_published_and_verifiable_one_open():
    demo.load()
    demo.load()  # idempotent
    done = Election.objects.get(kind="contract_revision")
    assert done.status == "published" and done.unit.name == "Sección 271"
    report = vc.verify_board(board_bytes(done))
    assert report.ok
    # Its polling station: a stolen code replaced, a provisional ballot accepted.
    assert done.board.filter(type="credential_replaced").count() == 1
    assert done.provisional_voters.get().accepted is True
    assert "provisional: 1, 1 accepted" in " ".join(report.lines)
    # Its polling table's console: two check-ins, one assisted, and an incident,
    # during the vote; all on the acta, with the agreement's registry number.
    assert [c.is_assisted for c in done.check_ins.order_by("pk")] == [False, True]
    incident = done.incidents.get()
    assert incident.by.name == "Lucía Zamora Vega"
    assert done.actual_open <= incident.at <= done.actual_close
    assert done.registry_number
    assert outcome_of(done).passed
    open_vote = Election.objects.get(kind="representation")
    assert open_vote.status == "open" and open_vote.worksite.employer.slug == "teksid"
    assert open_vote.board.filter(type="ballot").exists()
    demo.reset()
    assert not Election.objects.exists()


@pytest.mark.django_db
def test_a_demo_member_has_a_voting_code_printed_with_the_logins(tmp_path, settings):
    from io import StringIO

    from django.core.management import call_command

    from alianza.elections import actions
    from alianza.elections.demo import voter_code

    settings.DATA_DIR = tmp_path
    out = StringIO()
    call_command("load_demo", stdout=out)
    code = voter_code()
    assert code is not None and code["email"] == "r.valenzuela@mineros.example"
    printed = out.getvalue()
    assert code["code"] in printed and code["booth"] in printed
    officers = Election.objects.get(kind="officers")
    assert officers.is_open and officers.unit.name == "Sección 65"
    assert officers.opens_at <= officers.steps.get(status="open").at
    ramon = officers.voters.get(email=code["email"])
    assert ramon.voted_at is None  # his to cast
    ballot, _randomness = vc.cast(officers.crypto(), code["code"], [[1, 0]])
    assert actions.cast(officers, ballot)
    ramon.refresh_from_db()
    assert ramon.voted_at is not None
    demo.reset()
    assert voter_code() is None


@pytest.mark.django_db
def test_demo_joint_commission_ballot_waits_for_los_mineros():
    """The Joint Commission's secret ballot, proposed by USW: a roll line per voting
    seat, each its union's; Los Mineros has still to agree to hold it."""
    demo.load()
    demo.load()  # idempotent
    joint = Election.objects.get(space__slug="joint-commission")
    assert joint.is_draft and joint.is_joint
    assert list(joint.agreements.values_list("step", "union__slug")) == [
        ("hold", "usw")
    ]
    unions = set(joint.voters.values_list("union__slug", flat=True))
    assert unions == {"usw", "los-mineros"} and joint.voters.count() == 8
    demo.reset()
    assert not Election.objects.exists()
