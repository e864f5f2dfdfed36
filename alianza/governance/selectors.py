"""Reads shared by the meeting pages, the API and the actions: who sits where,
quorum, the agenda, the live state, the motions' workflow, and the minutes'
text and print."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from alianza.bodies.models import Body, Seat
from alianza.lib.pdf import PdfDocument
from alianza.lib.when import in_zone, local_day
from alianza.multilingual.text import render_for

from .models import (
    MOTION_FLOW,
    AgendaItem,
    Attendance,
    FollowUp,
    Forwarding,
    Meeting,
    Minutes,
    Motion,
    Proxy,
    SpeakerRequest,
    Vote,
)


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
    planned_at: datetime


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
            planned = meeting.starts_at + timedelta(minutes=elapsed)
            lines.append(AgendaLine(f"{prefix}{n}", depth, item, elapsed, planned))
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


# --- Motions -----------------------------------------------------------------------


def allowed_moves(motion: Motion) -> list[str]:
    """The states the chair may move this motion to, by the body's workflow."""
    enabled = set(motion.meeting.body.motion_states or Motion.Status.values)
    return [
        s for s in Motion.Status.values if s in MOTION_FLOW.get(motion.status, set())
        and s in enabled
    ]  # fmt: skip


def receiving_bodies(motion: Motion) -> list[Body]:
    """The executive bodies of the unions taking part in the joint body's space."""
    space = motion.meeting.body.space
    if space is None:
        return []
    org_ids = space.participants.values_list("organisation_id", flat=True)
    return list(
        Body.objects.filter(
            organisation_id__in=org_ids, kind=Body.Kind.EXECUTIVE_BOARD
        ).order_by("name")
    )


# --- Minutes -----------------------------------------------------------------------


def minutes_of(meeting: Meeting) -> Minutes | None:
    """The meeting's minutes, if assembled."""
    return Minutes.objects.filter(meeting=meeting).first()


def _who(seat: Any) -> str:
    name = str(seat.holder) if seat.holder else str(seat.get_kind_display())
    return f"{name} ({seat.representing})"


def assemble(meeting: Meeting, language: str = "") -> str:
    """The minutes' first draft, in the meeting's language (or ``language``), from
    what was recorded: attendance, agenda, speakers, motions, votes and decisions.
    Names, agenda items and motions are written out in that language where they
    have a translation into it."""
    language = language or meeting.language

    def in_language(record: Any, field: str) -> str:
        return render_for(record, field, language).text

    with translation.override(language):
        lines: list[str] = []
        # On the clock of the place it met, named: not on the secretary's.
        when = in_zone(meeting.starts_at, meeting.zone)
        lines.append(
            _("%(body)s met on %(when)s (%(mode)s%(place)s).")
            % {
                "body": in_language(meeting.body, "name"),
                "when": when,
                "mode": meeting.get_mode_display().lower(),
                "place": f", {meeting.place}" if meeting.place else "",
            }
        )
        lines.append("")
        lines.append(_("Those present"))
        attendance = meeting.attendance.select_related(
            "seat__holder", "seat__representing", "alternate__holder"
        )
        for row in attendance:
            entry = f"- {_who(row.seat)}"
            if row.seat.is_observer:
                entry += " — " + _("observer, with the right to speak but not to vote")
            if row.alternate_id:
                entry += " — " + _("represented by the alternate %(name)s") % {
                    "name": row.alternate.holder if row.alternate else ""
                }
            lines.append(entry)
        for proxy in meeting.proxies.select_related("giver__holder", "carrier__holder"):
            lines.append(
                "- "
                + _("%(giver)s, absent, gave a proxy to %(carrier)s")
                % {"giver": _who(proxy.giver), "carrier": proxy.carrier.holder}
            )
        items = agenda(meeting)
        if items:
            lines += ["", _("Agenda")]
            for line in items:
                lines.append(
                    f"{'  ' * line.depth}{line.number}. {in_language(line.item, 'title')}"
                )
        speakers = meeting.speakers.filter(started_at__isnull=False).select_related(
            "seat__holder", "seat__representing"
        )
        if speakers:
            lines += ["", _("Speakers")]
            for speaker in speakers:
                kind = SpeakerRequest.Kind(speaker.kind).label
                lines.append(f"- {_who(speaker.seat)}: {kind}")
        motions = meeting.motions.select_related("proposer__holder", "amends")
        if motions:
            lines += ["", _("Motions and decisions")]
        for motion in motions.prefetch_related("votes", "support__seat__holder"):
            lines.append("")
            if motion.amends is not None:
                title = _("Amendment %(n)s to motion %(m)s, lines %(a)s–%(b)s") % {
                    "n": motion.number,
                    "m": motion.amends.number,
                    "a": motion.line_from,
                    "b": motion.line_to,
                }
            else:
                title = _("Motion %(n)s") % {"n": motion.number}
            mover = (
                _("moved by %(name)s") % {"name": motion.proposer.holder}
                if motion.proposer and motion.proposer.holder
                else _("forwarded recommendation")
            )
            lines.append(f"{title} ({mover})")
            lines.append(in_language(motion, "text"))
            seconds = [
                str(s.seat.holder) for s in motion.support.all() if s.seat.holder
            ]
            if seconds:
                lines.append(
                    _("Supported by %(names)s.") % {"names": ", ".join(seconds)}
                )
            for vote in motion.votes.all():
                if vote.closed_at:
                    lines.append(
                        f"{vote.get_method_display()}: {vote.explanation} "
                        + _("Quorum: %(present)s present, %(required)s required.")
                        % {"present": vote.present, "required": vote.quorum_required}
                    )
            if motion.status not in (Motion.Status.ADOPTED, Motion.Status.REJECTED):
                lines.append(
                    _("Status: %(status)s.") % {"status": motion.get_status_display()}
                )
        return "\n".join(lines)


