"""Changes to employers, worksites and representation: one by one or by CSV import."""

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.lib.tabular import ImportLine, ImportReport, check_rows, upload_rows
from alianza.lib.when import guess_zone
from alianza.lib.writing import language_of
from alianza.orgs.models import Country, Organisation, Unit
from alianza.spaces.shared_ground import union_of_actor

from .models import Employer, Representation, Sector, Worksite

#: The columns of each kind of import file, in order. Starred ones are required.
COLUMNS: dict[str, list[str]] = {
    "employers": ["name*", "country*", "parent", "sector", "slug"],
    "worksites": [
        "employer*", "name*", "country*", "region", "municipality", "latitude",
        "longitude", "sector", "products", "headcount", "rrm_covered",
    ],
    "representation": [
        "employer*", "worksite*", "status*", "organisation", "unit", "since", "until", "note",
    ],
}  # fmt: skip
MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024


def _date(text: str, label: str, errors: list[str]) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors.append(
            _("%(column)s: write the date as YYYY-MM-DD.") % {"column": label}
        )
        return None


def _decimal(
    text: str, label: str, low: int, high: int, errors: list[str]
) -> Decimal | None:
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        errors.append(_("%(column)s: not a number.") % {"column": label})
        return None
    if not low <= value <= high:
        errors.append(
            _("%(column)s: must be between %(low)s and %(high)s.")
            % {"column": label, "low": low, "high": high}
        )
        return None
    return value.quantize(Decimal("0.00001"))


def _sector(text: str, errors: list[str]) -> str:
    value = Sector.from_text(text)
    if value is None:
        errors.append(
            _("sector: “%(text)s” is not one of the sectors: %(sectors)s.")
            % {"text": text, "sectors": ", ".join(Sector.values)}
        )
        return ""
    return value


def _country(text: str, errors: list[str]) -> str:
    code = text.strip().upper()
    if code not in Country.values:
        errors.append(
            _("country: use one of %(codes)s.") % {"codes": ", ".join(Country.values)}
        )
    return code


class _Resolver:
    """Finds employers and worksites named in a file, including ones the same file adds."""

    def __init__(self) -> None:
        self.employers = {e.name.casefold(): e for e in Employer.objects.all()}
        self.employers.update({e.slug: e for e in self.employers.values()})

    def employer(self, text: str) -> Employer | None:
        return self.employers.get(text.strip().casefold()) or self.employers.get(
            text.strip()
        )

    def add(self, employer: Employer) -> None:
        self.employers[employer.name.casefold()] = employer
        self.employers[employer.slug] = employer


def _employer_line(line: ImportLine, resolver: _Resolver, pending: list) -> None:
    v, errors = line.values, line.errors
    country = _country(v["country"], errors)
    parent = None
    if v.get("parent"):
        parent = resolver.employer(v["parent"])
        if parent is None:
            errors.append(
                _("parent: no employer called “%(name)s”.") % {"name": v["parent"]}
            )
    slug = slugify(v.get("slug") or v["name"])[:50]
    if resolver.employer(v["name"]) is not None or resolver.employer(slug) is not None:
        errors.append(
            _("name: an employer called “%(name)s” exists already.")
            % {"name": v["name"]}
        )
    if not errors:
        employer = Employer(
            name=v["name"], slug=slug, country=country, parent=parent,
            sector=_sector(v.get("sector", ""), errors),
        )  # fmt: skip
        resolver.add(employer)
        pending.append(employer)


