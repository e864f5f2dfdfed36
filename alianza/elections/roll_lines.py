"""Checking the lines of a voter roll: the columns, Mexico's CURP, e-mail, phone,
language and weight. Nothing here reads the database or writes."""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from alianza.lib.phones import normalise_phone
from alianza.lib.tabular import ImportLine

from .models import Election, Voter
from .outcome import ONE_WORKER_ONE_VOTE

COLUMNS = [
    "name*", "worker_number", "curp", "email", "phone", "language", "weight", "excluded",
]  # fmt: skip
MAX_ROWS = 200_000
MAX_BYTES = 20 * 1024 * 1024
CURP_PATTERN = re.compile(
    r"^[A-Z][AEIOUX][A-Z]{2}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[HMX]"
    r"(AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR"
    r"|TC|TS|TL|VZ|YN|ZS|NE)[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d$"
)
_CURP_VALUES = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


@dataclass
class Seen:
    """The worker numbers and CURPs met so far, each with where it was met (a line
    of the file, or a worker already on the roll), so that a second one names both."""

    worker_numbers: dict[str, str] = field(default_factory=dict)
    curps: dict[str, str] = field(default_factory=dict)


def curp_is_valid(curp: str) -> bool:
    """The format of Mexico's CURP and its check digit (the 18th character)."""
    if not CURP_PATTERN.match(curp):
        return False
    total = sum(_CURP_VALUES.index(c) * (18 - i) for i, c in enumerate(curp[:17]))
    return int(curp[17]) == (10 - total % 10) % 10


def in_mexico(election: Election) -> bool:
    """A vote in Mexico, where each voter needs a CURP."""
    return election.country == "MX"


def line_label(line: ImportLine) -> str:
    return _("line %(number)s") % {"number": line.number}


def voter_from_line(
    line: ImportLine, election: Election, mexico: bool, seen: Seen
) -> Voter:
    """The voter a line of the roll describes (not saved); what is wrong with the
    line is added to its errors. ``seen`` collects the worker numbers and CURPs
    met so far: one worker has one line, so either met twice is refused."""
    v = line.values
    number = v.get("worker_number", "")
    curp = v.get("curp", "").upper()
    here = line_label(line)
    if number:
        if number in seen.worker_numbers:
            line.errors.append(
                _("worker_number: %(number)s is also on %(other)s.")
                % {"number": number, "other": seen.worker_numbers[number]}
            )
        seen.worker_numbers.setdefault(number, here)
    if curp:
        if curp in seen.curps:
            line.errors.append(
                _("curp: %(curp)s is also on %(other)s: one worker, one line.")
                % {"curp": curp, "other": seen.curps[curp]}
            )
        seen.curps.setdefault(curp, here)
    if curp and not curp_is_valid(curp):
        line.errors.append(_("curp: %(curp)s is not a valid CURP.") % {"curp": curp})
    elif mexico and not curp:
        line.errors.append(_("curp: required for a vote in Mexico."))
    email = v.get("email", "")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            line.errors.append(_("email: not an e-mail address."))
    phone = v.get("phone", "").strip()
    if phone:
        # Stored with its country code, so that a text reaches the worker.
        international = normalise_phone(phone, election.country)
        if international is None:
            line.errors.append(
                _(
                    "phone: %(phone)s is not a phone number; write it with its "
                    "country code (+52 for Mexico, +1 for the United States and "
                    "Canada)."
                )
                % {"phone": phone}
            )
        phone = international or phone
    language = (v.get("language") or election.language).lower()
    if language not in dict(settings.LANGUAGES):
        line.errors.append(_("language: en, es or fr."))
    weight_text = v.get("weight") or "1"
    weight = int(weight_text) if weight_text.isdigit() else 0
    if not 1 <= weight <= 1_000_000:
        line.errors.append(_("weight: a whole number from 1 to 1,000,000."))
    elif weight != 1 and election.kind in ONE_WORKER_ONE_VOTE:
        line.errors.append(
            _(
                "weight: this vote counts workers, one worker one vote (Federal "
                "Labour Law, art. 390 Bis and 390 Ter): leave it empty or write 1."
            )
        )
    excluded = v.get("excluded", "").strip().lower()
    if excluded and excluded not in Voter.Exclusion.values:
        line.errors.append(_("excluded: confidence or hired_after_notice."))
    elif excluded and not marks_exclusions(election):
        line.errors.append(
            _(
                "excluded: only the roll of a strike consultation in Mexico marks "
                "lines the law does not count (Federal Labour Law, art. 931)."
            )
        )
    return Voter(
        election=election, name=v["name"], worker_number=number, curp=curp,
        email=email, phone=phone, language=language, weight=weight, excluded=excluded,
    )  # fmt: skip


def marks_exclusions(election: Election) -> bool:
    """A Mexican strike consultation: confidence employees and those hired after
    the strike notice stay on its roll, marked, without a vote (art. 931, IV)."""
    return election.kind == Election.Kind.STRIKE and election.country == "MX"
