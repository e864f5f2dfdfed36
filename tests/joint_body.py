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
    from alianza.governance.models import Attendance, Ballot, Proxy, Vote

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
        list(
            Vote.objects.filter(motion__meeting__body=body)
            .order_by("pk")
            .values_list("yes", "no", "abstain")
        ),
    )  # fmt: skip


# Records the matrix rows on the joint body ask for (made once per world) ------------


def joint_vote(world, method: str):
    """An open vote of the joint session (a roll call, or a show of hands)."""
    joint = joint_body(world)
    found = joint.meeting.motions.filter(votes__method=method).first()
    if found is not None:
        return found.votes.get(method=method)
    motion = gov.submit_motion(
        world["usw_officer"], joint.meeting, text=f"Motion ({method}).", language="en"
    )
    return gov.open_vote(world["usw_staff"], motion, method=method, threshold="cast")


def joint_proxy(world, union: str):
    """The proxy ``union``'s absent delegate gave to its present one, recorded on
    paper by the union's staff."""
    joint = joint_body(world)
    present, absent = joint.seats_of(union)
    found = joint.meeting.proxies.filter(giver=absent).first()
    staff = world["usw_staff" if union == "usw" else "mineros_staff"]
    return found or gov.give_proxy(staff, joint.meeting, present, absent)


def run_joint_row(client, world, row, persona: str, api_name: str = "") -> None:
    """A matrix row on the joint body, checked by its effect: after a write that went
    through, the row's check; after any other answer, the delegations unchanged."""
    from tests.matrix import REDIRECT, run_api, run_page

    joint_body(world)
    row.url(world), row.data(world)  # the records the row names exist before
    before = delegation_state(world.commission_body)
    if api_name:
        run_api(client, world, api_name, row, persona)
    else:
        run_page(client, world, row, persona)
    if row.answers[persona] not in (REDIRECT, 201):
        assert delegation_state(world.commission_body) == before, persona
