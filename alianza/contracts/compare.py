"""Comparing agreements: one topic side by side, wages per hour in US dollars, and
settlement statistics; with a bar chart drawn on the server as SVG."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

from .models import Agreement, Clause, Currency, ExchangeRate, WageRate


def usd_per_unit(currency: str, on: date) -> tuple[Decimal, date] | None:
    """The rate in force on ``on``: the latest entered on or before that day."""
    if currency == Currency.USD:
        return Decimal(1), on
    rate = (
        ExchangeRate.objects.filter(currency=currency, valid_on__lte=on)
        .order_by("-valid_on")
        .first()
    )
    return (rate.usd_per_unit, rate.valid_on) if rate else None


@dataclass
class WageRow:
    agreement: Agreement
    wage: WageRate
    hourly: Decimal
    hourly_usd: Decimal | None
    rate_date: date | None


def wage_rows(agreements: Iterable[Agreement], on: date | None = None) -> list[WageRow]:
    """Every wage of the agreements, per hour, in US dollars at the rate in force on
    ``on`` (by default the day each wage took effect)."""
    rows = []
    for agreement in agreements:
        for wage in agreement.wages.all():
            found = usd_per_unit(wage.currency, on or wage.effective_on)
            usd = (wage.hourly * found[0]).quantize(Decimal("0.01")) if found else None
            rows.append(
                WageRow(agreement, wage, wage.hourly, usd, found[1] if found else None)
            )
    return rows


def clauses_by_agreement(
    agreements: Sequence[Agreement], topic: str
) -> list[tuple[Agreement, list[Clause]]]:
    return [(a, [c for c in a.clauses.all() if c.topic == topic]) for a in agreements]


# --- Chart --------------------------------------------------------------------------

BAR = 16
LABEL = 18  # the label sits on its own line above its bar: readable on a phone
GAP = 10
CHART_WIDTH = 400
VALUE_ROOM = 56


def bar_chart(bars: Sequence[tuple[str, Decimal, int]], unit: str) -> SafeString:
    """Horizontal bars: (label, value, series); colours come from CSS classes."""
    if not bars:
        return mark_safe("")  # empty
    top = max(value for _label, value, _series in bars) or Decimal(1)
    plot = CHART_WIDTH - VALUE_ROOM
    step = LABEL + BAR + GAP
    height = len(bars) * step
    parts = [
        f'<svg class="contracts-chart" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'role="img" aria-label="{escape(unit)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for index, (label, value, series) in enumerate(bars):
        y = index * step
        width = max(1, int(plot * float(value / top)))
        shown = label if len(label) <= 60 else label[:59] + "…"
        parts.append(
            f'<text class="chart-label" x="0" y="{y + 13}">{escape(shown)}</text>'
            f'<rect class="chart-bar chart-series-{series % 4}" x="0" '
            f'y="{y + LABEL}" width="{width}" height="{BAR}"><title>{escape(label)}: '
            f"{number_format(value, 2)} {escape(unit)}</title></rect>"
            f'<text class="chart-value" x="{width + 6}" '
            f'y="{y + LABEL + 12}">{number_format(value, 2)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped
