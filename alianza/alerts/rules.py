import rules

from alianza.orgs.rules import is_org_leader, leads_owner

from .selectors import led_organisation_ids


@rules.predicate
def leads_some_union(user, organisation) -> bool:
    """Asked without a union (the page that offers the unions): leads at least one."""
    return organisation is None and bool(led_organisation_ids(user))


# An alert belongs to its union: its administrators, staff and officers draft, read
# and send it (each only to the people they may see).
rules.add_perm("alerts.add_alert", is_org_leader | leads_some_union)
rules.add_perm("alerts.view_alert", leads_owner)
rules.add_perm("alerts.change_alert", leads_owner)
