"""Phone numbers in international form (E.164: "+" then the country code and the
number, digits only), so that a text message reaches a worker whatever gateway
sends it. A number written without its country code takes the country's where
the vote is held. Only the plans of the alliance's countries are checked in
detail (Mexico's and North America's); another country's number must carry its
"+" code and is checked for length only."""

import re

#: The calling code of each country whose numbers a roll may write without it.
CALLING_CODES = {"MX": "52", "US": "1", "CA": "1"}
_SEPARATORS = re.compile(r"[\s().\-/]")
# North America: area code and exchange each start with 2-9 (NANP).
_NANP = re.compile(r"^[2-9]\d{2}[2-9]\d{6}$")
# Mexico since 2019: ten digits for every line, mobile or fixed.
_MEXICO = re.compile(r"^[1-9]\d{9}$")


def normalise_phone(raw: str, country: str) -> str | None:
    """``raw`` as "+<country code><number>", or None when it cannot be a phone
    number. ``country`` (ISO 3166 alpha-2, may be "") is where the vote is held:
    its calling code is added to a number written without one."""
    text = _SEPARATORS.sub("", raw.strip())
    if text.startswith("+"):
        digits = text[1:]
    elif text.startswith("00"):  # the international prefix in Mexico and Europe
        digits = text[2:]
    elif text.startswith("011"):  # the international prefix in North America
        digits = text[3:]
    else:
        digits = _national(text, CALLING_CODES.get(country, ""))
    if not digits or not digits.isdigit():
        return None
    return _checked("+" + digits)


def _national(text: str, code: str) -> str:
    """The number with its calling code, for one written the way a worker writes
    it at home; "" when the country has no known code."""
    if not text.isdigit() or not code:
        return ""
    if code == "52":
        # 044/045 (mobile) and 01 (long distance) were dropped in 2019; rolls
        # still carry them.
        for prefix in ("044", "045", "01"):
            if len(text) == 10 + len(prefix) and text.startswith(prefix):
                text = text[len(prefix) :]
        if len(text) == 12 and text.startswith("52"):
            return text
        return "52" + text
    if len(text) == 11 and text.startswith("1"):  # 1 + area code, dialled at home
        return text
    return "1" + text


def _checked(number: str) -> str | None:
    digits = number[1:]
    if digits.startswith("52"):
        national = digits[2:]
        # "+52 1 …": the old mobile marker, gone since 2019
        if len(national) == 11 and national.startswith("1"):
            national = national[1:]
        return "+52" + national if _MEXICO.match(national) else None
    if digits.startswith("1"):
        return number if _NANP.match(digits[1:]) else None
    # Another country: E.164 allows up to 15 digits; none is shorter than 8.
    return number if 8 <= len(digits) <= 15 and digits[0] != "0" else None
