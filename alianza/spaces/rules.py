import rules

from .selectors import coordinated_spaces, visible_spaces


@rules.predicate
def is_participant(user, space) -> bool:
    return space is not None and visible_spaces(user).filter(pk=space.pk).exists()


@rules.predicate
def is_coordinator(user, space) -> bool:
    return space is not None and coordinated_spaces(user).filter(pk=space.pk).exists()


@rules.predicate
def sees_share(user, share) -> bool:
    """A share is seen by those who take part in the space it was made into."""
    return share is not None and is_participant(user, share.space)


rules.add_perm("spaces.view_jointspace", is_participant)
rules.add_perm("spaces.view_share", sees_share)
rules.add_perm("spaces.change_jointspace", is_coordinator)
rules.add_perm("spaces.add_participant", is_coordinator)
rules.add_perm("spaces.add_coordinator", is_coordinator)
