"""The report's sections, in reading order: the same lines on the page, in the PDF
and in the workbook (one sheet per section), each label in the reader's language."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alianza.alerts.models import Delivery

from .selectors import Figures, QuarterReport


@dataclass
class Line:
    label: str
    #: One value per column of the report (a number, or a text such as "—").
    values: list[Any]
    #: Drawn in the section's chart.
    charted: bool = True


@dataclass
class Section:
    key: str
    title: str
    lines: list[Line] = field(default_factory=list)
    #: What the chart shows, said in words (its title and accessible name).
    chart_title: str = ""

    def bars(self, columns: list[str]) -> list[tuple[str, int]]:
        """(label, value) of each bar: a line's value for each union (not the
        alliance's total, which would dwarf them), labelled with the union when
        there are several."""
        several = len(columns) > 1
        shown = columns[:-1] if several else columns
        bars = []
        for line in self.lines:
            if not line.charted:
                continue
            for name, value in zip(shown, line.values, strict=False):
                if isinstance(value, int):
                    label = f"{line.label} · {name}" if several else line.label
                    bars.append((label, value))
        return bars

    def chart(self, columns: list[str]) -> dict[str, Any]:
        """The bars' geometry for the page's SVG (a box 400 wide, so that its text
        stays readable on a phone): each bar's label above it, its value after it;
        no bars when every figure is zero (nothing to compare)."""
        bars = self.bars(columns)
        most = max((n for _label, n in bars), default=0)
        if not most:
            return {"rows": [], "height": 0}
        rows = [
            {"label": label, "value": n, "y": i * BAR_STEP,
             "width": round(BAR_ROOM * n / most, 1)}
            for i, (label, n) in enumerate(bars)
        ]  # fmt: skip
        return {"rows": rows, "height": len(rows) * BAR_STEP}


#: The page's chart: the room for the longest bar, and the step from one bar to the
#: next (a line of label, then the bar).
BAR_ROOM, BAR_STEP = 330, 40


def _line(label: str, columns: list[Figures], attr: str, charted: bool = True) -> Line:
    return Line(label, [getattr(f, attr) for f in columns], charted)


def _pledge_lines(columns: list[Figures]) -> list[Line]:
    labels: list[str] = []
    for figures in columns:
        labels += [p.label for p in figures.pledges if p.label not in labels]
    lines = []
    for label in labels:
        values = []
        for figures in columns:
            counts = {p.label: p.pledged for p in figures.pledges}
            values.append(counts.get(label, 0))
        lines.append(Line(label, values))
    lines.append(_line(_("Pledges made"), columns, "pledges_total", charted=False))
    lines.append(_line(_("Of which done"), columns, "pledges_done", charted=False))
    return lines


def _strike_lines(columns: list[Figures]) -> list[Line]:
    names: list[str] = []
    for figures in columns:
        names += [s for s in figures.strikes if s not in names]
    lines = [_line(_("Strikes supported"), columns, "strikes_supported")]
    for name in names:
        lines.append(
            Line(name, [_("yes") if name in f.strikes else "" for f in columns], False)
        )
    return lines


def _state_line(state: Delivery.State, key: str, columns: list[Figures]) -> Line:
    return Line(str(state.label), [f.states.get(key, 0) for f in columns])


def sections(report: QuarterReport) -> list[Section]:
    c = report.columns
    S = Delivery.State
    return [
        Section("councils", _("Councils and exchange"), [
            _line(_("Councils that met"), c, "councils_met"),
            _line(_("Council meetings held"), c, "council_meetings"),
            _line(_("Meetings of joint bodies held"), c, "joint_meetings"),
            _line(_("News posted in council exchanges"), c, "posts"),
            _line(_("Records shared into joint spaces"), c, "shares"),
            _line(_("Items exchanged"), c, "items_exchanged", charted=False),
        ], _("Meetings and items exchanged in the quarter")),
        Section("requests", _("Solidarity requests"), [
            _line(_("Requests opened"), c, "requests_opened"),
            _line(_("Requests published"), c, "requests_published"),
            _line(_("Requests closed"), c, "requests_closed"),
            _line(_("Published and answered with a pledge"), c, "requests_answered"),
            _line(_("Published, no pledge yet"), c, "requests_unanswered"),
            _line(_("Requests received from partners"), c, "requests_received"),
        ], _("Solidarity requests and their outcomes in the quarter")),
        Section("pledges", _("Pledges by local or section"), _pledge_lines(c),
                _("Pledges made by each local or section in the quarter")),
        Section("letters", _("Letters"), [
            _line(_("Letters published"), c, "letters_published"),
            _line(_("Confirmed signatures on them"), c, "signatures"),
        ], _("Letters published and their signatures in the quarter")),
        Section("alerts", _("Alerts"), [
            _line(_("Alerts sent"), c, "alerts_sent", charted=False),
            _line(_("Recipients"), c, "recipients", charted=False),
            _state_line(S.ACKNOWLEDGED, "acknowledged", c),
            _state_line(S.SENT, "sent", c),
            _state_line(S.QUEUED, "queued", c),
            _state_line(S.FAILED, "failed", c),
            _state_line(S.BOUNCED, "bounced", c),
            _state_line(S.UNREACHABLE, "unreachable", c),
            _line(_("Reached"), c, "reached", charted=False),
            Line(
                pgettext("alerts", "Acknowledgement rate (acknowledged / reached)"),
                [f.ack_rate_text for f in c],
                False,
            ),
        ], _("Recipients of the quarter's alerts by state")),
        Section("strikes", _("Strikes supported"), _strike_lines(c),
                _("Strikes supported in the quarter")),
    ]  # fmt: skip
