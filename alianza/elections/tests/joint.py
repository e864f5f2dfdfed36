"""A secret ballot of the Joint Commission's body, as a meeting opens it: held by the
joint space, one roll line per seat, each belonging to the union of its seat."""

from django.utils import timezone

from alianza.bodies.models import Seat
from alianza.elections.actions import open_meeting_ballot
from alianza.elections.models import Election
from alianza.governance.models import Meeting, Motion, Vote


def joint_ballot(world) -> Election:
    """The commission's ballot: USW's seat (the USW officer, weight 2) and Los
    Mineros' seat (the Los Mineros officer, weight 1)."""
    found = Election.objects.filter(space=world.commission).first()
    if found is not None:
        return found
    body = world.commission_body
    usw_seat = Seat.objects.create(body=body, kind="member", representing=world.usw,
                                   holder=world["usw_officer"].person, vote_weight=2)  # fmt: skip
    mineros_seat = Seat.objects.create(body=body, kind="member", representing=world.mineros,
                                       holder=world["mineros_officer"].person)  # fmt: skip
    meeting = Meeting.objects.create(
        body=body,
        title="Sesión de la Comisión",
        starts_at=timezone.now(),
        language="es",
    )
    motion = Motion.objects.create(meeting=meeting, number=1, text="Apoyar la huelga.")
    vote = Vote.objects.create(motion=motion, method="secret", threshold="cast")
    return open_meeting_ballot(vote, [(usw_seat, 2), (mineros_seat, 1)])


def held(world, election: Election) -> Election:
    """Both coordinating unions have agreed to hold the ballot."""
    from alianza.elections.actions import agree_to_hold

    for persona in ("usw_staff", "mineros_staff"):
        agree_to_hold(world[persona], election)
    return election


def line_of(election: Election, union):
    return election.voters.get(union=union)


def roll_snapshot(election: Election) -> list[tuple]:
    return list(
        election.voters.order_by("pk").values_list(
            "pk", "name", "worker_number", "email", "phone", "weight", "union_id"
        )
    )
