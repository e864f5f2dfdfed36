"""Money: a currency chosen from the ISO 4217 list, shown in the reader's locale."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from alianza.lib.money import (
    checked_currency,
    currencies,
    currency_choices,
    format_money,
    validate_currency,
)


def test_the_list_holds_the_currencies_in_use_and_the_alliances_first():
    assert {"USD", "MXN", "CAD", "PEN", "GBP", "EUR", "VND", "PLN"} <= currencies()
    assert "DEM" not in currencies()  # the Deutsche Mark is no longer tender
    codes = [code for code, _label in currency_choices("en")]
    assert codes[:6] == ["USD", "MXN", "CAD", "PEN", "GBP", "EUR"]
    assert len(codes) == len(set(codes)) > 100


def test_the_list_names_each_currency_in_the_readers_language():
    assert dict(currency_choices("es"))["MXN"] == "MXN — peso mexicano"
    assert dict(currency_choices("fr"))["MXN"] == "MXN — peso mexicain"
    assert dict(currency_choices("en"))["USD"] == "USD — US Dollar"


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "US$1,234.50"), ("es", "1.234,50\xa0US$"), ("fr", "1\u202f234,50\xa0$US")],
)
def test_an_amount_is_shown_in_the_readers_locale(language, shown):
    assert format_money(Decimal("1234.5"), "USD", language) == shown
    with translation.override(language):
        assert format_money(Decimal("1234.5"), "usd") == shown


def test_pesos_and_dollars_are_told_apart():
    assert format_money(10, "MXN", "en") == "MX$10.00"
    assert format_money(10, "CAD", "en") == "CA$10.00"
    assert format_money(None, "USD") == ""
    # An English reader is never left to guess which dollar a bare "$" is.
    assert "US$" in format_money(1, "USD", "en-us")


def test_a_code_is_checked_against_the_list():
    assert checked_currency(" mxn ") == "MXN"
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            checked_currency("US$")
        assert error.value.message_dict == {
            "currency": [
                "“US$” is not a currency of the list (ISO 4217: USD, MXN, CAD…)."
            ]
        }
        with pytest.raises(ValidationError, match="Choose the currency"):
            checked_currency("")
    with pytest.raises(ValidationError):
        validate_currency("XYZ")
    validate_currency("")  # no amount, no currency
