from dataclasses import dataclass

from django.utils import timezone

from alianza.bodies.models import Seat

from .models import AgendaItem, Meeting, Vote


@dataclass
class Quorum:
    present: int  # voting members present (observers and proxies never count)
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
    """The seat the person holds on the meeting's body."""
    from alianza.orgs.selectors import standing

    person = standing(user).person
    if person is None:
        return None
    return meeting.body.seats.filter(holder=person).first()


def floor_seat(user, meeting: Meeting) -> Seat | None:
    """The seat whose rights the person exercises at this meeting: their own, or the
    absent member's when they sit as that member's alternate."""
    own = seat_of(user, meeting)
    if own is None:
        return None
    sitting = meeting.attendance.filter(alternate=own).select_related("seat").first()
    return sitting.seat if sitting is not None else own


def ballot_seats(user, meeting: Meeting) -> list[Seat]:
    """Every seat the person may cast a vote for: the one they sit in, if it votes
    and is present, and the proxies it carries."""
    seat = floor_seat(user, meeting)
    if seat is None or not seat.counts_for_quorum:
        return []
    if not meeting.attendance.filter(seat=seat).exists():
        return []
    carried = [
        p.giver for p in meeting.proxies.filter(carrier=seat).select_related("giver")
    ]
    return [seat, *carried]


@dataclass
class AgendaLine:
    number: str
    depth: int
    item: AgendaItem
    starts_after: int  # minutes from the start of the meeting


def agenda(meeting: Meeting) -> list[AgendaLine]:
    """The agenda in order, numbered 1, 1.1, 1.2, 2 …, with planned times."""
    items = list(meeting.agenda.all())
    children: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    lines: list[AgendaLine] = []
    elapsed = 0

    def walk(parent: int | None, prefix: str, depth: int) -> None:
        nonlocal elapsed
        for n, item in enumerate(children.get(parent, []), start=1):
            lines.append(AgendaLine(f"{prefix}{n}", depth, item, elapsed))
            if item.pk in children:
                walk(item.pk, f"{prefix}{n}.", depth + 1)
            else:
                elapsed += item.minutes

    walk(None, "", 0)
    return lines


def agenda_minutes(lines: list[AgendaLine]) -> int:
    parents = {line.item.parent_id for line in lines}
    return sum(line.item.minutes for line in lines if line.item.pk not in parents)


def live_state(meeting: Meeting) -> dict:
    """What every screen shows and refreshes: quorum, the current item, the floor,
    the last result."""
    speakers = list(
        meeting.speakers.filter(ended_at__isnull=True).select_related("seat__holder")
    )
    current = next((s for s in speakers if s.started_at), None)
    remaining = None
    if current is not None and current.started_at is not None:
        elapsed = (timezone.now() - current.started_at).total_seconds()
        remaining = max(0, int(current.limit_seconds - elapsed))
    last_vote = (
        Vote.objects.filter(motion__meeting=meeting, closed_at__isnull=False)
        .select_related("motion")
        .order_by("-closed_at")
        .first()
    )
    current_item = None
    if meeting.current_item_id:
        current_item = next(
            (li for li in agenda(meeting) if li.item.pk == meeting.current_item_id),
            None,
        )
    return {
        "meeting": meeting,
        "current_item": current_item,
        "quorum": quorum(meeting),
        "current": current,
        "remaining": remaining,
        "waiting": [s for s in speakers if not s.started_at],
        "last_vote": last_vote,
    }
