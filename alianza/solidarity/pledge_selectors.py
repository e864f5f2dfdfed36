"""Who a request asks, who may pledge for which union, local or section, who sees who
pledged, and the counts its page shows. Shared by rules, views and the API.

A pledge is made for a unit (a local or a section) by an officer of that unit or of
a unit above it, or by the union's administrators, staff and union-wide officers,
who also pledge for the union as a whole. A request addressed to a whole union may
be answered by any of its units; one addressed to named units, by those units and
the units below them.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from alianza.orgs.models import Organisation, Unit
from alianza.orgs.roles import LEADING_ROLES, MANAGING_ROLES
from alianza.orgs.selectors import standing

from .models import Ask, PersonalPledge, Pledge, SolidarityRequest


def _chain_ids(unit: Unit) -> set[int]:
    """The unit and every unit above it."""
    return {unit.pk, *(u.pk for u in unit.ancestors())}


def speaks_for_union(user, organisation_id: int) -> bool:
    """Leads the union as a whole: an administrator or staff member of it, or an
    officer whose office is not tied to one of its units."""
    st = standing(user)
    if st.is_superuser:
        return True
    return any(
        m.organisation_id == organisation_id
        and (
            m.role in MANAGING_ROLES or (m.role in LEADING_ROLES and m.unit_id is None)
        )
        for m in st.memberships
    )


def speaks_for(user, organisation_id: int, unit: Unit | None) -> bool:
    """May pledge for ``unit`` of the organisation (for the union as a whole when
    ``unit`` is None): leads the union as a whole, or holds an office in the unit or
    in a unit above it."""
    if speaks_for_union(user, organisation_id):
        return True
    if unit is None:
        return False
    chain = _chain_ids(unit)
    return any(
        m.organisation_id == organisation_id
        and m.role in LEADING_ROLES
        and m.unit_id in chain
        for m in standing(user).memberships
    )


def addressed_unit_ids(req: SolidarityRequest) -> set[int]:
    """The units asked by name, and every unit below them."""
    ids: set[int] = set()
    for unit in req.units.all():
        ids |= unit.descendant_ids()
    return ids


def asked_organisation_ids(req: SolidarityRequest) -> set[int]:
    """The unions asked: those asked whole, and those of the units asked by name."""
    whole = {o.pk for o in req.audiences.all()}
    return whole | {u.organisation_id for u in req.units.all()}


def is_addressed(
    req: SolidarityRequest, organisation_id: int, unit: Unit | None
) -> bool:
    """Whether the request asks this union as a whole (``unit`` None) or this unit."""
    whole = {o.pk for o in req.audiences.all()}
    if unit is None:
        return organisation_id in whole
    if unit.organisation_id != organisation_id:
        return False
    if organisation_id in whole:
        return True
    return bool(_chain_ids(unit) & {u.pk for u in req.units.all()})


@dataclass(frozen=True)
class PledgeFor:
    """One union or unit a person may pledge for: ``value`` is what a form posts."""

    organisation: Organisation
    unit: Unit | None

    @property
    def value(self) -> str:
        if self.unit is not None:
            return f"unit-{self.unit.pk}"
        return f"org-{self.organisation.pk}"

    @property
    def label(self) -> str:
        if self.unit is not None:
            return f"{self.unit} ({self.organisation.short_name})"
        return str(self.organisation)


def pledge_choices(user, req: SolidarityRequest) -> list[PledgeFor]:
    """What the person may pledge for on the request: the unions asked as a whole
    she leads as a whole, then the units asked she holds an office in (or above)."""
    if not getattr(user, "is_authenticated", False) or not req.is_answerable:
        return []
    whole = list(req.audiences.all())
    choices = [PledgeFor(org, None) for org in whole if speaks_for_union(user, org.pk)]
    units = list(
        Unit.objects.filter(organisation__in=whole).select_related("organisation")
    ) + list(
        Unit.objects.filter(pk__in=addressed_unit_ids(req)).select_related(
            "organisation"
        )
    )
    seen: set[int] = set()
    for unit in sorted(units, key=lambda u: (u.organisation_id, u.kind, u.name)):
        if unit.pk in seen:
            continue
        seen.add(unit.pk)
        if speaks_for(user, unit.organisation_id, unit):
            choices.append(PledgeFor(unit.organisation, unit))
    return choices


def sees_pledger(user, pledge: Pledge) -> bool:
    """Who pledged is read by the requesting union's leaders and by those who speak
    for the pledging unit (or union); others read only the totals."""
    st = standing(user)
    if st.is_superuser:
        return True
    if pledge.request.organisation_id in st.organisation_ids(LEADING_ROLES):
        return True
    return speaks_for(user, pledge.organisation_id, pledge.unit)


@dataclass
class UnitRow:
    """One line of the table of pledges by union, local or section."""

    name: str
    kinds: dict[str, int] = field(default_factory=dict)
    amounts: dict[str, Decimal] = field(default_factory=dict)
    total: int = 0
    done: int = 0

    @property
    def kind_counts(self) -> list[tuple[str, int]]:
        labels = dict(Pledge.Kind.choices)
        return [(str(labels.get(k, k)), n) for k, n in self.kinds.items()]

    @property
    def amount_list(self) -> list[tuple[Decimal, str]]:
        return sorted((v, c) for c, v in self.amounts.items())


def _add(row: UnitRow, pledge: Pledge) -> None:
    row.total += 1
    row.done += int(pledge.is_done)
    row.kinds[pledge.kind] = row.kinds.get(pledge.kind, 0) + 1
    if pledge.amount and pledge.currency:
        row.amounts[pledge.currency] = (
            row.amounts.get(pledge.currency, Decimal(0)) + pledge.amount
        )


def pledge_table(user, req: SolidarityRequest) -> dict[str, Any]:
    """The request's pledges as its page shows them to the person: the pledges she
    may read with who made them, one row per union, local or section (with the width
    of its bar); the others folded into one anonymous row; counts by kind and by ask
    and donations by currency over every pledge."""
    pledges = list(req.pledges.select_related("organisation", "unit", "ask", "request"))
    seen = [p for p in pledges if sees_pledger(user, p)]
    rows: dict[tuple[int, int | None], UnitRow] = {}
    for p in seen:
        _add(
            rows.setdefault((p.organisation_id, p.unit_id), UnitRow(p.pledger_name)), p
        )
    others = UnitRow("")
    for p in pledges:
        if p not in seen:
            _add(others, p)
    ordered = sorted(rows.values(), key=lambda r: (-r.total, r.name))
    top = max((r.total for r in ordered), default=1) or 1
    kinds: dict[str, int] = {}
    asks: dict[int | None, int] = {}
    donations: dict[str, Decimal] = {}
    for p in pledges:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
        asks[p.ask_id] = asks.get(p.ask_id, 0) + 1
        if p.amount and p.currency:
            donations[p.currency] = donations.get(p.currency, Decimal(0)) + p.amount
    ask_list = list(req.asks.all())
    whole = [o.pk for o in req.audiences.all()]
    named = list(req.units.all())
    answered = sum(1 for org in whole if any(p.organisation_id == org for p in pledges))
    answered += sum(
        1
        for unit in named
        if any(p.unit is not None and unit.pk in _chain_ids(p.unit) for p in pledges)
    )
    return {
        "asked_count": len(whole) + len(named),
        "answered_count": answered,
        "asks_units": bool(named),
        "pledges": seen,
        "by_unit": ordered,
        "by_unit_rows": [
            (r.name, r.total, round(100 * r.total / top)) for r in ordered
        ],
        "others": others if others.total else None,
        "pledge_count": len(pledges),
        "by_kind": [(label, kinds.get(v, 0)) for v, label in Pledge.Kind.choices],
        "asks": [(a, asks.get(a.pk, 0)) for a in ask_list],
        "donations": sorted(donations.items()),
        "answered_units": {(p.organisation_id, p.unit_id) for p in seen},
    }


def personal_counts(req: SolidarityRequest) -> list[tuple[str, int]]:
    """The members' own pledges on the request, counted by what they will do."""
    counts: dict[str, int] = {}
    for kind in req.personal_pledges.values_list("kind", flat=True):
        counts[kind] = counts.get(kind, 0) + 1
    return [
        (str(label), counts[value])
        for value, label in PersonalPledge.Kind.choices
        if value in counts
    ]


