from datetime import UTC, datetime

import icalendar
import pytest

from alianza.lib import ics

INJECTED = "BEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Strike called off\r\nEND:VEVENT"


def _feed(**fields) -> icalendar.Calendar:
    values = {
        "uid": "meeting-1@alianza",
        "starts_at": datetime(2026, 3, 1, 15, tzinfo=UTC),
        "ends_at": datetime(2026, 3, 1, 17, tzinfo=UTC),
        "summary": "Joint Commission",
    } | fields
    text = ics.calendar("Council", [ics.Event(**values)])
    return icalendar.Calendar.from_ical(text)


@pytest.mark.parametrize("brk", ["\r", "\r\n", "\n", "\u2028", "\x0b", "\x85"])
def test_a_title_with_a_line_break_cannot_add_events(brk):
    summary = f"Rally{brk}END:VEVENT{brk}BEGIN:VEVENT{brk}SUMMARY:Strike called off"
    parsed = _feed(summary=summary)
    events = parsed.walk("VEVENT")
    assert len(events) == 1
    # The whole title stays one value; each break reads back as a new line.
    assert str(events[0]["SUMMARY"]) == (
        "Rally\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Strike called off"
    )


def test_a_lone_carriage_return_before_begin_vevent_is_escaped():
    parsed = _feed(summary="Meeting\rBEGIN:VEVENT")
    assert len(parsed.walk("VEVENT")) == 1
    text = ics.calendar(
        "Council",
        [
            ics.Event(
                uid="m@alianza",
                starts_at=datetime(2026, 3, 1, 15, tzinfo=UTC),
                ends_at=datetime(2026, 3, 1, 17, tzinfo=UTC),
                summary="Meeting\rBEGIN:VEVENT",
            )
        ],
    )
    # No bare CR or LF anywhere: every line ends with CR LF.
    assert "\r" not in text.replace("\r\n", "")
    assert "\n" not in text.replace("\r\n", "")
    assert text.count("BEGIN:VEVENT") == 2  # the event, and the escaped text


def test_location_description_calendar_name_uid_and_url_cannot_inject():
    text = ics.calendar(
        f"Council\r{INJECTED}",
        [
            ics.Event(
                uid=f"m@alianza\r{INJECTED}",
                starts_at=datetime(2026, 3, 1, 15, tzinfo=UTC),
                ends_at=datetime(2026, 3, 1, 17, tzinfo=UTC),
                summary="Meeting",
                location=f"Hall\r{INJECTED}",
                description=f"Agenda\n{INJECTED}",
                url=f"https://alianza.example.org/x\r\n{INJECTED}",
            )
        ],
    )
    parsed = icalendar.Calendar.from_ical(text)
    assert len(parsed.walk("VEVENT")) == 1
    assert [line for line in text.split("\r\n") if line == "BEGIN:VEVENT"] == [
        "BEGIN:VEVENT"
    ]


def test_control_characters_are_dropped_and_text_is_escaped():
    parsed = _feed(summary="A\x00B; C, D\\E\tF")
    assert str(parsed.walk("VEVENT")[0]["SUMMARY"]) == "AB; C, D\\E\tF"
