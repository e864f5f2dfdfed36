import rules

from alianza.bodies.rules import can_manage_body, can_view_body


@rules.predicate
def can_view_meeting(user, meeting) -> bool:
    return meeting is not None and can_view_body(user, meeting.body)


@rules.predicate
def runs_meeting(user, meeting) -> bool:
    """The body's managers act as chair and secretary."""
    return meeting is not None and can_manage_body(user, meeting.body)


rules.add_perm("governance.view_meeting", can_view_meeting)
rules.add_perm("governance.run_meeting", runs_meeting)
