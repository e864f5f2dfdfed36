import pytest
from django.utils import timezone

from alianza.bodies.models import Seat
from alianza.governance import actions


@pytest.fixture
def session(world):
    """Los Mineros' committee in session; the officer holds a voting seat and the
    USW observer a seat that speaks but does not vote."""
    officer_seat = Seat.objects.create(
        body=world.nec, kind="member", holder=world["mineros_officer"].person,
        representing=world.mineros,
    )  # fmt: skip
    meeting = actions.schedule_meeting(
        world["mineros_staff"], world.nec, title="Sesión", starts_at=timezone.now(),
        mode="hybrid", place="CDMX", language="es",
    )  # fmt: skip
    actions.set_meeting_status(world["mineros_staff"], meeting, "open")
    meeting.officer_seat = officer_seat
    return meeting
