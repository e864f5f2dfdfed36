from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django import template
from django.utils import formats, timezone

from alianza.lib.money import format_money
from alianza.lib.when import for_reader, zone_name
from alianza.lib.when import there_and_here as there_and_here_text

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, number: int) -> str:
    """The current query string with ``page`` replaced: filters survive paging."""
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + params.urlencode()


@register.filter
def currency(amount: Decimal | float | int | None, code: str = "USD") -> str:
    """An amount of money in the reader's locale: ``{{ p.amount|currency:p.currency }}``
    gives "US$1,234.50" in English, "1 234,50 $US" in French."""
    return format_money(amount, code or "USD")


@register.filter
def get_item(mapping: dict, key: object) -> object:
    """``mapping[key]`` in a template, or None."""
    return mapping.get(key) if isinstance(mapping, dict) else None


_FORMATS = {"": "DATETIME_FORMAT", "short": "SHORT_DATETIME_FORMAT"}


@register.filter
def when(moment: datetime | None, length: str = "") -> str:
    """A moment on the reader's clock with her zone named: ``{{ entry.at|when }}``,
    ``{{ entry.at|when:"short" }}``."""
    if not moment:
        return ""
    return for_reader(moment, _FORMATS.get(length, length))


@register.simple_tag
def there_and_here(moment: datetime | None, zone: ZoneInfo, length: str = "") -> str:
    """A time that belongs to a place (a meeting in Pittsburgh) on its clock, and on
    the reader's when hers shows another time: ``{% there_and_here m.starts_at
    m.zone %}``."""
    if not moment:
        return ""
    return there_and_here_text(moment, zone, _FORMATS.get(length, length))


@register.simple_tag
def reader_zone() -> str:
    """The reader's zone by name, for a table whose times are all on her clock."""
    return zone_name(timezone.get_current_timezone())  # type: ignore[arg-type]


@register.filter
def clock(moment: datetime | None, zone: ZoneInfo) -> str:
    """The time of day on ``zone``'s clock, for lists whose zone is named once."""
    if not moment:
        return ""
    return formats.date_format(moment.astimezone(zone), "TIME_FORMAT")


@register.filter
def zone_label(zone: ZoneInfo) -> str:
    """A zone by name, in the reader's language."""
    return zone_name(zone)
