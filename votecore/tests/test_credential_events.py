"""Lost and stolen codes replaced by the credential authority, and provisional
ballots decided by an administrator and an observer (protocol §5.1, §6.6)."""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest

from votecore import api, authority, credentials, sample, verify
from votecore.board import Board

Events = list[tuple[str, Any]]


@functools.cache
def _made() -> tuple[Events, dict[str, int]]:
    return sample.credential_events()


def _board(events: Events) -> bytes:
    bb = Board()
    for kind, payload in events:
        bb.append(kind, payload)
    return bb.to_bytes()


def _events() -> Events:
    copy: Events = json.loads(json.dumps(_made()[0]))  # to tamper with
    return copy


def _check(events: Events) -> verify.Report:
    return verify.verify_bytes(_board(events))


def test_a_code_replaced_mid_vote_counts_only_the_new_codes_ballot() -> None:
    events, at = _events(), _made()[1]
    report = _check(events)
    assert report.ok, report.failure
    # Yes: A's new code (weight 2, the old code's weight) and the accepted
    # provisional ballot; No: B alone. The thief's No with A's old code, and the
    # rejected provisional No, are not counted.
    assert report.counts == [[3, 1]]
    old_ballot, new_ballot = events[at["stolen"]][1], events[at["new"]][1]
    replacement = events[at["replaced"]][1]
    assert old_ballot["credential"] == replacement["old"]
    assert new_ballot["credential"] == replacement["new"]
    assert "was cast with a credential the credential authority revoked" in str(
        verify.tracker_standing(report, _tracker(old_ballot))
    )
    assert verify.tracker_standing(report, _tracker(new_ballot)) is None


def _tracker(body: dict[str, Any]) -> str:
    from votecore.encoding import tracker

    return tracker(body)


def test_a_tally_that_counts_the_revoked_codes_ballot_fails() -> None:
    events, at = _events(), _made()[1]
    params, key = events[0][1], next(p for k, p in events if k == "key")
    election = api.election_from(params, key)
    bodies = [p for k, p in events if k == "ballot"]
    old = events[at["replaced"]][1]["old"]
    provisional = events[at["provisional p"]][1]["credential"]
    listed = next(p for k, p in events if k == "credentials")["credentials"]
    weights = {c: w for c, w in listed} | {provisional: 1}  # the old code, not the new
    closed = events[: at["close"] + 1]
    closed.append(("tally", api.tally_ballots(election, bodies, weights)))
    assert old in weights
    report = _check(closed)
    assert report.failure is not None and report.failure.kind == "tally"


def test_a_forged_replacement_is_refused() -> None:
    events, at = _events(), _made()[1]
    params, key = events[0][1], next(p for k, p in events if k == "key")
    replacement = events[at["replaced"]][1]
    someone = credentials.new_secret()  # not the authority's code
    events[at["replaced"]] = (
        "credential_replaced",
        authority.sign_replacement(
            params["id"], key["fingerprint"], someone,
            replacement["old"], replacement["new"], "stolen",
        ),
    )  # fmt: skip
    report = _check(events)
    assert report.failure is not None and report.failure.seq == at["replaced"]
    assert "not signed by the credential authority" in report.failure.message


def test_a_replacement_without_an_authority_key_is_refused() -> None:
    events, at = _events(), _made()[1]
    index = next(i for i, (k, _) in enumerate(events) if k == "authority")
    del events[index]
    report = _check(events)
    assert report.failure is not None
    assert report.failure.seq == at["replaced"] - 1
    assert "no authority key" in report.failure.message


def test_the_reason_and_the_credentials_are_signed() -> None:
    events, at = _events(), _made()[1]
    events[at["replaced"]][1]["reason"] = "lost"
    report = _check(events)
    assert report.failure is not None and report.failure.seq == at["replaced"]


def test_a_revoked_code_casts_no_further_ballot() -> None:
    events, at = _events(), _made()[1]
    stolen = events[at["stolen"]][1]
    thief_again = next(
        p
        for k, p in events[: at["replaced"]]
        if k == "ballot" and p["credential"] == stolen["credential"]
    )
    running = events[: at["close"]]
    running.append(("ballot", thief_again))  # signature already seen: refused anyway
    report = _check(running)
    assert report.failure is not None and report.failure.seq == at["close"]
    assert "revoked" in report.failure.message


def test_provisional_ballots_count_once_accepted_by_the_administrator_and_an_observer() -> (
    None
):
    events, at = _events(), _made()[1]
    accepted = events[at["decided p"]][1]
    assert accepted["accepted"] and accepted["administrator"] != accepted["observer"]
    report = _check(events)
    assert report.ok
    counted = {
        p["credential"]
        for k, p in events
        if k == "ballot" and verify.tracker_standing(report, _tracker(p)) is None
    }
    assert accepted["credential"] in counted
    assert events[at["decided q"]][1]["credential"] not in counted


def test_a_decision_by_one_person_is_refused() -> None:
    events, at = _events(), _made()[1]
    decision = events[at["decided p"]][1]
    decision["observer"] = decision["administrator"]
    report = _check(events)
    assert report.failure is not None and report.failure.seq == at["decided p"]
    assert "two different people" in report.failure.message


def test_an_undecided_provisional_ballot_is_held_apart_and_blocks_the_close() -> None:
    events, at = _events(), _made()[1]
    running = events[: at["decided p"]]
    report = _check(running)
    assert report.valid_so_far
    provisional = next(
        p for k, p in running if k == "ballot" and p["credential"] == running[
            at["provisional p"]][1]["credential"]
    )  # fmt: skip
    assert "not decided yet" in str(
        verify.tracker_standing(report, _tracker(provisional))
    )
    # Closed without the decision on P (Q decided): the close fails.
    closed = running + [events[at["decided q"]]] + events[at["close"] :]
    report = _check(closed)
    assert report.failure is not None and report.failure.kind == "close"
    assert "undecided" in report.failure.message


def test_a_provisional_credential_is_decided_once() -> None:
    events, at = _events(), _made()[1]
    again = dict(events[at["decided p"]][1], accepted=False)
    events.insert(at["decided q"], ("provisional_decided", again))
    report = _check(events)
    assert report.failure is not None and report.failure.seq == at["decided q"]
    assert "already decided" in report.failure.message


def test_the_authority_program_signs_a_replacement(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code = credentials.new_secret()
    public = authority.authority_key("e-1", code)
    assert authority.main(["key", "e-1"]) == 0
    assert "public key" in capsys.readouterr().out
    old = credentials.generate("e-1", 1)[0][1]
    monkeypatch.setattr("getpass.getpass", lambda _prompt: code)
    assert authority.main(["replace", "e-1", "ab" * 32, old, "lost"]) == 0
    payload = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    authority.check_replacement("ab" * 32, public, payload)  # raises if wrong
    assert payload["old"] == old and payload["reason"] == "lost"
    with pytest.raises(authority.AuthorityError):
        authority.check_replacement("cd" * 32, public, payload)  # another election
