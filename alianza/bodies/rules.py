import rules

from alianza.spaces.shared_ground import acts_for_delegation

from .selectors import manageable_bodies, visible_bodies


@rules.predicate
def can_view_body(user, body) -> bool:
    return body is not None and visible_bodies(user).filter(pk=body.pk).exists()


@rules.predicate
def can_manage_body(user, body) -> bool:
    return body is not None and manageable_bodies(user).filter(pk=body.pk).exists()


rules.add_perm("bodies.view_body", can_view_body)
rules.add_perm("bodies.change_body", can_manage_body)


@rules.predicate
def can_view_seat(user, seat) -> bool:
    return seat is not None and can_view_body(user, seat.body)


@rules.predicate
def can_manage_seat(user, seat) -> bool:
    """A seat of an organisation's own body: the body's managers. A seat of a joint
    body belongs to its union's delegation: that union only changes it (adds it,
    changes its rights, vacates it), never the coordinators of another union."""
    if seat is None:
        return False
    if seat.body.space_id is not None:
        return can_view_body(user, seat.body) and acts_for_delegation(user, seat)
    return can_manage_body(user, seat.body)


rules.add_perm("bodies.view_seat", can_view_seat)
rules.add_perm("bodies.change_seat", can_manage_seat)
