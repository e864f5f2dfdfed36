import rules

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
    return seat is not None and can_manage_body(user, seat.body)


rules.add_perm("bodies.view_seat", can_view_seat)
rules.add_perm("bodies.change_seat", can_manage_seat)
