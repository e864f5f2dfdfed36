import itertools
from typing import Any

import pytest

from votecore import ballot, elgamal, group, tally, trustees
from votecore.election import Election, make_params
from votecore.tally import TallyError

from .helpers import QUESTIONS


def _ceremony(n: Any, t: Any, *, cheat: Any = None, silent: Any = False) -> Any:
    params = make_params("dkg", "Key ceremony", QUESTIONS[:1], trustees=n, threshold=t)
    pairs = [trustees.setup(params, i) for i in range(1, n + 1)]
    privates = [p for p, _ in pairs]
    announcements = [a for _, a in pairs]
    deals = [trustees.deal(params, p, announcements) for p in privates]
    if cheat:
        dealer, victim = cheat
        other = trustees.deal(params, trustees.setup(params, dealer)[0], announcements)
        deals[dealer - 1]["shares"][str(victim)] = other["shares"][str(victim)]
    complaints = [
        c for p in privates if (c := trustees.check_deals(params, p, deals))["against"]
    ]
    reveals = (
        []
        if silent
        else [r for p in privates for r in trustees.reveal(params, p, complaints)]
    )
    key = trustees.combine_key(params, deals, complaints, reveals)
    privates = [trustees.finish(params, p, deals, reveals, key) for p in privates]
    return params, key, privates, complaints


def test_any_t_trustees_decrypt() -> None:
    params, key, privates, complaints = _ceremony(4, 3)
    assert complaints == [] and key["qualified"] == [1, 2, 3, 4]
    election = Election.from_json(params, key["public_key"])
    cts = [[elgamal.encrypt(election.public_key, 5, group.random_scalar())]]
    shares = [trustees.decrypt_share(election, p, key, cts) for p in privates]
    for subset in itertools.combinations(shares, 3):
        counts, used = tally.decrypt(election, key, cts, list(subset), 10)
        assert counts == [[5]] and len(used) == 3
    with pytest.raises(TallyError, match="needed"):
        tally.decrypt(election, key, cts, shares[:2], 10)


def test_a_bad_share_draws_a_complaint_and_is_revealed() -> None:
    params, key, privates, complaints = _ceremony(3, 2, cheat=(3, 1))
    assert complaints == [{"trustee": 1, "against": [3]}]
    assert key["qualified"] == [1, 2, 3]
    election = Election.from_json(params, key["public_key"])
    cts = [[elgamal.encrypt(election.public_key, 1, group.random_scalar())]]
    shares = [trustees.decrypt_share(election, p, key, cts) for p in privates[:2]]
    assert tally.decrypt(election, key, cts, shares, 3)[0] == [[1]]


def test_a_dealer_who_does_not_answer_a_complaint_is_disqualified() -> None:
    params, key, privates, _ = _ceremony(3, 2, cheat=(2, 3), silent=True)
    assert key["qualified"] == [1, 3]
    election = Election.from_json(params, key["public_key"])
    body, _ = ballot.create(election, "3Kx9QmWzP7vTsD2aHjRc", [[1, 0]])
    cts = ballot.ciphertexts(body)
    shares = [
        trustees.decrypt_share(election, p, key, cts)
        for p in (privates[0], privates[2])
    ]
    assert tally.decrypt(election, key, cts, shares, 1)[0] == [[1]]


def test_a_wrong_decryption_share_is_refused() -> None:
    params, key, privates, _ = _ceremony(2, 2)
    election = Election.from_json(params, key["public_key"])
    cts = [[elgamal.encrypt(election.public_key, 1, group.random_scalar())]]
    share = trustees.decrypt_share(election, privates[0], key, cts)
    share["factors"][0][0] = group.base(group.random_scalar()).hex()
    with pytest.raises(trustees.TrusteeError, match="trustee 1"):
        trustees.verify_share(election, key, cts, share)
    share["trustee"] = 9
    with pytest.raises(trustees.TrusteeError, match="unknown"):
        trustees.verify_share(election, key, cts, share)


def test_a_deal_with_a_bad_proof_is_dropped() -> None:
    params = make_params("dkg", "x", QUESTIONS[:1], trustees=2, threshold=1)
    pairs = [trustees.setup(params, i) for i in (1, 2)]
    deals = [trustees.deal(params, p, [a for _, a in pairs]) for p, _ in pairs]
    deals[1]["proof"] = deals[0]["proof"]
    assert trustees.combine_key(params, deals, [], [])["qualified"] == [1]


def test_discrete_log_is_bounded() -> None:
    assert tally.discrete_log(group.small(0), 0) == 0
    assert tally.discrete_log(group.base(1234), 5000) == 1234
    with pytest.raises(TallyError):
        tally.discrete_log(group.base(1234), 1000)
