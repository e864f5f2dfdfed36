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


def test_a_tie_for_the_second_seat_elects_nobody_to_it_and_names_the_tied():
    """Two seats; Ana 10, Beto 7, Carmen 7: Ana is elected, the second seat waits
    for a run-off between Beto and Carmen."""
    election = _election("officers", answers=("Ana", "Beto", "Carmen"), seats=2)
    with translation.override("en"):
        outcome = decide(election, [10, 7, 7], 12)
    assert outcome.winners == ["Ana"]
    assert outcome.explanation == (
        "Elected: Ana. Tied for the second seat: Beto and Carmen, 7 votes each; "
        "a run-off is needed."
    )


def test_one_seat_tied_five_to_five_elects_nobody():
    election = _election("officers", answers=("Ana", "Beto"), seats=1)
    with translation.override("en"):
        outcome = decide(election, [5, 5], 10)
    assert outcome.winners == []
    assert outcome.explanation == (
        "No one is elected. Tied for the seat: Ana and Beto, 5 votes each; "
        "a run-off is needed."
    )


def test_no_ballots_elect_nobody():
    election = _election("officers", answers=("Ana", "Beto", "Carmen"), seats=2)
    with translation.override("en"):
        outcome = decide(election, [0, 0, 0], 0)
    assert outcome.winners == []
    assert outcome.explanation == "No one is elected. No votes were cast."


def test_a_candidate_without_a_vote_is_not_elected_to_a_seat_left_over():
    election = _election("officers", answers=("Ana", "Beto", "Carmen"), seats=2)
    with translation.override("en"):
        outcome = decide(election, [4, 0, 0], 4)
    assert outcome.winners == ["Ana"]
    assert outcome.explanation == (
        "Elected: Ana. 1 seat is left unfilled: no other candidate received a vote."
    )


def test_three_tied_for_the_last_two_seats_elect_none_of_them():
    election = _election("officers", answers=("Ana", "Beto", "Carmen", "Dora"), seats=3)
    with translation.override("en"):
        outcome = decide(election, [9, 3, 3, 3], 18)
    assert outcome.winners == ["Ana"]
    assert "Tied for the last 2 seats: Beto, Carmen and Dora, 3 votes each" in (
        outcome.explanation
    )


def test_an_approval_vote_counts_no_more_yes_votes_than_covered_workers():
    """1,200 yes votes for 1,000 covered workers is a contradiction, not an approval."""
    election = _election("contract_approval", covered=1000)
    with translation.override("en"):
        outcome = decide(election, [1200, 0], 1200)
    assert outcome.passed is None
    assert outcome.explanation.startswith("No result: 1,200 ballots were counted")


def test_a_ratification_is_a_majority_of_the_votes_cast_and_says_ratified():
    with translation.override("en"):
        passed = decide(_election("ratification"), [1001, 1000], 2001)
        tied = decide(_election("ratification"), [7, 7], 14)
    assert passed.passed and passed.explanation.startswith("Ratified: 1,001 yes")
    assert not tied.passed and tied.explanation.startswith("Not ratified: 7 yes")
