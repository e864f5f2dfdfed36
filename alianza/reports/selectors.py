"""The quarterly report's figures, read through the other apps' selectors.

A quarter runs from the first instant of its first month to the first instant of
the next quarter, in UTC: a record counts when its moment (a meeting's start, a
publication, a pledge, a sending) falls in that span, or its day (a support action
of a strike) falls on one of the quarter's days. The page states the span and its
zone.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from babel import Locale
from babel.numbers import format_percent
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.alerts.period_selectors import sent_between, states_of
from alianza.councils.selectors import meetings_between, posts_between
from alianza.governance.selectors import joint_meetings_held
from alianza.lib.permissions import require
from alianza.orgs.models import Organisation
from alianza.orgs.roles import LEADING_ROLES
from alianza.orgs.selectors import standing
from alianza.solidarity.period_selectors import (
    confirmed_signatures_on,
    letters_of,
    pledges_by,
    requests_asking,
    requests_of,
    strikes_supported,
)
from alianza.spaces.selectors import alliance_unions, shares_between, spaces_of

#: The scope of the alliance's report in the page's address (``?union=alliance``).
ALLIANCE = "alliance"
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def checked(cls, year: int, number: int) -> "Quarter":
        """The quarter, or 404 for one that is not (a fifth quarter, year 0)."""
        if not (1 <= number <= 4 and FIRST_YEAR <= year <= LAST_YEAR):
            raise Http404
        return cls(year, number)

    @classmethod
    def containing(cls, moment: datetime | None = None) -> "Quarter":
        moment = (moment or timezone.now()).astimezone(UTC)
        return cls(moment.year, (moment.month - 1) // 3 + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def next_day(self) -> date:
        """The first day of the next quarter (the span ends just before it)."""
        return self.following.first_day

    @property
    def start(self) -> datetime:
        return datetime(self.year, 3 * self.number - 2, 1, tzinfo=UTC)

    @property
    def end(self) -> datetime:
        """The first instant of the next quarter: not part of this one."""
        return self.following.start

    @property
    def following(self) -> "Quarter":
        if self.number == 4:
            return Quarter(self.year + 1, 1)
        return Quarter(self.year, self.number + 1)

    @property
    def preceding(self) -> "Quarter":
        if self.number == 1:
            return Quarter(self.year - 1, 4)
        return Quarter(self.year, self.number - 1)

    @property
    def label(self) -> str:
        return _("Quarter %(number)s of %(year)s") % {
            "number": self.number,
            "year": self.year,
        }


@dataclass
class UnitPledges:
    """The pledges one local or section made (or its union, with no unit named)."""

    label: str
    pledged: int = 0
    done: int = 0


@dataclass
class Figures:
    """One column of the report: a union, or the alliance together."""

    label: str
    councils_met: int = 0
    council_meetings: int = 0
    joint_meetings: int = 0
    posts: int = 0
    shares: int = 0
    requests_opened: int = 0
    requests_published: int = 0
    requests_closed: int = 0
    requests_answered: int = 0
    requests_unanswered: int = 0
    requests_received: int = 0
    pledges: list[UnitPledges] = field(default_factory=list)
    letters_published: int = 0
    signatures: int = 0
    alerts_sent: int = 0
    states: dict[str, int] = field(default_factory=dict)
    strikes: list[str] = field(default_factory=list)

    @property
    def items_exchanged(self) -> int:
        return self.posts + self.shares

    @property
    def pledges_total(self) -> int:
        return sum(p.pledged for p in self.pledges)

    @property
    def pledges_done(self) -> int:
        return sum(p.done for p in self.pledges)

    @property
    def recipients(self) -> int:
        return self.states.get("recipients", 0)

    @property
    def acknowledged(self) -> int:
        return self.states.get("acknowledged", 0)

    @property
    def reached(self) -> int:
        """Recipients a message reached, or who answered (as an alert's page counts)."""
        return self.states.get("sent", 0) + self.acknowledged

    @property
    def ack_rate(self) -> float | None:
        """Acknowledged / reached; None when no one was reached (not 0%)."""
        return self.acknowledged / self.reached if self.reached else None

    @property
    def ack_rate_text(self) -> str:
        """The rate as the reader writes a percentage ("66,7 %"), or "—"."""
        if self.ack_rate is None:
            return "—"
        locale = Locale.parse(translation.to_locale(translation.get_language() or "en"))
        # The language's own pattern ("#,##0 %" in Spanish), with one decimal.
        pattern = locale.percent_formats[None].pattern.replace("0", "0.0", 1)
        return format_percent(self.ack_rate, pattern, locale=locale)

    @property
    def strikes_supported(self) -> int:
        return len(self.strikes)


@dataclass
class QuarterReport:
    quarter: Quarter
    #: The union reported on; None for the alliance's report.
    organisation: Organisation | None
    columns: list[Figures]
    made_at: datetime

    @property
    def scope(self) -> str:
        return self.organisation.slug if self.organisation else ALLIANCE

    @property
    def title(self) -> str:
        name = str(self.organisation) if self.organisation else _("The alliance")
        return _("Quarterly report: %(name)s") % {"name": name}

    @property
    def is_alliance(self) -> bool:
        return self.organisation is None


def _figures(label: str, org_ids: set[int], quarter: Quarter) -> Figures:
    start, end = quarter.start, quarter.end
    now = timezone.now()
    spaces = spaces_of(org_ids)
    held = [m for m in meetings_between(spaces, start, end) if m.ends_at <= now]
    requests = requests_of(org_ids)
    published = requests.filter(published_at__gte=start, published_at__lt=end)
    answered = published.filter(pledges__isnull=False).distinct().count()
    pledges = pledges_by(org_ids).filter(pledged_at__gte=start, pledged_at__lt=end)
    by_unit: dict[tuple[int, int], UnitPledges] = {}
    for pledge in pledges.order_by("organisation__short_name", "unit__name", "pk"):
        key = (pledge.organisation_id, pledge.unit_id or 0)
        if key not in by_unit:
            unit_label = (
                str(pledge.unit)
                if pledge.unit
                else _("%(union)s (the union as a whole)")
                % {"union": pledge.organisation}
            )
            by_unit[key] = UnitPledges(unit_label)
        by_unit[key].pledged += 1
        by_unit[key].done += int(pledge.is_done)
    letters = letters_of(org_ids).filter(published_at__gte=start, published_at__lt=end)
    alerts = sent_between(org_ids, start, end)
    strikes = strikes_supported(org_ids, quarter.first_day, quarter.next_day, pledges)
    return Figures(
        label=label,
        councils_met=len({m.council_id for m in held}),
        council_meetings=len(held),
        joint_meetings=joint_meetings_held(spaces, start, end).count(),
        posts=posts_between(spaces, start, end).count(),
        shares=shares_between(spaces, start, end).count(),
        requests_opened=requests.filter(created_at__gte=start, created_at__lt=end).count(),
        requests_published=published.count(),
        requests_closed=requests.filter(closed_at__gte=start, closed_at__lt=end).count(),
        requests_answered=answered,
        requests_unanswered=published.count() - answered,
        requests_received=requests_asking(org_ids)
        .filter(published_at__gte=start, published_at__lt=end)
        .exclude(organisation_id__in=org_ids)
        .count(),
        # Each union's locals and sections by name, then the union as a whole.
        pledges=[p for key, p in sorted(by_unit.items(), key=lambda i: i[0][1] == 0)],
        letters_published=letters.count(),
        signatures=confirmed_signatures_on(letters).count(),
        alerts_sent=alerts.count(),
        states=states_of(alerts),
        strikes=sorted(str(s) for s in strikes),
    )  # fmt: skip


def quarter_figures(
    user: Any, year: int, quarter: int, organisation: Organisation | None = None
) -> QuarterReport:
    """The report of ``quarter`` of ``year`` for ``organisation``'s leadership, or,
    without one, the alliance's: each union of the alliance and all together. Refuses
    (403) a person who may not read it."""
    period = Quarter.checked(year, quarter)
    if organisation is not None:
        require(user, "reports.view_union_report", organisation)
        columns = [_figures(str(organisation), {organisation.pk}, period)]
    else:
        require(user, "reports.view_alliance_report")
        unions = alliance_unions()
        columns = [_figures(str(u), {u.pk}, period) for u in unions]
        columns.append(_figures(_("The alliance"), {u.pk for u in unions}, period))
    return QuarterReport(period, organisation, columns, timezone.now())


# --- Whose report: the unions a reader may choose ---------------------------------


def readable_unions(user: Any) -> list[Organisation]:
    """The unions whose report the person reads: those she leads."""
    ids = standing(user).organisation_ids(LEADING_ROLES)
    if standing(user).is_superuser:
        return list(Organisation.objects.filter(kind=Organisation.Kind.UNION))
    return list(Organisation.objects.filter(pk__in=ids).order_by("short_name"))


def scope_of(user: Any, slug: str) -> Organisation | None:
    """The union ``slug`` names (404 if none), None for the alliance; without a
    slug, the first union the person leads, else the alliance."""
    if slug == ALLIANCE:
        return None
    if slug:
        found = Organisation.objects.filter(slug=slug).first()
        if found is None:
            raise Http404
        return found
    unions = readable_unions(user)
    return unions[0] if unions else None
