"""Where an election stands, as its pages ask it (the properties of the model)."""

import pytest

from alianza.elections.models import Election

S = Election.Status
QUESTIONS = {
    "is_draft": {S.DRAFT},
    "is_in_key_ceremony": {S.KEYS},
    "is_ready_to_open": {S.CREDENTIALS},
    "is_open": {S.OPEN},
    "awaits_shares": {S.CLOSED},
    "awaits_trustees": {S.KEYS, S.CLOSED},
    "awaits_publication": {S.TALLIED},
    "result_is_published": {S.PUBLISHED},
    "voting_is_over": {S.CLOSED, S.TALLIED, S.PUBLISHED},
}


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_each_question_is_true_in_its_statuses_only(question):
    for status in S:
        answer = getattr(Election(status=status), question)
        assert answer is (status in QUESTIONS[question]), (question, status)
