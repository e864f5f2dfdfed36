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


@rules.predicate
def runs_meeting_of(user, record) -> bool:
    """Motions and minutes are edited (and translated) by the meeting's secretary."""
    return record is not None and runs_meeting(user, record.meeting)


rules.add_perm("governance.change_motion", runs_meeting_of)
rules.add_perm("governance.change_minutes", runs_meeting_of)
