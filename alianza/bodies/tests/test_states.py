"""The kind questions templates ask of seats and bodies."""

from alianza.bodies.models import Body, Seat


def test_seats_and_bodies_say_what_they_are():
    assert Seat(kind="observer").is_observer
    assert not Seat(kind="member").is_observer
    assert Body(kind="executive_board").is_executive_board
    assert not Body(kind="council").is_executive_board