def later_meetings(minutes: Minutes) -> list[Meeting]:
    """Meetings of the same body, in session, at which the minutes may be approved."""
    meeting = minutes.meeting
    return list(
        Meeting.objects.filter(
            body=meeting.body,
            status=Meeting.Status.OPEN,
            starts_at__gt=meeting.starts_at,
        )
    )


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def translation_missing(minutes: Minutes, second_language: str) -> str:
    """Why the minutes cannot be printed beside ``second_language``; empty when they
    can (or when no second language is asked for)."""
    if not second_language:
        return ""
    found = minutes.translations_for("text").get(second_language)
    if second_language == minutes.language or found is None:
        languages = dict(settings.LANGUAGES)
        return _("There is no translation of these minutes into %(language)s.") % {
            "language": str(languages.get(second_language, second_language))
        }
    return ""


def minutes_pdf(minutes: Minutes, second_language: str = "") -> bytes:
    """The minutes in the meeting's language, or beside a translation."""
    meeting = minutes.meeting
    languages = dict(settings.LANGUAGES)
    translated = None
    if second_language:
        missing = translation_missing(minutes, second_language)
        if missing:
            raise ValidationError(missing)
        translated = minutes.translations_for("text")[second_language].text
    with translation.override(minutes.language):
        if minutes.is_approved and minutes.approved_at:
            state = _("Approved at the meeting of %(date)s.") % {
                "date": formats.date_format(
                    local_day(minutes.approved_at.starts_at, minutes.approved_at.zone),
                    "DATE_FORMAT",
                )
            }
        else:
            state = _("Draft, not yet approved.")
        # The title and the body's name in the language of the minutes.
        title = render_for(meeting, "title", minutes.language).text
        body_name = render_for(meeting.body, "name", minutes.language).text
        doc = PdfDocument(
            _("Minutes: %(title)s") % {"title": title},
            subtitle=f"{body_name} · {state}",
            footer=f"{body_name} — Alianza",
        )
    if translated is None:
        for paragraph in _paragraphs(minutes.text):
            first, _sep, rest = paragraph.partition("\n")
            if rest and len(first) <= 60 and not first.startswith("-"):
                doc.heading(first, level=2)  # a section of the assembled minutes
                doc.paragraph(rest)
            else:
                doc.paragraph(paragraph)
    else:
        doc.side_by_side(
            [str(languages[minutes.language])] + _paragraphs(minutes.text),
            [str(languages[second_language])] + _paragraphs(translated),
        )
    return doc.render()


# --- Records as the pages and endpoints fetch them (with what they show) ------------


def meetings() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("body")


def motions() -> QuerySet[Motion]:
    return Motion.objects.select_related("meeting__body")


def votes() -> QuerySet[Vote]:
    return Vote.objects.select_related("motion__meeting__body")


def proxies() -> QuerySet[Proxy]:
    return Proxy.objects.select_related("meeting__body")


def follow_ups() -> QuerySet[FollowUp]:
    return FollowUp.objects.select_related("motion__meeting__body", "owner")


def forwardings() -> QuerySet[Forwarding]:
    return Forwarding.objects.select_related("body")


# --- The meeting page and the API's view of it -----------------------------------------


def attendance_by_seat(meeting: Meeting) -> dict[int, Attendance]:
    """Who is present, by seat, with the alternate sitting for an absent member."""
    rows = meeting.attendance.select_related("alternate__holder")
    return {row.seat_id: row for row in rows}


def motions_on_page(meeting: Meeting) -> list[Motion]:
    """The meeting's motions with everything the page shows of each."""
    return list(
        meeting.motions.select_related("proposer__holder", "amends")
        .prefetch_related(
            "votes__ballots", "support__seat__holder", "events", "forwardings__body",
            "follow_ups__owner", "follow_ups__updates",
        )
    )  # fmt: skip


def motions_with_votes(meeting: Meeting) -> QuerySet[Motion]:
    return meeting.motions.select_related("amends").prefetch_related("votes")


def seats_at(meeting: Meeting) -> list[Seat]:
    """The seats of the meeting's body, with their holders."""
    return list(meeting.body.seats.select_related("holder", "representing"))


def proxies_at(meeting: Meeting) -> list[Proxy]:
    return list(meeting.proxies.select_related("giver__holder", "carrier__holder"))


# --- Recommendations received by a body ---------------------------------------------


def forwardings_to(body: Body) -> list[Forwarding]:
    """The recommendations forwarded to ``body``, with the motion that decides each."""
    return list(
        Forwarding.objects.filter(body=body).select_related(
            "recommendation__meeting__body", "local_motion__meeting"
        )
    )


def unclosed_meetings(body: Body) -> QuerySet[Meeting]:
    """The body's meetings, scheduled or in session, where a recommendation may go."""
    return body.meetings.exclude(status=Meeting.Status.CLOSED)


def posted_seat(
    meeting: Meeting, seat_id: str | None, required: bool = False
) -> Seat | None:
    """The seat of the meeting's body that a posted form names (None when it names
    none and none is required); 404 for a seat of another body."""
    if not seat_id and not required:
        return None
    return get_object_or_404(Seat, pk=seat_id or 0, body=meeting.body)


def joint_meetings_held(spaces: Any, start: datetime, end: datetime) -> QuerySet:
    """The meetings of the joint bodies of ``spaces`` (a commission's, a council's)
    that started in [start, end) and were held (closed), for the quarterly report."""
    return Meeting.objects.filter(
        Q(body__space__in=spaces) | Q(body__council__space__in=spaces),
        status=Meeting.Status.CLOSED,
        starts_at__gte=start,
        starts_at__lt=end,
    ).distinct()