def personal_pledges_of(person, req: SolidarityRequest | None = None) -> QuerySet:
    """Her own pledges (on one request, or on all), newest first."""
    if person is None:
        return PersonalPledge.objects.none()
    found = PersonalPledge.objects.filter(person=person).select_related(
        "request__organisation"
    )
    return found.filter(request=req) if req is not None else found


def personal_pledges_with_request() -> QuerySet[PersonalPledge]:
    return PersonalPledge.objects.select_related("request", "person")


def asks_with_request() -> QuerySet[Ask]:
    return Ask.objects.select_related("request")


def pledge_count(req: SolidarityRequest) -> int:
    return req.pledges.count()


def personal_pledge_count(req: SolidarityRequest) -> int:
    return req.personal_pledges.count()


def asked_units(req: SolidarityRequest) -> list[Unit]:
    return list(req.units.select_related("organisation"))


def asks_of(req: SolidarityRequest) -> QuerySet[Ask]:
    return req.asks.all()


def unit_by_id(pk: int | None) -> Unit | None:
    return (
        Unit.objects.select_related("organisation").filter(pk=pk).first()
        if pk
        else None
    )


def organisation_by_slug(slug: str) -> Organisation | None:
    return Organisation.objects.filter(slug=slug).first()


def ask_of(req: SolidarityRequest, pk: Any) -> Ask | None:
    """An ask of this request (None for another request's)."""
    if not pk:
        return None
    return req.asks.filter(pk=pk).first()


def shareable_organisations(req: SolidarityRequest) -> QuerySet[Organisation]:
    """The unions a draft may be shared with: any but its own and those already."""
    return Organisation.objects.exclude(pk=req.organisation_id).exclude(
        pk__in=req.shared_with.values("pk")
    )


def units_to_ask(organisation_id: int | None = None) -> QuerySet[Unit]:
    """Locals and sections of the other unions, that a request may ask by name."""
    units = Unit.objects.filter(kind__in=[Unit.Kind.LOCAL, Unit.Kind.SECTION])
    if organisation_id is not None:
        units = units.exclude(organisation_id=organisation_id)
    return units.select_related("organisation").order_by("organisation__name", "name")
