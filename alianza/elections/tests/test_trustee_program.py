"""The trustee's program against a running Alianza, over HTTP with a token: the
secrets stay in the trustee's state file; only public messages are sent."""

import json

import pytest

from alianza.accounts.actions import create_token
from alianza.elections import actions, selectors
from alianza.elections.trustee import main

from .helpers import name_parties, new_election


@pytest.mark.django_db(transaction=True)
def test_trustees_make_the_key_from_their_own_machines(
    world, live_server, tmp_path, capsys
):
    election = new_election(world, voters=2)
    parties = name_parties(world, election)
    actions.begin_ceremony(world["mineros_staff"], election)
    tokens = [create_token(user, "trustee")[1] for user in parties["trustees"]]
    for _round in range(5):
        for n, token in enumerate(tokens):
            main([
                "--server", live_server.url, "--election", str(election.uid),
                "--token", token, "--state", str(tmp_path / f"t{n}.json"),
            ])  # fmt: skip
    election.refresh_from_db()
    assert election.key is not None and election.key["qualified"] == [1, 2, 3]
    said = capsys.readouterr().out
    assert "done: announce" in said and "waiting for the vote to close" in said
    for n in range(3):
        state = json.loads((tmp_path / f"t{n}.json").read_text())
        assert state["share"]  # each trustee's secret share, on their machine only
        assert state["share"] not in json.dumps(selectors.ceremony_state(election))
