"""Who may do what in an election. Views, the API and the actions ask these
rules (``require``, ``has_perm``, ``get_visible``); none decides itself."""

from typing import Any, NamedTuple

import rules

from alianza.orgs.roles import ALL_ROLES
from alianza.orgs.rules import is_org_manager, manages_owner
from alianza.orgs.selectors import has_role
from alianza.spaces.shared_ground import (
    acts_for,
    coordinating_unions_acted_for,
    participating_unions,
    participating_unions_acted_for,
)

from .models import Election, ParticipationAudience, Role, Voter
from .selectors import has_part, trustee_index

# The permissions the pages and the API ask most, by a short name.
VIEW = "elections.view_election"
CHANGE = "elections.change_election"
PARTICIPATION = "elections.view_participation"
ROLL = "elections.change_roll"
ISSUE = "elections.issue_credentials"
TRUSTEE = "elections.act_as_trustee"
DECIDE = "elections.decide_provisional"
KEEP = "elections.keep_polling_table"


class TrusteeSpeech(NamedTuple):
    """Messages someone sends to an election's ceremony: ``trustees`` are the
    trustee numbers the messages name as their author."""

    election: Election
    trustees: frozenset[Any]


@rules.predicate
def can_view_election(user, election) -> bool:
    """Members of the organisation and everyone with a part in the election.
    (The board and the result are public pages of their own.)"""
    if election is None:
        return False
    if election.is_joint:
        return acts_for_a_participant(user, election) or has_part(user, election)
    return has_role(user, election.organisation, ALL_ROLES) or has_part(user, election)


@rules.predicate
def coordinates_election(user, election) -> bool:
    """A joint body's ballot: the managers of each of its space's coordinating
    unions run it together."""
    return (
        election is not None
        and election.is_joint
        and bool(coordinating_unions_acted_for(user, election.space))
    )


@rules.predicate
def acts_for_a_participant(user, election) -> bool:
    """A joint body's ballot: the managers of every union taking part in its space
    (coordinating or not) follow it and keep their own delegates' lines."""
    return (
        election is not None
        and election.is_joint
        and bool(participating_unions_acted_for(user, election.space))
    )


@rules.predicate
def coordinates_body(user, body) -> bool:
    """A joint body's secret ballot outside a meeting is proposed by one of its
    space's coordinating unions (and held once every one has agreed)."""
    return (
        body is not None
        and body.space_id is not None
        and bool(coordinating_unions_acted_for(user, body.space))
    )


@rules.predicate
def is_joint(user, election) -> bool:
    return election is not None and election.is_joint


@rules.predicate
def changes_roll_line(user, voter: Voter) -> bool:
    """A line of a joint body's roll belongs to the union of the delegate's seat:
    only that union's managers change it, whether it coordinates the space or only
    takes part. A union's own roll: its managers."""
    if voter is None:
        return False
    election = voter.election
    if not election.is_joint:
        return manages_election(user, election)
    return voter.union_id in participating_unions(election.space) and acts_for(
        user, voter.union_id
    )


@rules.predicate
def is_election_administrator(user, election) -> bool:
    return election is not None and has_part(user, election, Role.Kind.ADMINISTRATOR)


@rules.predicate
def is_credential_authority(user, election) -> bool:
    return election is not None and has_part(
        user, election, Role.Kind.CREDENTIAL_AUTHORITY
    )


@rules.predicate
def is_election_observer(user, election) -> bool:
    return election is not None and has_part(user, election, Role.Kind.OBSERVER)


@rules.predicate
def is_trustee(user, election) -> bool:
    """A trustee of the election, with her number among them."""
    return election is not None and trustee_index(user, election) is not None


@rules.predicate
def signs_in_with_a_second_factor(user) -> bool:
    """An authenticator app is connected: her sign-in asks for its code."""
    from allauth.mfa.models import Authenticator

    return bool(
        getattr(user, "is_authenticated", False)
        and Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
    )


@rules.predicate
def speaks_for_self(user, speech: TrusteeSpeech) -> bool:
    """Each message names its sender as its author: a trustee speaks only for
    themselves."""
    return speech.trustees <= {trustee_index(user, speech.election)}


@rules.predicate
def sees_participation(user, election) -> bool:
    """The list of who voted, as the election's setting says (never how anyone
    voted): its administrators; its observers unless the setting names the
    administrators only; its managers when the setting names them."""
    if election is None:
        return False
    audience = election.participation_visible_to
    if is_election_administrator(user, election):
        return True
    if audience != ParticipationAudience.ADMINISTRATORS and is_election_observer(
        user, election
    ):
        return True
    return audience == ParticipationAudience.MANAGERS and manages_election(
        user, election
    )


manages_election = (~is_joint & (manages_owner | is_election_administrator)) | (
    coordinates_election
)

rules.add_perm("elections.view_election", can_view_election)
rules.add_perm("elections.change_election", manages_election)
rules.add_perm("elections.issue_credentials", is_credential_authority)
# The polling table: its administrator issues a provisional credential to a worker
# missing from the roll; the administrator and an observer decide her ballot.
rules.add_perm("elections.issue_provisional", is_election_administrator)
rules.add_perm(
    "elections.decide_provisional", is_election_administrator | is_election_observer
)
# The polling-table console (check-in, assisted voting, incidents): the election's
# administrators and observers.
rules.add_perm(
    "elections.keep_polling_table", is_election_administrator | is_election_observer
)
rules.add_perm("elections.view_participation", sees_participation)
rules.add_perm("elections.act_as_trustee", is_trustee)
rules.add_perm("elections.speak_as_trustee", speaks_for_self)
# The trustee's page holds her secret while she works: whatever her role in the
# union, she signs in with two-factor authentication to open it.
rules.add_perm("elections.open_trustee_page", signs_in_with_a_second_factor)
rules.add_perm("elections.add_election", is_org_manager)
rules.add_perm("elections.add_joint_ballot", coordinates_body)
# The roll page and its import: a union's own vote, its managers; a joint body's
# ballot, every union taking part (each adds and changes only its own lines).
rules.add_perm("elections.change_roll", manages_election | acts_for_a_participant)
rules.add_perm("elections.change_voter", changes_roll_line)
