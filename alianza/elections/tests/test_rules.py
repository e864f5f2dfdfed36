"""Who may speak in the trustees' ceremony: the rules, with the reasons given."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from alianza.elections import actions, selectors
from votecore.trustees import setup

from .helpers import name_parties, new_election


@pytest.fixture
def ceremony(world):
    election = new_election(world, voters=2)
    parties = name_parties(world, election)
    actions.begin_ceremony(world["mineros_staff"], election)
    return election, parties["trustees"]


@pytest.mark.django_db
def test_who_is_not_a_trustee_is_told_so(world, ceremony):
    election, _trustees = ceremony
    with translation.override("en"), pytest.raises(PermissionDenied) as refused:
        actions.trustee_message(
            world["mineros_staff"], election, "announce", {"trustee": 1}
        )
    assert str(refused.value) == "You are not a trustee of this election."


@pytest.mark.django_db
def test_a_trustee_speaks_only_for_themselves(ceremony):
    election, trustees = ceremony
    first = trustees[0]
    other = selectors.trustee_index(trustees[1], election)
    with translation.override("en"), pytest.raises(PermissionDenied) as refused:
        actions.trustee_message(first, election, "announce", {"trustee": other})
    assert str(refused.value) == "A trustee speaks only for themselves."
    assert not election.ceremony.exists()
    reveal = [{"trustee": selectors.trustee_index(first, election)}, {"trustee": other}]
    with pytest.raises(PermissionDenied):
        actions.trustee_message(first, election, "reveal", reveal)


@pytest.mark.django_db
def test_ceremony_messages_that_would_spoil_the_board_are_refused(ceremony):
    election, trustees = ceremony
    election.refresh_from_db()
    first = trustees[0]
    index = selectors.trustee_index(first, election)
    other = selectors.trustee_index(trustees[1], election)
    low_order = {"trustee": index, "box_key": "00" * 32}
    with pytest.raises(ValidationError, match="low order"):
        actions.trustee_message(first, election, "announce", low_order)
    assert not election.ceremony.exists()
    for user in trustees:
        mine = selectors.trustee_index(user, election)
        _private, announcement = setup(election.public_params, mine)
        actions.trustee_message(user, election, "announce", announcement)
    unasked = [{"trustee": index, "to": other, "share": "00" * 32}]
    with pytest.raises(ValidationError, match="did not complain"):
        actions.trustee_message(first, election, "reveal", unasked)
    assert not election.ceremony.filter(step="reveal").exists()
