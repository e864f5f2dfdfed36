import rules

from alianza.orgs.roles import ADMIN_ROLES, LEADING_ROLES
from alianza.orgs.rules import is_org_leader, leads_owner
from alianza.orgs.selectors import standing

from .selectors import visible_agreements, visible_rounds


@rules.predicate
def can_view_agreement(user, agreement) -> bool:
    return (
        agreement is not None
        and visible_agreements(user).filter(pk=agreement.pk).exists()
    )


@rules.predicate
def leads_some_union(user) -> bool:
    """Leads at least one union: she may add agreements (for the unions she leads)."""
    return bool(standing(user).organisation_ids(LEADING_ROLES))


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


@rules.predicate
def keeps_exchange_rates(user) -> bool:
    """Administrators of a union (and superusers) keep the exchange-rate table."""
    st = standing(user)
    return st.is_superuser or bool(st.organisation_ids(ADMIN_ROLES))


rules.add_perm("contracts.view_agreement", can_view_agreement)
# Administrators, staff and officers of the union party keep its agreements and
# rounds; the other union reads what is shared, never changes it.
rules.add_perm("contracts.change_agreement", leads_owner)
rules.add_perm("contracts.add_agreement", is_org_leader)
rules.add_perm("contracts.add_any_agreement", leads_some_union)
rules.add_perm("contracts.view_bargaininground", can_view_round)
rules.add_perm("contracts.change_bargaininground", leads_owner)
rules.add_perm("contracts.change_clause", keeps_clause)
rules.add_perm("contracts.change_proposal", keeps_proposal)
rules.add_perm("contracts.change_exchangerate", keeps_exchange_rates)
