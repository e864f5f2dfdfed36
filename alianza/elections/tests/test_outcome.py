"""Each kind's rule, in words a worker reads on the result."""

from django.utils import translation

from alianza.elections.models import Election
from alianza.elections.outcome import decide


def _election(kind, covered=None, answers=("Yes", "No"), seats=1):
    return Election(
        kind=kind, covered_workers=covered, answers=list(answers), choose_max=seats
    )


def test_approval_needs_a_majority_of_the_covered_workers_not_of_the_votes():
    election = _election("contract_approval", covered=1000)
    with translation.override("en"):
        passed = decide(election, [512, 100], 612)
        failed = decide(election, [480, 20], 500)
    assert passed.passed
    assert passed.explanation == (
        "Approved: 512 of the 1,000 covered workers voted yes; 501 were needed."
    )
    assert not failed.passed and failed.explanation.startswith("Not approved: 480")


def test_representation_needs_thirty_percent_of_the_covered_workers():
    election = _election("representation", covered=1000)
    with translation.override("es"):
        outcome = decide(election, [300, 0], 300)
    assert (
        outcome.passed and "300" in outcome.explanation and "30%" in outcome.explanation
    )


def test_a_strike_vote_is_decided_by_the_votes_cast():
    with translation.override("en"):
        outcome = decide(_election("strike"), [51, 49], 100)
    assert outcome.passed and "51 yes and 49 no" in outcome.explanation


def test_officers_elected_by_rank_with_a_tie_said_plainly():
    election = _election("officers", answers=("Ana", "Beto", "Carmen"), seats=2)
    with translation.override("en"):
        outcome = decide(election, [10, 7, 7], 12)
    assert outcome.winners == ["Ana", "Beto"] and "tie" in outcome.explanation
