"""The booth speaks the voter's words, and the board finds a ballot by the tracker's
first groups as a voter wrote them down."""

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