def _worksite_line(
    line: ImportLine, resolver: _Resolver, pending: list, seen: set
) -> None:
    v, errors = line.values, line.errors
    employer = resolver.employer(v["employer"])
    if employer is None:
        errors.append(
            _("employer: no employer called “%(name)s”.") % {"name": v["employer"]}
        )
    country = _country(v["country"], errors)
    latitude = _decimal(v.get("latitude", ""), "latitude", -90, 90, errors)
    longitude = _decimal(v.get("longitude", ""), "longitude", -180, 180, errors)
    headcount = None
    if v.get("headcount"):
        if v["headcount"].isdigit():
            headcount = int(v["headcount"])
        else:
            errors.append(_("headcount: a whole number of workers."))
    covered = v.get("rrm_covered", "").strip().lower()
    if covered not in {
        "",
        "yes",
        "no",
        "sí",
        "si",
        "oui",
        "non",
        "true",
        "false",
        "1",
        "0",
    }:
        errors.append(_("rrm_covered: write yes or no."))
    key = (v["employer"].casefold(), v["name"].casefold())
    exists = (
        employer is not None
        and employer.pk
        and employer.worksites.filter(name__iexact=v["name"]).exists()
    )
    if key in seen or exists:
        errors.append(_("name: this employer already has a worksite of that name."))
    seen.add(key)
    if not errors:
        pending.append(
            Worksite(
                employer=employer, name=v["name"], country=country,
                region=v.get("region", ""), municipality=v.get("municipality", ""),
                latitude=latitude, longitude=longitude,
                sector=_sector(v.get("sector", ""), errors),
                products=v.get("products", ""), headcount=headcount,
                rrm_covered=covered in {"yes", "sí", "si", "oui", "true", "1"},
                time_zone=guess_zone(
                    country, f"{v.get('region', '')} {v.get('municipality', '')}"
                ),
            )
        )  # fmt: skip


def _representation_line(
    line: ImportLine, resolver: _Resolver, pending: list, actor: Any, current: set
) -> None:
    v, errors = line.values, line.errors
    employer = resolver.employer(v["employer"])
    worksite = None
    if employer is None:
        errors.append(
            _("employer: no employer called “%(name)s”.") % {"name": v["employer"]}
        )
    else:
        worksite = Worksite.objects.filter(
            employer=employer, name__iexact=v["worksite"]
        ).first()
        if worksite is None:
            errors.append(
                _("worksite: no worksite called “%(name)s”.") % {"name": v["worksite"]}
            )
    status = v["status"].strip()
    if status not in Representation.Status.values:
        errors.append(
            _("status: use one of %(values)s.")
            % {"values": ", ".join(Representation.Status.values)}
        )
    unit = None
    if v.get("unit"):
        unit = Unit.objects.filter(
            organisation__slug=v.get("organisation", ""), name__iexact=v["unit"]
        ).first()
        if unit is None:
            errors.append(
                _("unit: no unit “%(unit)s” in organisation “%(org)s”.")
                % {"unit": v["unit"], "org": v.get("organisation", "")}
            )
    elif status in {"represented", "on_strike", "organizing"}:
        errors.append(_("unit: name the union's unit for this status."))
    if unit is not None and not actor.has_perm("employers.represent_with_unit", unit):
        errors.append(
            _("unit: you may record representation only for your own union's units.")
        )
    since = _date(v.get("since", ""), "since", errors)
    until = _date(v.get("until", ""), "until", errors)
    if since and until and until < since:
        errors.append(_("until: earlier than since."))
    if worksite is not None and until is None:
        # A line without "until" is the worksite's current status: it ends the one
        # before it, as recording a change on the page does, and only its own union
        # may end that one.
        later = _later_current(worksite, since or timezone.localdate())
        if not actor.has_perm("employers.replace_representation", worksite):
            errors.append(
                _("worksite: %(refusal)s") % {"refusal": _replacement_refused(worksite)}
            )
        elif worksite.pk in current:
            errors.append(
                _(
                    "worksite: an earlier line gives its current status too; give "
                    "one of them an “until” date."
                )
            )
        elif later is not None:
            errors.append(
                _(
                    "since: the current status began later, on %(date)s; give this "
                    "line an “until” date."
                )
                % {"date": later.isoformat()}
            )
        current.add(worksite.pk)
    if not errors:
        pending.append(
            Representation(
                worksite=worksite, unit=unit, status=status, started_on=since,
                ended_on=until, note=v.get("note", "")[:300],
            )
        )  # fmt: skip


def _read_rows(kind: str, name: str, data: bytes, report: ImportReport) -> None:
    try:
        rows = upload_rows(name, data, MAX_BYTES)
    except ValueError as error:
        report.problems.append(str(error))
        return
    check_rows(COLUMNS[kind], rows, report, MAX_ROWS)


def import_csv(actor: Any, kind: str, text: str) -> ImportReport:
    """The import of a CSV given as text (the API's)."""
    return import_file(actor, kind, "import.csv", text.encode("utf-8", "replace"))


