import rules

from alianza.orgs.rules import manages_owner, manages_some_organisation

rules.add_perm("employers.view_employer", rules.is_authenticated)
# Administrators and staff of any union keep the shared employer records.
rules.add_perm("employers.change_employer", manages_some_organisation)
# Representation by a unit is recorded only by its own union's administrators and staff.
rules.add_perm("employers.represent_with_unit", manages_owner)
