import rules

from alianza.orgs.rules import leads_it_or_any, leads_owner

# An alert belongs to its union: its administrators, staff and officers draft, read
# and send it (each only to the people they may see).
rules.add_perm("alerts.add_alert", leads_it_or_any)
rules.add_perm("alerts.view_alert", leads_owner)
rules.add_perm("alerts.change_alert", leads_owner)
# A union's alert templates: its leaders keep, read, use and delete them.
rules.add_perm("alerts.add_alerttemplate", leads_it_or_any)
rules.add_perm("alerts.view_alerttemplate", leads_owner)
rules.add_perm("alerts.use_alerttemplate", leads_owner)
rules.add_perm("alerts.change_alerttemplate", leads_owner)


@rules.predicate
def is_own_delivery(user, delivery) -> bool:
    """The alert was sent to her: she acknowledges it from her inbox."""
    person = getattr(user, "person", None)
    return (
        person is not None and delivery is not None and delivery.person_id == person.pk
    )


@rules.predicate
def is_herself(user, person) -> bool:
    own = getattr(user, "person", None)
    return own is not None and person is not None and own.pk == person.pk


rules.add_perm("alerts.acknowledge_delivery", is_own_delivery)
# Only she says how her union's alerts reach her.
rules.add_perm("alerts.change_reach", is_herself)
