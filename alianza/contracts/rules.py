import rules

from alianza.orgs.rules import (
    administers_some_organisation,
    is_org_leader,
    leads_owner,
    leads_some_organisation,
)

from .selectors import visible_agreements, visible_rounds


@rules.predicate
def can_view_agreement(user, agreement) -> bool:
    return (
        agreement is not None
        and visible_agreements(user).filter(pk=agreement.pk).exists()
    )


@rules.predicate
def can_view_round(user, bargaining_round) -> bool:
    return (
        bargaining_round is not None
        and visible_rounds(user).filter(pk=bargaining_round.pk).exists()
    )


@rules.predicate
def keeps_clause(user, clause) -> bool:
    """A clause is kept by those who keep its agreement."""
    return clause is not None and leads_owner(user, clause.agreement)


@rules.predicate
def keeps_proposal(user, proposal) -> bool:
    """A proposal is kept by those who keep its bargaining round."""
    return proposal is not None and leads_owner(user, proposal.round)


rules.add_perm("contracts.view_agreement", can_view_agreement)
# Administrators, staff and officers of the union party keep its agreements and
# rounds; the other union reads what is shared, never changes it.
rules.add_perm("contracts.change_agreement", leads_owner)
rules.add_perm("contracts.add_agreement", is_org_leader)
rules.add_perm("contracts.add_any_agreement", leads_some_organisation)
rules.add_perm("contracts.view_bargaininground", can_view_round)
rules.add_perm("contracts.change_bargaininground", leads_owner)
rules.add_perm("contracts.change_clause", keeps_clause)
rules.add_perm("contracts.change_proposal", keeps_proposal)
rules.add_perm("contracts.change_exchangerate", administers_some_organisation)
