from typing import Any

import pytest

from votecore import api, trustees
from votecore.election import ElectionError


@pytest.mark.parametrize("revote", [True, False])
def test_an_election_through_the_api(revote: bool) -> None:
    params = api.new_election(
        "api-1",
        "Ratification",
        [{"text": "Ratify?", "answers": ["Yes", "No"], "min": 1, "max": 1}],
        trustees=2,
        threshold=2,
        revote=revote,
    )
    board = api.Board()
    board.append("election", params)
    pairs = [trustees.setup(params, i) for i in (1, 2)]
    announcements = [a for _, a in pairs]
    for a in announcements:
        board.append("trustee", a)
    deals = [trustees.deal(params, p, announcements) for p, _ in pairs]
    for d in deals:
        board.append("deal", d)
    complaints = [
        c for p, _ in pairs if (c := trustees.check_deals(params, p, deals))["against"]
    ]
    key = api.election_key(params, deals, complaints, [])
    board.append("key", key)
    privates = [trustees.finish(params, p, deals, [], key) for p, _ in pairs]
    election = api.election_from(params, key)
    creds = api.make_credentials("api-1", 3)
    weights = {public: w for (_, public), w in zip(creds, (1, 2, 5), strict=True)}
    board.append("credentials", api.credentials_payload(weights.items()))
    accepted: list[dict[str, Any]] = []
    last: dict[str, str] = {}  # credential -> tracker of its last ballot
    for (secret, public), choice in zip(
        creds + creds[:1], ([1, 0], [0, 1], [1, 0], [0, 1]), strict=True
    ):
        body, randomness = api.cast(election, secret, [choice], last.get(public))
        assert api.check_audit(election, api.audit(body, randomness, [choice])) == [
            choice
        ]
        seen = {b["signature"] for b in accepted}
        last[public] = api.check_ballot(election, body, weights, seen, last)
        board.append("ballot", body)
        accepted.append(body)
    stale, _ = api.cast(election, creds[0][0], [[0, 1]])  # names no predecessor
    with pytest.raises(api.BallotError, match="last ballot"):
        api.check_ballot(election, stale, weights, set(), last)
    with pytest.raises(api.BallotError, match="replay"):
        api.check_ballot(
            election, accepted[0], weights, {b["signature"] for b in accepted}
        )
    board.append("close", {"ballots": len(accepted)})
    tally = api.tally_ballots(election, accepted, weights)
    board.append("tally", tally)
    cts = [
        [(bytes.fromhex(a), bytes.fromhex(b)) for a, b in row]
        for row in tally["ciphertexts"]
    ]
    shares = [trustees.decrypt_share(election, p, key, cts) for p in privates]
    for s in shares:
        board.append("decryption", s)
    outcome = api.result(election, key, tally, shares)
    assert outcome["counts"] == [[5, 3]]
    board.append("result", outcome)
    report = api.verify_board(board.to_bytes())
    if revote:
        assert report.ok, report.failure
    else:  # the fourth ballot is a second one for the first credential
        assert report.failure is not None and report.failure.seq == 10
        assert "no re-voting" in report.failure.message


def test_names_questions_and_answers_have_limits() -> None:
    def params(name: str = "Vote", text: str = "Ratify?", answer: str = "Yes") -> Any:
        question = {"text": text, "answers": [answer, "No"], "min": 1, "max": 1}
        return api.new_election("limits-1", name, [question])

    # Lengths are in code points: an emoji is one, as an accented letter is.
    params("😀" * 200, "¿" * 1000, "ñ" * 400)
    for bad in ({"name": ""}, {"name": "n" * 201}, {"text": ""}, {"text": "t" * 1001},
                {"answer": ""}, {"answer": "a" * 401}):  # fmt: skip
        with pytest.raises(ElectionError):
            params(**bad)
