"""A moment written for a reader: in the event's zone, with the zone named in the
reader's language ("14 de octubre de 2026 a las 06:00, hora de México (Ciudad de
México)"), so that nobody has to guess whose clock an announced time is on."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import get_timezone_location
from django.utils import formats, translation
from django.utils.translation import gettext as _


def zone_name(zone: ZoneInfo) -> str:
    """The zone as a reader names it: its country and city, in her language."""
    locale = translation.to_locale(translation.get_language() or "en")
    try:
        return str(get_timezone_location(zone, locale=locale))
    except (LookupError, ValueError):
        return zone.key


def in_zone(moment: datetime, zone: ZoneInfo) -> str:
    """``moment`` on the event's clock, the zone named."""
    local = moment.astimezone(zone)
    return _("%(when)s, %(zone)s") % {
        "when": formats.date_format(local, "DATETIME_FORMAT"),
        "zone": zone_name(zone),
    }


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The day ``moment`` falls on in the event's zone: legal periods count local days."""
    return moment.astimezone(zone).date()
