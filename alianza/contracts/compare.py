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

BAR = 22
GAP = 8
LABEL_WIDTH = 260
CHART_WIDTH = 640


def bar_chart(bars: Sequence[tuple[str, Decimal, int]], unit: str) -> SafeString:
    """Horizontal bars: (label, value, series); colours come from CSS classes."""
    if not bars:
        return mark_safe("")  # noqa: S308 - empty
    top = max(value for _label, value, _series in bars) or Decimal(1)
    plot = CHART_WIDTH - LABEL_WIDTH - 80
    height = len(bars) * (BAR + GAP) + GAP
    parts = [
        f'<svg class="contracts-chart" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'role="img" aria-label="{escape(unit)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for index, (label, value, series) in enumerate(bars):
        y = GAP + index * (BAR + GAP)
        width = max(1, int(plot * float(value / top)))
        parts.append(
            f'<text class="chart-label" x="{LABEL_WIDTH - 6}" y="{y + BAR * 0.7:.0f}" '
            f'text-anchor="end">{escape(label[:42])}</text>'
            f'<rect class="chart-bar chart-series-{series % 4}" x="{LABEL_WIDTH}" '
            f'y="{y}" width="{width}" height="{BAR}"><title>{escape(label)}: '
            f"{number_format(value, 2)} {escape(unit)}</title></rect>"
            f'<text class="chart-value" x="{LABEL_WIDTH + width + 6}" '
            f'y="{y + BAR * 0.7:.0f}">{number_format(value, 2)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped
