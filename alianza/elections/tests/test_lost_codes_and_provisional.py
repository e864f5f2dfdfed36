"""A lost or stolen code replaced by the credential authority during the vote,
and provisional ballots decided by the administrator and an observer."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import formats, timezone

from alianza.audit.models import AuditEntry
from alianza.elections import actions
from alianza.elections.models import ProvisionalVoter, Voter
from votecore import api as vc
from votecore import authority, credentials

from .helpers import new_election, people, ready_to_vote, run_trustees

YES, NO = [[1, 0]], [[0, 1]]


def _tally(world, election, parties) -> list[int]:
    actions.close_election(world["mineros_staff"], election)
    election.refresh_from_db()
    run_trustees(election, parties["trustees"], parties["privates"])
    election.refresh_from_db()
    report = vc.verify_board(actions.board_bytes(election))
    assert report.ok, report.failure
    assert report.counts == election.result["counts"]
    return election.result["counts"][0]


def _replacement(election, code, old, reason="stolen"):
    """What the authority's program makes: the worker's new code and the signed
    event (``python -m votecore.authority replace``)."""
    new_code, new_public = credentials.generate(election.election_id, 1)[0]
    signed = authority.sign_replacement(
        election.election_id, election.key["fingerprint"], code, old, new_public, reason
    )
    return new_code, signed


def test_a_stolen_code_replaced_mid_vote_counts_only_the_new_codes_ballot(world):
    election = new_election(world, voters=3)
    code = credentials.new_secret()
    parties = ready_to_vote(world, election, authority_code=code)
    context = vc.election_from(election.params, election.key)
    line_a, line_b, _line_c = election.voters.order_by("pk")
    a, b = parties["secrets"][line_a.pk], parties["secrets"][line_b.pk]
    first = actions.cast(election, vc.cast(context, a, YES)[0])
    # Someone who saw her code votes No in her place.
    actions.cast(election, vc.cast(context, a, NO, first)[0])
    new_code, signed = _replacement(election, code, line_a.credential)
    actions.replace_credential(parties["authority"], election, signed)
    line_a.refresh_from_db()
    assert line_a.credential == signed["new"] and line_a.weight == 1
    with pytest.raises(ValidationError, match="replaced"):
        actions.cast(election, vc.cast(context, a, NO)[0])
    actions.cast(election, vc.cast(context, new_code, YES)[0])
    actions.cast(election, vc.cast(context, b, NO)[0])
    # Her Yes with the new code counts; the No cast with her old code does not.
    assert _tally(world, election, parties) == [1, 1]
    entry = AuditEntry.objects.get(action="elections.credential_replaced")
    assert entry.data["voter"] == line_a.pk and entry.data["reason"] == "stolen"


def test_only_the_credential_authority_replaces_a_code(world):
    election = new_election(world, voters=2)
    code = credentials.new_secret()
    parties = ready_to_vote(world, election, authority_code=code)
    line = election.voters.order_by("pk").first()
    _new, signed = _replacement(election, code, line.credential)
    for who in ("mineros_staff", "usw_staff", "observer", "member", "outsider"):
        with pytest.raises(PermissionDenied):
            actions.replace_credential(world[who], election, signed)
    # The authority's account cannot pass off a replacement its key did not sign.
    _new, forged = _replacement(election, credentials.new_secret(), line.credential)
    with pytest.raises(ValidationError, match="not signed by the credential authority"):
        actions.replace_credential(parties["authority"], election, forged)
    assert Voter.objects.get(pk=line.pk).credential == signed["old"]
    assert not election.board.filter(type="credential_replaced").exists()


def _with_deciders(world, election):
    admin, observer = people(world, 2, "decider")
    staff = world["mineros_staff"]
    actions.assign_role(staff, election, admin, "administrator")
    actions.assign_role(staff, election, observer, "observer")
    with pytest.raises(ValidationError, match="two different people"):
        actions.assign_role(staff, election, admin, "observer")
    return admin.user, observer.user


def _provisional(election, admin, name):
    code, public = credentials.generate(election.election_id, 1)[0]
    worker = actions.issue_provisional(
        admin, election, name=name, curp="GOMA800101MSRNRR05",
        reason="Hired last month; missing from the employer's list", credential=public,
    )  # fmt: skip
    return worker, code


def test_provisional_ballots_count_once_the_administrator_and_an_observer_accept(
    world,
):
    election = new_election(world, voters=2)
    admin, observer = _with_deciders(world, election)
    parties = ready_to_vote(world, election)
    context = vc.election_from(election.params, election.key)
    secrets = list(parties["secrets"].values())
    actions.cast(election, vc.cast(context, secrets[0], NO)[0])
    accepted, code_p = _provisional(election, admin, "Rosa Gómez")
    rejected, code_q = _provisional(election, admin, "Luis Pérez")
    actions.cast(election, vc.cast(context, code_p, YES)[0])
    actions.cast(election, vc.cast(context, code_q, YES)[0])
    assert accepted.curp == "GOMA800101MSRNRR05" and accepted.reason
    # One answer is not a decision: the close waits for both.
    actions.decide_provisional(admin, accepted, True)
    accepted.refresh_from_db()
    assert not accepted.is_decided
    with pytest.raises(ValidationError, match="not decided yet"):
        actions.close_election(world["mineros_staff"], election)
    actions.decide_provisional(observer, accepted, True)
    actions.decide_provisional(observer, rejected, False)
    actions.decide_provisional(admin, rejected, False)
    with pytest.raises(ValidationError, match="rejected"):
        actions.cast(election, vc.cast(context, code_q, NO)[0])
    decided = election.board.filter(type="provisional_decided")
    assert decided.count() == 2
    # Yes: the accepted provisional ballot alone; the rejected Yes is not counted.
    assert _tally(world, election, parties) == [1, 1]
    assert ProvisionalVoter.objects.get(pk=accepted.pk).accepted is True


def test_the_deciders_must_agree(world):
    election = new_election(world, voters=2)
    admin, observer = _with_deciders(world, election)
    ready_to_vote(world, election)
    worker, _code = _provisional(election, admin, "Rosa Gómez")
    actions.decide_provisional(admin, worker, True)
    actions.decide_provisional(observer, worker, False)
    worker.refresh_from_db()
    assert not worker.is_decided
    actions.decide_provisional(admin, worker, False)  # she changes her answer
    worker.refresh_from_db()
    assert worker.accepted is False
    with pytest.raises(ValidationError, match="already decided"):
        actions.decide_provisional(observer, worker, True)


def test_a_provisional_voter_in_mexico_gives_a_valid_curp(world):
    election = new_election(world, voters=1)
    admin, _observer = _with_deciders(world, election)
    ready_to_vote(world, election)
    public = credentials.generate(election.election_id, 1)[0][1]
    for curp, problem in (("", "required"), ("GOMA800101MSRNRR09", "not a valid")):
        with pytest.raises(ValidationError, match=problem):
            actions.issue_provisional(
                admin, election, name="Rosa", curp=curp, reason="r", credential=public
            )
    assert not election.board.filter(type="provisional").exists()


def test_only_the_polling_table_issues_and_decides(world):
    election = new_election(world, voters=2)
    admin, _observer = _with_deciders(world, election)
    parties = ready_to_vote(world, election)
    public = credentials.generate(election.election_id, 1)[0][1]
    others = ("usw_staff", "observer", "member", "outsider")
    for who in others:
        with pytest.raises(PermissionDenied):
            actions.issue_provisional(
                world[who], election, name="X", curp="", reason="r", credential=public
            )
    with pytest.raises(PermissionDenied):  # the authority is not the polling table
        actions.issue_provisional(
            parties["authority"], election, name="X", curp="", reason="r",
            credential=public,
        )  # fmt: skip
    worker, _code = _provisional(election, admin, "Rosa Gómez")
    for who in others:
        with pytest.raises(PermissionDenied):
            actions.decide_provisional(world[who], worker, True)
    with pytest.raises(ValidationError, match="already in use"):
        actions.issue_provisional(
            admin,
            election,
            name="Y",
            curp="GOMA800101MSRNRR05",
            reason="r",
            credential=worker.credential,
        )


def test_the_board_tells_a_worker_what_became_of_her_ballot(client, world):
    election = new_election(world, voters=1)
    admin, _observer = _with_deciders(world, election)
    code = credentials.new_secret()
    parties = ready_to_vote(world, election, authority_code=code)
    context = vc.election_from(election.params, election.key)
    (secret,) = parties["secrets"].values()
    line = election.voters.get()
    hers = actions.cast(election, vc.cast(context, secret, YES)[0])
    board = reverse("elections:board", args=[election.uid])

    def check(tracker) -> str:
        page = client.get(
            board, {"tracker": tracker}, headers={"accept-language": "en"}
        )
        return page.content.decode()

    theirs = actions.cast(election, vc.cast(context, secret, NO, hers)[0])
    later = election.board.get(tracker=theirs).at
    stamp = formats.date_format(timezone.localtime(later), "SHORT_DATETIME_FORMAT")
    assert f"a later ballot was cast with your code at {stamp}" in check(hers)
    _new, signed = _replacement(election, code, line.credential)
    actions.replace_credential(parties["authority"], election, signed)
    assert "its code was replaced by the credential authority" in check(theirs)
    _worker, provisional_code = _provisional(election, admin, "Rosa Gómez")
    held = actions.cast(election, vc.cast(context, provisional_code, YES)[0])
    assert "held apart" in check(held)


def _english(user):
    from alianza.accounts.models import User

    User.objects.filter(pk=user.pk).update(language="en")


def test_the_authority_replaces_a_code_on_its_page(client, world):
    election = new_election(world, voters=1)
    code = credentials.new_secret()
    parties = ready_to_vote(world, election, authority_code=code)
    line = election.voters.get()
    _english(parties["authority"])
    client.force_login(parties["authority"])
    page = reverse("elections:codes", args=[election.uid])
    shown = client.get(page).content.decode()
    assert "python -m votecore.authority replace" in shown
    assert f'<option value="{line.credential}">{line.name}' in shown  # whose code
    _new, forged = _replacement(election, credentials.new_secret(), line.credential)
    answer = client.post(page, {"replacement": json.dumps(forged)}, follow=True)
    assert "not signed by the credential authority" in answer.content.decode()
    _new, signed = _replacement(election, code, line.credential)
    answer = client.post(page, {"replacement": json.dumps(signed)}, follow=True)
    assert "give the worker her new code" in answer.content.decode()
    line.refresh_from_db()
    assert line.credential == signed["new"]
    assert "Stolen or seen by someone else" in answer.content.decode()
    client.force_login(world["mineros_staff"])  # the election's manager: not hers
    assert client.get(page).status_code == 403


def test_the_polling_table_page_issues_and_decides(client, world):
    election = new_election(world, voters=1)
    admin, observer = _with_deciders(world, election)
    ready_to_vote(world, election)
    _english(admin)
    _english(observer)
    client.force_login(admin)
    page = reverse("elections:polling_table", args=[election.uid])
    assert "Draw her code" in client.get(page).content.decode()
    public = credentials.generate(election.election_id, 1)[0][1]
    answer = client.post(
        page,
        {"name": "Rosa Gómez", "curp": "GOMA800101MSRNRR05",
         "reason": "Hired last month", "credential": public},
        follow=True,
    )  # fmt: skip
    assert "Rosa Gómez may vote now" in answer.content.decode()
    worker = ProvisionalVoter.objects.get(credential=public)
    decide = reverse("elections:provisional_decision", args=[election.uid, worker.pk])
    client.post(decide, {"accepted": "yes"})
    client.force_login(observer)
    body = client.get(page).content.decode()
    assert "Draw her code" not in body  # the observer decides, she does not issue
    assert ": accepts" in body  # the administrator's answer, shown to the observer
    client.post(decide, {"accepted": "yes"})
    worker.refresh_from_db()
    assert worker.accepted is True
    assert "Accepted: counted" in client.get(page).content.decode()
    for who in ("usw_staff", "member", "outsider"):
        client.force_login(world[who])
        assert client.get(page).status_code in (403, 404)


def _bearer(user) -> dict:
    from alianza.accounts.actions import create_token

    return {"authorization": f"Bearer {create_token(user, 'polling')[1]}"}


def test_the_authority_program_and_the_polling_table_through_the_api(client, world):
    election = new_election(world, voters=1)
    admin, observer = _with_deciders(world, election)
    code = credentials.new_secret()
    parties = ready_to_vote(world, election, authority_code=code)
    line = election.voters.get()
    api = f"/api/v1/elections/{election.uid}"
    _new, signed = _replacement(election, code, line.credential)
    answer = client.post(
        f"{api}/replacements", signed, content_type="application/json",
        headers=_bearer(parties["authority"]),
    )  # fmt: skip
    assert answer.status_code == 201 and answer.json() == {"credential": signed["new"]}
    again = client.post(
        f"{api}/replacements", signed, content_type="application/json",
        headers=_bearer(parties["authority"]),
    )  # fmt: skip
    assert again.status_code == 422  # the old credential is no one's any more
    public = credentials.generate(election.election_id, 1)[0][1]
    issued = client.post(
        f"{api}/provisional",
        {"name": "Rosa Gómez", "curp": "GOMA800101MSRNRR05",
         "reason": "Hired last month", "credential": public},
        content_type="application/json", headers=_bearer(admin),
    )  # fmt: skip
    assert issued.status_code == 201 and issued.json()["accepted"] is None
    decision = f"{api}/provisional/{issued.json()['id']}/decision"
    for who, status in ((admin, None), (observer, False)):
        answer = client.post(
            decision, {"accepted": False}, content_type="application/json",
            headers=_bearer(who),
        )  # fmt: skip
        assert answer.status_code == 200 and answer.json()["accepted"] is status
    refused = client.post(
        decision, {"accepted": True}, content_type="application/json",
        headers=_bearer(world["usw_staff"]),
    )  # fmt: skip
    assert refused.status_code == 404  # the other union does not see the vote
