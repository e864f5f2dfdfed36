"""Money: an amount and an ISO 4217 currency code, chosen from a list and shown in
the reader's locale ("US$1,234.50" in English, "1.234,50 US$" in Spanish, "1 234,50 $US"
in French).

The list is every currency that is legal tender in some country today, as the
Unicode CLDR (through Babel) knows them; the alliance's own currencies come first.
A record stores the three-letter code, never a symbol ("$" is a dollar in Ohio and
a peso in Sonora)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import format_currency, get_currency_name, get_territory_currencies
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

#: The alliance's currencies (the United States, Mexico, Canada, Peru, the United
#: Kingdom and Ireland of Workers Uniting), first in every list.
COMMON = ("USD", "MXN", "CAD", "PEN", "GBP", "EUR")


@cache
def currencies() -> frozenset[str]:
    """The ISO 4217 codes of the currencies that are legal tender somewhere."""
    today = date.today()  # noqa: DTZ011 (a calendar day is all the list needs)
    codes: set[str] = set()
    for territory in Locale("en").territories:
        if isinstance(territory, str) and len(territory) == 2 and territory.isalpha():
            codes.update(get_territory_currencies(territory, today, tender=True))
    return frozenset(codes | set(COMMON))


def _locale(language: str | None = None) -> str:
    """The reader's locale for numbers and money. English is the world's English
    (``en_001``), whose dollars are named: "US$", "CA$", "MX$", never a bare "$",
    which in this alliance may be any of the three."""
    locale = to_locale(language or get_language() or "en")
    return "en_001" if locale.split("_")[0] == "en" else locale


def currency_name(code: str, language: str | None = None) -> str:
    return get_currency_name(code, locale=_locale(language))


def currency_choices(language: str | None = None) -> list[tuple[str, str]]:
    """``(code, "MXN — Mexican peso")`` for each currency, in the reader's language:
    the alliance's first, then the others by name."""
    locale = _locale(language)
    common = [c for c in COMMON if c in currencies()]
    others = sorted(
        (c for c in currencies() if c not in COMMON),
        key=lambda c: get_currency_name(c, locale=locale).casefold(),
    )
    return [
        (code, f"{code} — {get_currency_name(code, locale=locale)}")
        for code in common + others
    ]


def validate_currency(value: str) -> None:
    """A model field's validator: the value must be a code of the list."""
    if value and value not in currencies():
        raise ValidationError(
            _("“%(code)s” is not a currency of the list (ISO 4217: USD, MXN, CAD…).")
            % {"code": value},
            code="currency",
        )


def checked_currency(value: str | None, field: str = "currency") -> str:
    """``value`` as a currency code of the list (upper case), or a ValidationError
    naming ``field`` with a message in the person's language."""
    code = (value or "").strip().upper()
    if not code:
        raise ValidationError({field: _("Choose the currency.")})
    try:
        validate_currency(code)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
    return code


def format_money(
    amount: Decimal | float | int | None, code: str, language: str | None = None
) -> str:
    """An amount in the reader's locale: "US$1,234.50", "1.234,50 US$",
    "1 234,50 $US"; "" for no amount."""
    if amount is None or amount == "":
        return ""
    return format_currency(amount, code.upper(), locale=_locale(language))
