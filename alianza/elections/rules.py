import rules

from alianza.orgs.roles import MANAGING_ROLES, Role
from alianza.orgs.selectors import has_role, standing


def _has_part(user, election, kind: str) -> bool:
    person = standing(user).person
    return (
        person is not None and election.roles.filter(person=person, kind=kind).exists()
    )


@rules.predicate
def can_view_election(user, election) -> bool:
    """Members of the organisation and everyone with a part in the election.
    (The board and the result are public pages of their own.)"""
    if election is None:
        return False
    person = standing(user).person
    return has_role(user, election.organisation, set(Role.values)) or (
        person is not None and election.roles.filter(person=person).exists()
    )


@rules.predicate
def manages_election(user, election) -> bool:
    return election is not None and (
        has_role(user, election.organisation, MANAGING_ROLES)
        or _has_part(user, election, "administrator")
    )


@rules.predicate
def is_credential_authority(user, election) -> bool:
    return election is not None and _has_part(user, election, "credential_authority")


@rules.predicate
def is_trustee(user, election) -> bool:
    return election is not None and _has_part(user, election, "trustee")


@rules.predicate
def may_hold_elections(user, organisation) -> bool:
    return organisation is not None and has_role(user, organisation, MANAGING_ROLES)


rules.add_perm("elections.view_election", can_view_election)
rules.add_perm("elections.change_election", manages_election)
rules.add_perm("elections.issue_credentials", is_credential_authority)
rules.add_perm("elections.act_as_trustee", is_trustee)
rules.add_perm("elections.add_election", may_hold_elections)
