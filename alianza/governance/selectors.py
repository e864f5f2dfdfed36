from dataclasses import dataclass

from alianza.bodies.models import Seat

from .models import Meeting


@dataclass
class Quorum:
    present: int  # voting members present (observers never count)
    required: int
    voting_seats: int

    @property
    def reached(self) -> bool:
        return self.present >= self.required


def quorum(meeting: Meeting) -> Quorum:
    seats = list(meeting.body.seats.all())
    present_ids = set(meeting.attendance.values_list("seat_id", flat=True))
    voting = [s for s in seats if s.counts_for_quorum]
    return Quorum(
        present=sum(1 for s in voting if s.pk in present_ids),
        required=meeting.body.quorum_required(),
        voting_seats=len(voting),
    )


def seat_of(user, meeting: Meeting) -> Seat | None:
    from alianza.orgs.selectors import standing

    person = standing(user).person
    if person is None:
        return None
    return meeting.body.seats.filter(holder=person).first()
