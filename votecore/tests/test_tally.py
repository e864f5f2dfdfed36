from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from votecore import sample, verify


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    voters=st.integers(min_value=1, max_value=6),
    revotes=st.sampled_from([0.0, 0.5, 1.0]),
    seed=st.integers(min_value=0, max_value=2**32),
    trustees=st.sampled_from([(1, 1), (3, 2)]),
)
def test_the_tally_is_the_weighted_plaintext_sum(
    voters: Any, revotes: Any, seed: Any, trustees: Any
) -> None:
    board, expected = sample.build(
        voters,
        questions=["yesno", "approval"],
        trustee_count=trustees[0],
        threshold=trustees[1],
        revote_share=revotes,
        seed=seed,
    )
    report = verify.verify_bytes(board.to_bytes())
    assert report.ok, report.failure
    assert report.counts[0] == expected[0]
    assert report.counts[1] == expected[1]


def test_one_of_six_with_implied_last_answer() -> None:
    board, expected = sample.build(
        5, questions=["1of6"], trustee_count=1, threshold=1, seed=3
    )
    report = verify.verify_bytes(board.to_bytes())
    assert report.ok, report.failure
    assert report.counts == expected