@transaction.atomic
def import_file(actor: Any, kind: str, name: str, data: bytes) -> ImportReport:
    """Check every line of a CSV or XLSX file; save all of them, or none when any
    line is wrong."""
    require(actor, "employers.change_employer")
    if kind not in COLUMNS:
        raise ValidationError(_("Choose what the file holds."))
    report = ImportReport(kind=kind)
    _read_rows(kind, name, data, report)
    if report.problems:
        return report
    if not report.lines:
        report.problems.append(_("The file has no lines after the column names."))
        return report
    resolver = _Resolver()
    pending: list = []
    seen: set = set()
    current: set = set()
    for line in report.lines:
        if line.errors:
            continue
        if kind == "employers":
            _employer_line(line, resolver, pending)
        elif kind == "worksites":
            _worksite_line(line, resolver, pending, seen)
        else:
            _representation_line(line, resolver, pending, actor, current)
    if not report.ok:
        return report
    # In the file's order: a parent is saved before its subsidiaries.
    for obj in pending:
        if isinstance(obj, Worksite | Representation):
            obj.language = language_of(actor)
        if isinstance(obj, Representation) and obj.ended_on is None:
            _end_current(obj.worksite, obj.started_on or timezone.localdate())
        obj.save()
    report.saved = len(pending)
    union = union_of_actor(actor)
    record(
        "employers.imported",
        actor=actor,
        organisation=_organisation(union),
        data={"kind": kind, "saved": report.saved, "union": union},
    )
    return report


def _organisation(pk: int | None) -> Organisation | None:
    return Organisation.objects.filter(pk=pk).first() if pk is not None else None


def _end_current(worksite: Worksite, on: date) -> None:
    """A worksite has one current status: the open ones end on ``on``."""
    worksite.representations.filter(ended_on__isnull=True).update(ended_on=on)


def _others_current(worksite: Worksite) -> str:
    """The units (and unions) whose representation is current at ``worksite``, for a
    refusal."""
    return ", ".join(
        f"{rep.unit} ({rep.unit.organisation})"
        for rep in worksite.representations.filter(
            ended_on__isnull=True, unit__isnull=False
        ).select_related("unit__organisation")
        if rep.unit is not None
    )


def _replacement_refused(worksite: Worksite) -> str:
    return _(
        "%(units)s represents this worksite now: only that union's administrators "
        "and staff may end or replace its representation."
    ) % {"units": _others_current(worksite)}


def _later_current(worksite: Worksite, on: date) -> date | None:
    """When a current status began after ``on``: ending it on ``on`` would make it
    end before it began."""
    return (
        worksite.representations.filter(ended_on__isnull=True, started_on__gt=on)
        .order_by("-started_on")
        .values_list("started_on", flat=True)
        .first()
    )


@transaction.atomic
def record_representation(
    actor: Any,
    worksite: Worksite,
    *,
    status: str,
    unit: Unit | None = None,
    started_on: date | None = None,
    note: str = "",
) -> Representation:
    """A new representation status; the worksite's current ones end that day."""
    require(actor, "employers.change_employer")
    if status not in Representation.Status.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    if unit is not None:
        require(
            actor,
            "employers.represent_with_unit",
            unit,
            _("You may record representation only for your own union's units."),
        )
    if unit is None and status in {"represented", "on_strike", "organizing"}:
        raise ValidationError({"unit": _("Name the union's unit for this status.")})
    require(
        actor,
        "employers.replace_representation",
        worksite,
        _replacement_refused(worksite),
    )
    today = started_on or timezone.localdate()
    later = _later_current(worksite, today)
    if later is not None:
        raise ValidationError(
            {
                "started_on": _(
                    "The current status began on %(date)s: a new one cannot begin "
                    "before it, or the current one would end before it began."
                )
                % {"date": date_format(later)}
            }
        )
    _end_current(worksite, today)
    rep = Representation.objects.create(
        worksite=worksite, unit=unit, status=status, started_on=today, note=note[:300],
        language=language_of(actor),
    )  # fmt: skip
    union = union_of_actor(actor)
    record(
        "employers.representation_recorded",
        actor=actor,
        # The unit's union reads the entry; with no unit, the union that acted.
        organisation=unit.organisation if unit else _organisation(union),
        target=worksite,
        data={"status": status, "unit": unit.pk if unit else None, "union": union},
    )
    return rep
