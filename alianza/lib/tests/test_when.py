"""Whose clock a time is on: zones guessed from places, times typed on a zone's
clock across the summer-time changes, and a place's time with the reader's."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from alianza.lib.when import guess_zone, on_clock, there_and_here

NY = ZoneInfo("America/New_York")
TORONTO = ZoneInfo("America/Toronto")
MX = ZoneInfo("America/Mexico_City")
SONORA = ZoneInfo("America/Hermosillo")


def wall(text: str) -> datetime:
    """A wall-clock time without a zone, as a form's field reads it."""
    return datetime.fromisoformat(text)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("country", "place", "zone"),
    [
        ("US", "Pittsburgh, Pennsylvania", "America/New_York"),
        ("CA", "Toronto, Ontario", "America/Toronto"),
        ("CA", "Trail, British Columbia", "America/Vancouver"),
        ("MX", "Ciudad de México", "America/Mexico_City"),
        ("MX", "Cananea, Sonora", "America/Hermosillo"),
        ("US", "Hayden, Arizona", "America/Phoenix"),
        ("US", "Amarillo, Texas", "America/Chicago"),
        ("MX", "", "America/Mexico_City"),
        ("", "", ""),
    ],
)
def test_a_place_suggests_its_usual_zone(country, place, zone):
    assert guess_zone(country, place) == zone


@pytest.mark.parametrize(
    ("wall", "utc"),
    [
        (wall("2027-01-14T10:00"), datetime(2027, 1, 14, 15, tzinfo=UTC)),  # winter
        (wall("2026-07-14T10:00"), datetime(2026, 7, 14, 14, tzinfo=UTC)),  # summer
        # The last winter minute before the clocks go forward, and the first
        # summer one after.
        (wall("2027-03-14T01:59"), datetime(2027, 3, 14, 6, 59, tzinfo=UTC)),
        (wall("2027-03-14T03:00"), datetime(2027, 3, 14, 7, 0, tzinfo=UTC)),
        # The hour that happens twice in autumn: the first (summer) one is meant.
        (wall("2026-11-01T01:30"), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
    ],
)
def test_a_time_typed_in_toronto_is_toronto_time(wall, utc):
    assert on_clock(wall, TORONTO) == utc


def test_a_time_typed_is_read_on_the_forms_zone_not_the_readers():
    """The field parsed it on the reader's (Mexico City) clock; the meeting's is
    Toronto's."""
    with timezone.override(MX):
        parsed = timezone.make_aware(wall("2027-01-14T10:00"))
        assert on_clock(parsed, TORONTO) == datetime(2027, 1, 14, 15, tzinfo=UTC)


def test_the_hour_skipped_in_spring_does_not_exist():
    with pytest.raises(ValueError):
        on_clock(wall("2027-03-14T02:30"), TORONTO)
    # Sonora keeps no summer time: nothing is skipped there.
    assert on_clock(wall("2027-03-14T02:30"), SONORA) == datetime(
        2027, 3, 14, 9, 30, tzinfo=UTC
    )


def test_a_place_s_time_is_shown_with_the_readers_when_their_clocks_differ():
    board = datetime(2026, 10, 6, 9, tzinfo=NY)
    with timezone.override(NY):
        assert there_and_here(board, NY) == (
            "Oct. 6, 2026, 9 a.m., United States (New York) Time"
        )
    with timezone.override(MX):
        assert there_and_here(board, NY) == (
            "Oct. 6, 2026, 9 a.m., United States (New York) Time — "
            "7 a.m. your time (Mexico (Mexico City) Time)"
        )
    # Toronto's clock shows the same time as Pittsburgh's: said once.
    with timezone.override(TORONTO):
        assert "your time" not in there_and_here(board, NY)


def test_the_readers_day_is_named_when_it_is_another_day():
    late = datetime(2026, 12, 10, 23, tzinfo=MX)  # 05:00 the next day in London
    with timezone.override(ZoneInfo("Europe/London")):
        assert there_and_here(late, MX).endswith(
            "Dec. 11, 2026, 5 a.m. your time (United Kingdom Time)"
        )


def test_mexico_city_keeps_no_summer_time_new_york_does():
    """A summer and a winter meeting at 9:00 in Pittsburgh are 7:00 and 8:00 in
    Mexico City (Mexico ended summer time in 2022)."""
    with timezone.override(MX):
        assert "7 a.m. your time" in there_and_here(
            datetime(2026, 10, 6, 9, tzinfo=NY), NY
        )
        assert "8 a.m. your time" in there_and_here(
            datetime(2026, 12, 1, 9, tzinfo=NY), NY
        )
