"""The booth speaks the voter's words, and the board finds a ballot by the tracker's
first groups as a voter wrote them down."""

import re

from django.urls import reverse

from alianza.elections import actions
from votecore import api as vc

from .helpers import new_election, ready_to_vote


def test_the_booth_carries_every_message_it_may_show(client, world):
    election = new_election(world, voters=1)
    ready_to_vote(world, election)
    body = client.get(
        reverse("elections:booth", args=[election.uid]),
        headers={"accept-language": "en"},
    ).content.decode()
    for name in ("no-code", "bad-code", "no-choice", "working", "refused", "broken",
                 "offline"):  # fmt: skip
        assert f'<template data-text="{name}">' in body
    assert "Check my ballot" in body and "Show the whole tracker" in body
    assert reverse("elections:notice", args=[election.uid]) in body
    assert "base-58" not in body


def test_the_board_finds_a_ballot_by_the_groups_the_voter_wrote_down(client, world):
    election = new_election(world, voters=2)
    parties = ready_to_vote(world, election)
    secret = next(iter(parties["secrets"].values()))
    tracker = actions.cast(election, vc.cast(election.crypto(), secret, [[1, 0]])[0])
    board = reverse("elections:board", args=[election.uid])
    written = " ".join(tracker[i : i + 4] for i in range(0, 16, 4)).upper()
    page = client.get(board, {"tracker": written}, headers={"accept-language": "en"})
    body = page.content.decode()
    assert "Your ballot is on the board" in body and tracker in body
    too_short = client.get(
        board, {"tracker": tracker[:8]}, headers={"accept-language": "en"}
    )
    assert "No ballot with this tracker" in too_short.content.decode()


def test_a_ballot_made_under_one_code_is_refused_under_another_s_credential(
    client, world
):
    """A kiosk's first worker encrypts under his code and walks away; the next one
    may not send that ballot as hers: signed under code A, it is refused under
    B's credential, and nobody's vote is recorded."""
    election = new_election(world, voters=2)
    parties = ready_to_vote(world, election)
    first, second = election.voters.order_by("pk")
    ballot = vc.cast(election.crypto(), parties["secrets"][first.pk], [[1, 0]])[0]
    assert ballot["credential"] == first.credential
    url = f"/api/v1/elections/{election.uid}/ballots"
    hijacked = {**ballot, "credential": second.credential}
    answer = client.post(
        url,
        hijacked,
        content_type="application/json",
        headers={"accept-language": "en"},
    )
    assert answer.status_code in (400, 422), answer.content
    detail = answer.json()["detail"]
    assert "did not pass the election's checks" in detail
    assert "signature" not in detail  # votecore's technical English stays in the log
    assert not election.board.filter(type="ballot").exists()
    assert not election.voters.filter(voted_at__isnull=False).exists()
    # the untouched ballot is the first worker's, and counts as his alone
    assert client.post(url, ballot, content_type="application/json").status_code == 201
    assert list(election.voters.filter(voted_at__isnull=False)) == [first]


def test_the_kiosk_leads_nowhere_masks_the_code_and_times_itself(
    client, world, settings
):
    settings.KIOSK_IDLE_SECONDS = 1200  # written without a thousands separator
    election = new_election(world, voters=1)
    ready_to_vote(world, election)
    booth = reverse("elections:booth", args=[election.uid])
    kiosk = client.get(booth, {"kiosk": "1"}).content.decode()
    assert 'class="navbar' not in kiosk and "<footer" not in kiosk
    assert re.findall(r'<a [^>]*href="([^"]*)"', kiosk) == ["#main"]
    assert 'type="password"' in kiosk and 'data-action="show-code"' in kiosk
    assert 'data-idle="1200"' in kiosk and 'data-action="clear"' in kiosk
    phone = client.get(booth).content.decode()  # a voter's own device
    assert 'class="navbar' in phone and 'type="password"' not in phone
    assert "data-idle" not in phone


def test_administrators_find_the_kiosk_on_the_vote_s_page(client, world):
    election = new_election(world, voters=1)
    ready_to_vote(world, election)
    page = reverse("elections:election", args=[election.uid])
    kiosk = reverse("elections:booth", args=[election.uid]) + "?kiosk=1"
    client.force_login(world["mineros_staff"])
    assert kiosk in client.get(page).content.decode()
    client.force_login(world["member"])
    member_page = client.get(page)
    assert member_page.status_code == 200
    assert kiosk not in member_page.content.decode()
