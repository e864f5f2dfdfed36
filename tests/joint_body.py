"""A joint body for the tests of shared ground: the Joint Commission's body, with a
delegation from each union, and one of its meetings in session.

USW's delegation: the USW officer (present) and Uma Delegate (absent); Los Mineros':
the Los Mineros officer (present) and Marta Delegada (absent). Each union's staff
acts for its own delegation; both unions coordinate the commission, so the staff of
either chairs its meetings. Two voting members present make its quorum.
"""

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from alianza.bodies.models import Body, Seat
from alianza.governance import actions as gov
from alianza.governance.models import Meeting
from alianza.orgs.models import Membership, Person
from alianza.orgs.roles import Role


@dataclass
class JointBody:
    body: Body
    usw_seat: Seat  # the USW officer's, present
    usw_absent: Seat  # Uma Delegate's, absent
    mineros_seat: Seat  # the Los Mineros officer's, present
    mineros_absent: Seat  # Marta Delegada's, absent
    meeting: Meeting

    def seats_of(self, union: str) -> tuple[Seat, Seat]:
        """(present, absent) seats of ``union`` ("usw" or "mineros")."""
        if union == "usw":
            return self.usw_seat, self.usw_absent
        return self.mineros_seat, self.mineros_absent


def _delegate(world, name: str, organisation) -> Person:
    person = Person.objects.create(name=name, country="MX")
    Membership.objects.create(
        person=person, organisation=organisation, role=Role.MEMBER
    )
    return person


def joint_body(world) -> JointBody:
    """The joint body of ``world`` (made once per world)."""
    found: JointBody | None = getattr(world, "joint", None)
    if found is not None:
        return found
    body = world.commission_body
    body.proxy_limit = 1
    body.quorum_rule, body.quorum_number = Body.QuorumRule.FIXED, 2
    body.save(update_fields=["proxy_limit", "quorum_rule", "quorum_number"])

    def seat(holder: Person, union, title: str) -> Seat:
        return Seat.objects.create(
            body=body, kind="member", holder=holder, representing=union, title=title
        )

    usw_seat = seat(world["usw_officer"].person, world.usw, "USW 1")
    usw_absent = seat(_delegate(world, "Uma Delegate", world.usw), world.usw, "USW 2")
    mineros_seat = seat(world["mineros_officer"].person, world.mineros, "Mineros 1")
    mineros_absent = seat(
        _delegate(world, "Marta Delegada", world.mineros), world.mineros, "Mineros 2"
    )
    meeting = gov.schedule_meeting(
        world["usw_staff"], body, title="Joint session", starts_at=timezone.now(),
        mode="online", place="", language="en",
    )  # fmt: skip
    gov.set_meeting_status(world["usw_staff"], meeting, "open")
    gov.check_in(world["usw_officer"], meeting)
    gov.check_in(world["mineros_officer"], meeting)
    world.joint = JointBody(
        body=body,
        usw_seat=usw_seat,
        usw_absent=usw_absent,
        mineros_seat=mineros_seat,
        mineros_absent=mineros_absent,
        meeting=meeting,
    )
    return world.joint


def delegation_state(body: Body) -> Any:
    """Everything of a joint body's delegations an attack could change: its seats
    (rights, holders, weights), the proxies, attendance and ballots of its meetings."""
    from alianza.governance.models import Attendance, Ballot, Proxy

    return (
        list(
            body.seats.order_by("pk").values_list(
                "pk", "holder_id", "representing_id", "can_speak", "can_vote",
                "vote_weight", "kind",
            )
        ),
        list(
            Proxy.objects.filter(meeting__body=body)
            .order_by("pk")
            .values_list("giver_id", "carrier_id")
        ),
        list(
            Attendance.objects.filter(meeting__body=body)
            .order_by("pk")
            .values_list("seat_id", "alternate_id")
        ),
        list(
            Ballot.objects.filter(vote__motion__meeting__body=body)
            .order_by("pk")
            .values_list("seat_id", "choice")
        ),
    )  # fmt: skip
