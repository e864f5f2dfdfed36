import rules

from alianza.orgs.roles import MANAGING_ROLES
from alianza.orgs.rules import manages_owner
from alianza.orgs.selectors import standing


@rules.predicate
def is_manager_somewhere(user) -> bool:
    """Administrators and staff of any union keep the shared employer records."""
    st = standing(user)
    return st.is_superuser or bool(st.organisation_ids(MANAGING_ROLES))


rules.add_perm("employers.view_employer", rules.is_authenticated)
rules.add_perm("employers.change_employer", is_manager_somewhere)
# Representation by a unit is recorded only by its own union's administrators and staff.
rules.add_perm("employers.represent_with_unit", manages_owner)
