import rules

from alianza.orgs.rules import leads_it_or_any, leads_owner

# An alert belongs to its union: its administrators, staff and officers draft, read
# and send it (each only to the people they may see).
rules.add_perm("alerts.add_alert", leads_it_or_any)
rules.add_perm("alerts.view_alert", leads_owner)
rules.add_perm("alerts.change_alert", leads_owner)
