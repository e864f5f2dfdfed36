"""Who reads the quarterly report.

- A union's report is its leadership's: its administrators, staff and officers. It
  counts the union's own records (its requests, pledges, letters, alerts, the
  strikes it supported) and what it shares with partners on joint ground (the
  councils and joint spaces it takes part in), never another union's own records.
- The alliance's report puts the unions of the alliance side by side and together:
  it holds each union's own figures, so only a person who leads every one of them
  reads it (DESIGN: a union's private data is seen only through a role in it).
"""

import rules

from alianza.orgs.roles import LEADING_ROLES
from alianza.orgs.rules import is_org_leader, leads_some_organisation
from alianza.orgs.selectors import has_role
from alianza.spaces.selectors import alliance_unions


@rules.predicate
def leads_every_alliance_union(user) -> bool:
    unions = alliance_unions()
    return bool(unions) and all(has_role(user, u, LEADING_ROLES) for u in unions)


rules.add_perm("reports.view_reports", leads_some_organisation)
rules.add_perm("reports.view_union_report", is_org_leader)
rules.add_perm("reports.view_alliance_report", leads_every_alliance_union)
