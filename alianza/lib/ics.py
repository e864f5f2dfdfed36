"""iCalendar (RFC 5545) feeds, written by hand: a few events need no library."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Event:
    uid: str
    starts_at: datetime
    ends_at: datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""
    all_day: bool = False  # a date, not a time: DTSTART;VALUE=DATE
    yearly: bool = False  # repeats every year on the same date


# Every way a line can end (CR LF, a lone CR or LF, and the line and paragraph
# separators some readers honour) becomes the escape \n: a title must never
# start a new content line, or it could add events to every subscriber's feed.
_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Other control characters are not allowed in iCalendar text (RFC 5545, 3.3.11).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")


def _escape(text: str) -> str:
    text = _CONTROL.sub("", text)
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _LINE_BREAK.sub("\\\\n", text)


def _single_line(text: str) -> str:
    """A value written as is (a UID, a URL): line breaks and controls dropped."""
    return _CONTROL.sub("", _LINE_BREAK.sub("", text))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _dates(event: Event) -> list[str]:
    if event.all_day:
        return [
            f"DTSTART;VALUE=DATE:{event.starts_at:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.ends_at:%Y%m%d}",
        ]
    return [f"DTSTART:{_utc(event.starts_at)}", f"DTEND:{_utc(event.ends_at)}"]


def calendar(name: str, events: Iterable[Event], *, now: datetime | None = None) -> str:
    stamp = _utc(now or datetime.now(UTC))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Alianza//Councils//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_single_line(event.uid)}",
            f"DTSTAMP:{stamp}",
            *_dates(event),
            f"SUMMARY:{_escape(event.summary)}",
        ]
        if event.yearly:
            lines.append("RRULE:FREQ=YEARLY")
        if event.location:
            lines.append(f"LOCATION:{_escape(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{_escape(event.description)}")
        if event.url:
            lines.append(f"URL:{_single_line(event.url)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
