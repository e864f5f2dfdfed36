import rules

from alianza.orgs.rules import is_org_manager
from alianza.orgs.selectors import standing
from alianza.spaces.rules import is_coordinator, is_participant

from .selectors import representing_units


@rules.predicate
def takes_part_in_post_council(user, post) -> bool:
    return post is not None and is_participant(user, post.council.space)


@rules.predicate
def owns_or_coordinates_item(user, item) -> bool:
    if item is None:
        return False
    person = standing(user).person
    return (person is not None and item.owner_id == person.pk) or is_coordinator(
        user, item.council.space
    )


@rules.predicate
def takes_part_in_item_council(user, item) -> bool:
    return item is not None and is_participant(user, item.council.space)


@rules.predicate
def coordinates_council(user, council) -> bool:
    """Coordinates the council's joint space: she schedules its meetings, adds its
    action items and member units."""
    return council is not None and is_coordinator(user, council.space)


@rules.predicate
def manages_a_union_present(user, employer) -> bool:
    """Administrator or staff of a union whose units represent workers of the
    employer's corporate family: she may found its council."""
    if employer is None:
        return False
    organisations = {u.organisation for u in representing_units(employer)}
    return any(is_org_manager(user, org) for org in organisations)


# Anyone taking part in the council may translate its exchange for the others.
rules.add_perm("councils.change_councilpost", takes_part_in_post_council)
rules.add_perm("councils.view_actionitem", takes_part_in_item_council)
# Its owner and the council's coordinators change it, and translate its title.
rules.add_perm("councils.change_actionitem", owns_or_coordinates_item)
rules.add_perm("councils.change_council", coordinates_council)
rules.add_perm("councils.found_council", manages_a_union_present)
