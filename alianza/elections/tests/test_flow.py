import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from alianza.elections import actions
from alianza.elections.outcome import decide
from votecore import api as vc

from .helpers import new_election, ready_to_vote, run_trustees

YES, NO = [[1, 0]], [[0, 1]]


def test_an_election_from_keys_to_a_verified_result(world):
    election = new_election(world, voters=5)
    parties = ready_to_vote(world, election)
    context = vc.election_from(election.params, election.key)
    secrets = list(parties["secrets"].values())
    trackers = []
    for secret, choice in zip(secrets, [YES, YES, NO, YES, NO], strict=True):
        ballot, _randomness = vc.cast(context, secret, choice)
        trackers.append(actions.cast(election, ballot))
    # A change of mind: the re-vote names the ballot it replaces; the last counts.
    ballot, _ = vc.cast(context, secrets[4], YES, trackers[4])
    actions.cast(election, ballot)
    with pytest.raises(ValidationError, match="already on the board"):
        actions.cast(election, ballot)
    actions.close_election(world["mineros_staff"], election)
    election.refresh_from_db()
    assert election.status == "closed"
    run_trustees(election, parties["trustees"], parties["privates"])
    election.refresh_from_db()
    assert election.status == "tallied"
    result = election.result or {}
    counts = result["counts"][0]
    assert counts == [4, 1] and result["counted"] == 5
    outcome = decide(election, counts, result["counted"])
    assert outcome.passed and "4 yes and 1 no" in outcome.explanation
    report = vc.verify_board(actions.board_bytes(election))
    assert report.ok, report
    assert election.voters.filter(voted_at__isnull=False).count() == 5


def test_a_ballot_with_a_credential_not_on_the_roll_is_refused(world):
    election = new_election(world, voters=2)
    ready_to_vote(world, election)
    stranger_secret, _public = vc.make_credentials(election.election_id, 1)[0]
    ballot, _ = vc.cast(
        vc.election_from(election.params, election.key), stranger_secret, YES
    )
    with pytest.raises(ValidationError, match="not on the roll"):
        actions.cast(election, ballot)


def test_only_the_named_parties_take_their_steps(world):
    election = new_election(world, voters=2)
    parties = ready_to_vote(world, election)
    with pytest.raises(PermissionDenied):
        actions.trustee_message(world["mineros_staff"], election, "decrypt", {})
    with pytest.raises(PermissionDenied):
        actions.publish_credentials(world["mineros_staff"], election, {})
    with pytest.raises(PermissionDenied):
        actions.close_election(world["usw_staff"], election)
    assert parties["authority"] != world["mineros_staff"]


def test_a_re_vote_must_name_the_credential_s_last_ballot(world, client):
    election = new_election(world, voters=1)
    parties = ready_to_vote(world, election)
    context = election.crypto()
    secret = next(iter(parties["secrets"].values()))
    credential = election.voters.get().credential
    last_url = f"/api/v1/elections/{election.uid}/ballots/{credential}"
    assert client.get(last_url).json() == {"tracker": None}
    first = actions.cast(election, vc.cast(context, secret, NO)[0])
    assert client.get(last_url).json() == {"tracker": first}
    # A ballot that names no predecessor (or an older one) would break the
    # credential's chain, and with it the board: refused.
    with pytest.raises(ValidationError, match="last ballot"):
        actions.cast(election, vc.cast(context, secret, YES)[0])
    second = actions.cast(election, vc.cast(context, secret, YES, first)[0])
    with pytest.raises(ValidationError, match="last ballot"):
        actions.cast(election, vc.cast(context, secret, NO, first)[0])
    assert client.get(last_url).json() == {"tracker": second}
    assert client.get(f"/api/v1/elections/{election.uid}/ballots/xyz").status_code in (
        400,
        422,
    )
    report = vc.verify_board(actions.board_bytes(election))
    assert report.valid_so_far and report.trackers[second][1]
    assert not report.trackers[first][1]  # replaced: it does not count
