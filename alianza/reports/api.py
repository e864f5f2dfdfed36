"""The quarterly report through the API: the same figures as the page, for an
integration that keeps the alliance's statistics."""

from ninja import Router, Schema

from alianza.lib.http import ApiRequest
from alianza.lib.permissions import require

from . import selectors

router = Router(tags=["reports"])


class UnitPledgesOut(Schema):
    label: str
    pledged: int
    done: int


class FiguresOut(Schema):
    label: str
    councils_met: int
    council_meetings: int
    joint_meetings: int
    posts: int
    shares: int
    items_exchanged: int
    requests_opened: int
    requests_published: int
    requests_closed: int
    requests_answered: int
    requests_unanswered: int
    requests_received: int
    pledges: list[UnitPledgesOut]
    pledges_total: int
    pledges_done: int
    letters_published: int
    signatures: int
    alerts_sent: int
    #: Recipients by state (``recipients`` counts them all).
    states: dict[str, int]
    reached: int
    acknowledged: int
    #: Acknowledged / reached; null when no one was reached.
    ack_rate: float | None
    strikes: list[str]


class QuarterOut(Schema):
    year: int
    quarter: int
    #: The first instant counted and the first instant of the next quarter, in UTC.
    start: str
    end: str
    #: The union's slug, or "alliance".
    scope: str
    columns: list[FiguresOut]


@router.get("/quarter/{year}/{q}", response=QuarterOut)
def quarter(request: ApiRequest, year: int, q: int, union: str = ""):
    """A union's quarterly report (``union``: its slug; without it, the first union
    one leads), or the alliance's (``union=alliance``)."""
    require(request.auth, "reports.view_reports")
    scope = selectors.scope_of(request.auth, union)
    report = selectors.quarter_figures(request.auth, year, q, scope)
    return {
        "year": report.quarter.year,
        "quarter": report.quarter.number,
        "start": report.quarter.start.isoformat(),
        "end": report.quarter.end.isoformat(),
        "scope": report.scope,
        "columns": report.columns,
    }
