import rules

from alianza.orgs.rules import manages_owner, manages_some_organisation
from alianza.spaces.shared_ground import acts_for_representation


@rules.predicate
def acts_for_this_representation(user, representation) -> bool:
    return representation is not None and acts_for_representation(user, representation)


@rules.predicate
def may_replace_current_representation(user, worksite) -> bool:
    """Every current representation at ``worksite`` is one ``user`` acts for: no
    union ends or replaces another union's representation."""
    return worksite is not None and all(
        acts_for_representation(user, rep) for rep in worksite.current_representations()
    )


rules.add_perm("employers.view_employer", rules.is_authenticated)
# Administrators and staff of any union keep the shared employer records.
rules.add_perm("employers.change_employer", manages_some_organisation)
# Worksites are shared employer records too (their names and products may be
# translated by the same people).
rules.add_perm("employers.change_worksite", manages_some_organisation)
# A representation's note is changed (and translated) by the union it belongs to.
rules.add_perm(
    "employers.change_representation",
    manages_some_organisation & acts_for_this_representation,
)
# Representation by a unit is recorded only by its own union's administrators and staff.
rules.add_perm("employers.represent_with_unit", manages_owner)
# A worksite's current representation is ended or replaced only by its own union.
rules.add_perm(
    "employers.replace_representation",
    manages_some_organisation & may_replace_current_representation,
)
