import copy
import dataclasses
from typing import Any

import pytest

from votecore import ballot, credentials, elgamal, group, proofs
from votecore.ballot import BallotError
from votecore.election import (
    Election,
    ElectionError,
    check_params,
    layout,
    make_params,
)

from .helpers import QUESTIONS, resign, single_key_election

SECRET = "3Kx9QmWzP7vTsD2aHjRc"
OTHER = "9hTqWzP7vTsD2aHjRcKx"
CHOICES = [[0, 1], [0, 0, 1, 0, 0, 0], [1, 0, 1]]


@pytest.fixture(scope="module")
def election() -> Any:
    return single_key_election()


@pytest.fixture(scope="module")
def cast(election: Any) -> Any:
    return ballot.create(election, SECRET, CHOICES)


def test_a_ballot_verifies(election: Any, cast: Any) -> None:
    body, _ = cast
    ballot.verify(election, body)
    assert body["credential"] == credentials.public_credential("test-1", SECRET)


def test_layouts() -> None:
    yes_no = layout(QUESTIONS[0])
    assert (yes_no.explicit, yes_no.overall) == (1, None)
    one_of_six = layout(QUESTIONS[1])
    assert (one_of_six.explicit, one_of_six.overall) == (5, [0, 1])
    approval = layout(QUESTIONS[2])
    assert (approval.explicit, approval.overall) == (3, [0, 1, 2])
    two_of_four = layout(
        {"text": "", "answers": list("abcd"), "min": 2, "max": 2, "blank": False}
    )
    assert (two_of_four.explicit, two_of_four.overall) == (3, [1, 2])


@pytest.mark.parametrize(
    "choices",
    [
        [[1, 1], [1, 0, 0, 0, 0, 0], [0, 0, 0]],
        [[0, 1], [0, 0, 0, 0, 0, 0], [0, 0, 0]],
        [[0, 1], [1, 0, 0, 0, 0, 0], [1, 1, 1]],
    ],
)
def test_choices_outside_the_rules_are_refused_at_creation(
    election: Any, choices: Any
) -> None:
    with pytest.raises(BallotError):
        ballot.create(election, SECRET, choices)


def _forge(election: Any, question: Any, overall: Any, choices: Any) -> Any:
    """A ballot made under a looser layout for one question."""
    loose = copy.copy(election)
    loose.layouts = list(election.layouts)
    loose.layouts[question] = dataclasses.replace(
        election.layouts[question], overall=overall, minimum=0, maximum=9, blank=True
    )
    return ballot.create(loose, SECRET, choices)[0]


def test_too_many_choices_are_refused(election: Any) -> None:
    body = _forge(election, 2, [0, 1, 2, 3], [[0, 1], [0, 0, 1, 0, 0, 0], [1, 1, 1]])
    with pytest.raises(BallotError, match="question 2"):
        ballot.verify(election, body)


def test_two_picks_in_a_one_of_six_are_refused(election: Any) -> None:
    body = _forge(election, 1, [0, 1, 2], [[0, 1], [1, 1, 0, 0, 0, 0], [1, 0, 1]])
    with pytest.raises(BallotError, match="question 1"):
        ballot.verify(election, body)


def test_a_ciphertext_of_two_is_refused(election: Any, cast: Any) -> None:
    body = copy.deepcopy(cast[0])
    r = group.random_scalar()
    ct = elgamal.encrypt(election.public_key, 2, r)
    enc = elgamal.encode(ct)
    cred = body["credential"]
    statement = ballot.choice_statement(election.public_key.hex(), 0, 0, enc)
    proof = proofs.prove_values(
        proofs.Context("choice", election.fingerprint, cred, statement),
        election.public_key,
        ct,
        r,
        2,
        [2, 1],
        [group.random_scalar() for _ in range(3)],
    )
    body["answers"][0] = {"choices": [enc], "proofs": [proof[::-1]], "overall": None}
    with pytest.raises(BallotError, match="question 0"):
        ballot.verify(election, resign(body, "test-1", SECRET))


