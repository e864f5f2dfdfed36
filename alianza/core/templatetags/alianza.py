from decimal import Decimal

from babel.numbers import format_currency
from django import template
from django.utils.translation import get_language, to_locale

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, number: int) -> str:
    """The current query string with ``page`` replaced: filters survive paging."""
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + params.urlencode()


@register.filter
def currency(amount: Decimal | float | int | None, code: str = "USD") -> str:
    """An amount of money in the reader's locale, e.g. ``1.234,50 US$`` in French."""
    if amount is None or amount == "":
        return ""
    return format_currency(
        amount, code.upper(), locale=to_locale(get_language() or "en")
    )


@register.filter
def get_item(mapping: dict, key: object) -> object:
    """``mapping[key]`` in a template, or None."""
    return mapping.get(key) if isinstance(mapping, dict) else None
