"""A moment written for a reader: in the event's zone, with the zone named in the
reader's language ("14 de octubre de 2026 a las 06:00, hora de México (Ciudad de
México)"), so that nobody has to guess whose clock an announced time is on.

Records without a zone keep the server's (``settings.TIME_ZONE``), as before zones
were recorded. People, organisations, bodies and meetings name their zone by its
IANA key; ``guess_zone`` suggests one from a country and a city."""

import unicodedata
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, available_timezones

from babel.dates import get_timezone_location
from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

#: The zones of the alliance's workplaces, offered wherever a zone is chosen.
TIME_ZONES = (
    "America/Mexico_City", "America/Monterrey", "America/Chihuahua",
    "America/Hermosillo", "America/Mazatlan", "America/Tijuana", "America/Cancun",
    "America/New_York", "America/Detroit", "America/Chicago", "America/Denver",
    "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
    "America/Toronto", "America/Winnipeg", "America/Regina", "America/Edmonton",
    "America/Vancouver", "America/Halifax", "America/St_Johns", "America/Lima",
    "Europe/London", "Europe/Dublin",
)  # fmt: skip

#: Where a country has one usual zone for the alliance's members.
_COUNTRY_ZONES = {
    "MX": "America/Mexico_City",
    "US": "America/New_York",
    "CA": "America/Toronto",
    "GB": "Europe/London",
    "IE": "Europe/Dublin",
    "PE": "America/Lima",
}

#: Places named in units, worksites and meetings whose zone differs from their
#: country's usual one (Sonora keeps no summer time; the mines of Arizona neither).
_PLACE_ZONES = {
    "sonora": "America/Hermosillo",
    "cananea": "America/Hermosillo",
    "nacozari": "America/Hermosillo",
    "hermosillo": "America/Hermosillo",
    "chihuahua": "America/Chihuahua",
    "baja california": "America/Tijuana",
    "tijuana": "America/Tijuana",
    "mexicali": "America/Tijuana",
    "sinaloa": "America/Mazatlan",
    "nuevo leon": "America/Monterrey",
    "monterrey": "America/Monterrey",
    "coahuila": "America/Monterrey",
    "arizona": "America/Phoenix",
    "phoenix": "America/Phoenix",
    "hayden": "America/Phoenix",
    "tucson": "America/Phoenix",
    "chicago": "America/Chicago",
    "illinois": "America/Chicago",
    "indiana": "America/Chicago",
    "gary": "America/Chicago",
    "minnesota": "America/Chicago",
    "texas": "America/Chicago",
    "utah": "America/Denver",
    "colorado": "America/Denver",
    "montana": "America/Denver",
    "california": "America/Los_Angeles",
    "washington state": "America/Los_Angeles",
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "manitoba": "America/Winnipeg",
    "winnipeg": "America/Winnipeg",
    "saskatchewan": "America/Regina",
    "alberta": "America/Edmonton",
    "british columbia": "America/Vancouver",
    "vancouver": "America/Vancouver",
    "trail": "America/Vancouver",
    "nova scotia": "America/Halifax",
    "new brunswick": "America/Halifax",
    "newfoundland": "America/St_Johns",
}


def zone_of(key: str) -> ZoneInfo:
    """The zone an IANA key names; the server's for a record without one."""
    return ZoneInfo(key or settings.TIME_ZONE)


def is_zone(key: str) -> bool:
    return key in available_timezones()


def guess_zone(country: str, place: str = "") -> str:
    """The usual zone of a place in a country, or "" when the country is unknown."""
    words = unicodedata.normalize("NFKD", place.casefold())
    words = "".join(c for c in words if not unicodedata.combining(c))
    for name, zone in _PLACE_ZONES.items():
        if name in words:
            return zone
    return _COUNTRY_ZONES.get(country, "")


def zone_name(zone: ZoneInfo) -> str:
    """The zone as a reader names it: its country and city, in her language."""
    locale = translation.to_locale(translation.get_language() or "en")
    try:
        return str(get_timezone_location(zone, locale=locale))
    except (LookupError, ValueError):
        return zone.key


def zone_choices(blank: str = "") -> list[tuple[str, str]]:
    """The zones offered in a form, each named in the reader's language; ``blank``
    labels the empty choice (the server's or the record's default zone)."""
    named = sorted(
        ((key, zone_name(ZoneInfo(key))) for key in TIME_ZONES), key=lambda c: c[1]
    )
    return [("", blank), *named] if blank else named


def in_zone(
    moment: datetime, zone: ZoneInfo, format_name: str = "DATETIME_FORMAT"
) -> str:
    """``moment`` on the event's clock, the zone named."""
    local = moment.astimezone(zone)
    return _("%(when)s, %(zone)s") % {
        "when": formats.date_format(local, format_name),
        "zone": zone_name(zone),
    }


def for_reader(moment: datetime, format_name: str = "DATETIME_FORMAT") -> str:
    """``moment`` on the reader's clock (the zone her request activated), named."""
    return in_zone(moment, timezone.get_current_timezone(), format_name)  # type: ignore[arg-type]


def there_and_here(
    moment: datetime, zone: ZoneInfo, format_name: str = "DATETIME_FORMAT"
) -> str:
    """A time that belongs to a place: on the place's clock and, when the reader's
    clock shows another time, on hers too ("9:00 a.m., Pittsburgh — 7:00 a.m. your
    time")."""
    there = moment.astimezone(zone)
    reader = timezone.get_current_timezone()
    here = moment.astimezone(reader)
    if there.replace(tzinfo=None) == here.replace(tzinfo=None):
        return in_zone(moment, zone, format_name)
    # The reader's day is repeated only when it is not the place's day.
    short = "TIME_FORMAT" if here.date() == there.date() else format_name
    return _("%(there)s — %(here)s your time (%(zone)s)") % {
        "there": in_zone(moment, zone, format_name),
        "here": formats.date_format(here, short),
        "zone": zone_name(reader),  # type: ignore[arg-type]
    }


def on_clock(wall: datetime, zone: ZoneInfo) -> datetime:
    """A time typed into a form, read on ``zone``'s clock whatever zone the form
    field parsed it in. A wall time the clocks skip (the hour lost in spring) does
    not exist there: ``ValueError``. In the autumn hour that happens twice, the
    first (summer) one is meant."""
    if timezone.is_aware(wall):
        wall = timezone.make_naive(wall)
    # In UTC: an ambiguous local time compares unequal to everything (PEP 495).
    moment = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    # A skipped time does not survive the round trip through UTC.
    if moment.astimezone(zone).replace(tzinfo=None) != wall.replace(fold=0):
        raise ValueError(wall)
    return moment


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The day ``moment`` falls on in the event's zone: legal periods count local days."""
    return moment.astimezone(zone).date()