def test_a_proof_moved_to_another_question_is_refused() -> None:
    election = single_key_election([QUESTIONS[0], QUESTIONS[0]])
    body, _ = ballot.create(election, SECRET, [[1, 0], [0, 1]])
    body["answers"] = body["answers"][::-1]
    with pytest.raises(BallotError, match="question 0"):
        ballot.verify(election, resign(body, "test-1", SECRET))


def test_a_ballot_replayed_under_another_credential_is_refused(
    election: Any, cast: Any
) -> None:
    body = resign(cast[0], "test-1", OTHER)
    with pytest.raises(BallotError, match="question 0"):
        ballot.verify(election, body)


def test_a_ballot_replayed_in_another_election_is_refused(
    election: Any, cast: Any
) -> None:
    other = Election(make_params("test-2", "Other", QUESTIONS), election.public_key)
    body = copy.deepcopy(cast[0])
    body["election"] = other.fingerprint
    with pytest.raises(BallotError):
        ballot.verify(other, resign(body, "test-2", SECRET))
    with pytest.raises(BallotError, match="another election"):
        ballot.verify(other, cast[0])


def test_a_changed_signature_or_body_is_refused(election: Any, cast: Any) -> None:
    body = copy.deepcopy(cast[0])
    body["signature"] = body["signature"][:-2] + (
        "00" if body["signature"][-2:] != "00" else "01"
    )
    with pytest.raises(BallotError):
        ballot.verify(election, body)
    body = copy.deepcopy(cast[0])
    body["answers"][0]["proofs"][0][0][0] = group.scalar_hex(1)
    with pytest.raises(BallotError):
        ballot.verify(election, body)


@pytest.mark.parametrize(
    "bad",
    [
        group.IDENTITY.hex(),
        (2**255 - 20).to_bytes(32, "little").hex(),
        "ff" * 32,
    ],
)
def test_invalid_points_in_a_ballot_are_refused(
    election: Any, cast: Any, bad: Any
) -> None:
    body = copy.deepcopy(cast[0])
    body["answers"][0]["choices"][0][0] = bad
    with pytest.raises(BallotError, match="point"):
        ballot.verify(election, resign(body, "test-1", SECRET))


def test_out_of_range_scalars_in_a_proof_are_refused(election: Any, cast: Any) -> None:
    body = copy.deepcopy(cast[0])
    c = group.decode_scalar(body["answers"][0]["proofs"][0][0][1])
    body["answers"][0]["proofs"][0][0][1] = (c + group.L).to_bytes(32, "little").hex()
    with pytest.raises(BallotError, match="below the group order"):
        ballot.verify(election, resign(body, "test-1", SECRET))


def test_audit_opens_the_ballot(election: Any) -> None:
    body, randomness = ballot.create(election, SECRET, CHOICES)
    record = ballot.audit_record(body, randomness, CHOICES)
    assert ballot.verify_audit(election, record) == CHOICES
    assert "signature" not in record["ballot"]
    with pytest.raises(BallotError, match="signature"):
        ballot.verify(election, record["ballot"])
    lying = copy.deepcopy(record)
    lying["choices"][0] = [1, 0]
    with pytest.raises(BallotError, match="does not open"):
        ballot.verify_audit(election, lying)


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(ElectionError):
        make_params("x", "x", [{"text": "q", "answers": ["a"], "min": 2, "max": 1}])
    with pytest.raises(ElectionError):
        make_params("x y", "x", QUESTIONS)
    with pytest.raises(ElectionError):
        make_params("x", "x", QUESTIONS, trustees=2, threshold=3)


def test_booleans_are_not_numbers_in_parameters() -> None:
    # JSON true is not the integer 1 (docs §4), though Python's True == 1.
    for path, value in (
        (("version",), True),
        (("trustees", "count"), True),
        (("trustees", "threshold"), True),
    ):
        params = make_params("x", "x", QUESTIONS)
        target = params
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        with pytest.raises(ElectionError):
            check_params(params)


def test_revealed_choices_must_be_bits(election: Any) -> None:
    body, randomness = ballot.create(election, SECRET, CHOICES)
    record = ballot.audit_record(body, randomness, CHOICES)
    for picks in ([True, False], ["1", "0"], [None, 1]):
        bad = copy.deepcopy(record)
        bad["choices"][0] = picks
        with pytest.raises(BallotError, match="not allowed"):
            ballot.verify_audit(election, bad)
