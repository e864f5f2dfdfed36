import rules

from alianza.orgs.selectors import has_role, standing

from .selectors import LEADING_ROLES, visible_agreements, visible_rounds


@rules.predicate
def can_view_agreement(user, agreement) -> bool:
    return (
        agreement is not None
        and visible_agreements(user).filter(pk=agreement.pk).exists()
    )


@rules.predicate
def leads_the_union(user, record) -> bool:
    """Administrators, staff and officers of the union party keep its agreements and
    rounds; the other union reads what is shared, never changes it."""
    return record is not None and has_role(user, record.organisation, LEADING_ROLES)


@rules.predicate
def may_add_for(user, organisation) -> bool:
    return organisation is not None and has_role(user, organisation, LEADING_ROLES)


@rules.predicate
def can_view_round(user, bargaining_round) -> bool:
    return (
        bargaining_round is not None
        and visible_rounds(user).filter(pk=bargaining_round.pk).exists()
    )


@rules.predicate
def keeps_exchange_rates(user) -> bool:
    """Administrators of a union (and superusers) keep the exchange-rate table."""
    st = standing(user)
    return st.is_superuser or bool(st.organisation_ids({"admin"}))


rules.add_perm("contracts.view_agreement", can_view_agreement)
rules.add_perm("contracts.change_agreement", leads_the_union)
rules.add_perm("contracts.add_agreement", may_add_for)
rules.add_perm("contracts.view_bargaininground", can_view_round)
rules.add_perm("contracts.change_bargaininground", leads_the_union)
rules.add_perm("contracts.change_exchangerate", keeps_exchange_rates)
