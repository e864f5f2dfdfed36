"""The voter roll: imported from CSV or XLSX with a line-by-line report, corrected
one voter at a time (audited), frozen when the credentials are published."""

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.lib.tabular import ImportLine, ImportReport, check_rows, upload_rows

from .models import Election, Voter

COLUMNS = ["name*", "worker_number", "curp", "email", "phone", "language", "weight"]
MAX_ROWS = 200_000
CURP_PATTERN = re.compile(
    r"^[A-Z][AEIOUX][A-Z]{2}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[HMX]"
    r"(AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR"
    r"|TC|TS|TL|VZ|YN|ZS|NE)[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d$"
)
_CURP_VALUES = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
PHONE = re.compile(r"^\+?[\d ()-]{7,20}$")


def curp_is_valid(curp: str) -> bool:
    """The format of Mexico's CURP and its check digit (the 18th character)."""
    if not CURP_PATTERN.match(curp):
        return False
    total = sum(_CURP_VALUES.index(c) * (18 - i) for i, c in enumerate(curp[:17]))
    return int(curp[17]) == (10 - total % 10) % 10


def in_mexico(election: Election) -> bool:
    if election.worksite is not None:
        return election.worksite.country == "MX"
    return list(election.organisation.countries or []) == ["MX"]


def _voter(line: ImportLine, election: Election, mexico: bool, seen: set[str]) -> Voter:
    v = line.values
    number = v.get("worker_number", "")
    curp = v.get("curp", "").upper()
    if number:
        if number in seen:
            line.errors.append(
                _("worker_number: %(number)s is on the roll twice.")
                % {"number": number}
            )
        seen.add(number)
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
    phone = v.get("phone", "")
    if phone and not PHONE.match(phone):
        line.errors.append(_("phone: not a phone number."))
    language = (v.get("language") or election.language).lower()
    if language not in dict(settings.LANGUAGES):
        line.errors.append(_("language: en, es or fr."))
    weight_text = v.get("weight") or "1"
    weight = int(weight_text) if weight_text.isdigit() else 0
    if not 1 <= weight <= 1_000_000:
        line.errors.append(_("weight: a whole number from 1 to 1,000,000."))
    return Voter(
        election=election, name=v["name"], worker_number=number, curp=curp,
        email=email, phone=phone, language=language, weight=weight,
    )  # fmt: skip


def _require_open_roll(election: Election) -> None:
    if election.roll_frozen_at is not None or election.status not in (
        Election.Status.DRAFT,
        Election.Status.KEYS,
    ):
        raise ValidationError(_("The roll is frozen: the credentials are issued."))


@transaction.atomic
def import_roll(actor: Any, election: Election, name: str, data: bytes) -> ImportReport:
    """Check every line; add all of them to the roll, or none when any is wrong."""
    require(actor, "elections.change_election", election)
    _require_open_roll(election)
    report = ImportReport(kind="roll")
    try:
        rows = upload_rows(name, data)
    except ValueError as error:
        report.problems.append(str(error))
        return report
    check_rows(COLUMNS, rows, report, MAX_ROWS)
    if report.problems:
        return report
    if not report.lines:
        report.problems.append(_("The file has no lines after the column names."))
        return report
    mexico = in_mexico(election)
    seen = set(
        election.voters.exclude(worker_number="").values_list(
            "worker_number", flat=True
        )
    )
    pending = [_voter(line, election, mexico, seen) for line in report.lines]
    if not report.ok:
        return report
    Voter.objects.bulk_create(pending, batch_size=2000)
    report.saved = len(pending)
    record("elections.roll_imported", actor=actor, target=election,
           organisation=election.organisation, data={"voters": report.saved})  # fmt: skip
    return report


@transaction.atomic
def correct_voter(actor: Any, voter: Voter, **changes: Any) -> Voter:
    """A correction to one line of the roll, before it is frozen; audited with the
    values before and after."""
    election = voter.election
    require(actor, "elections.change_election", election)
    _require_open_roll(election)
    allowed = {"name", "worker_number", "curp", "email", "phone", "language", "weight"}
    if not set(changes) <= allowed:
        raise ValidationError(_("Only the roll's columns can be corrected."))
    line = ImportLine(number=0, values={**{f: str(getattr(voter, f)) for f in allowed},
                                        **{k: str(v) for k, v in changes.items()}})  # fmt: skip
    if not line.values["name"].strip():
        raise ValidationError(_("name: required."))
    others = set(
        election.voters.exclude(pk=voter.pk)
        .exclude(worker_number="")
        .values_list("worker_number", flat=True)
    )
    checked = _voter(line, election, in_mexico(election), others)
    if line.errors:
        raise ValidationError(line.errors)
    changes = {f: v for f, v in changes.items() if str(getattr(voter, f)) != str(v)}
    before = {f: getattr(voter, f) for f in changes}
    for f in changes:
        setattr(voter, f, getattr(checked, f))
    voter.save()
    record("elections.voter_corrected", actor=actor, target=election,
           organisation=election.organisation,
           data={"voter": voter.pk, "before": before, "after": {f: getattr(voter, f) for f in changes}})  # fmt: skip
    return voter
