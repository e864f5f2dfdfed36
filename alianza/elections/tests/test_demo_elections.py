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
    assert vc.verify_board(board_bytes(done)).ok
    assert outcome_of(done).passed
    open_vote = Election.objects.get(kind="representation")
    assert open_vote.status == "open" and open_vote.worksite.employer.slug == "teksid"
    assert open_vote.board.filter(type="ballot").exists()
    demo.reset()
    assert not Election.objects.exists()
