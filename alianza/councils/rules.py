import rules

from alianza.orgs.selectors import standing
from alianza.spaces.rules import is_coordinator, is_participant


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


# Anyone taking part in the council may translate its exchange for the others.
rules.add_perm("councils.change_councilpost", takes_part_in_post_council)
rules.add_perm("councils.change_actionitem", owns_or_coordinates_item)
