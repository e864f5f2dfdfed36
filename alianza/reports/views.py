"""The quarterly report: its page, its PDF and its workbook."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import require
from alianza.lib.table_export import XLSX_TYPE

from . import exports, selectors
from .sections import sections


def _report(request: AuthedRequest, year: int, q: int) -> selectors.QuarterReport:
    require(request.user, "reports.view_reports")
    scope = selectors.scope_of(request.user, request.GET.get("union", ""))
    return selectors.quarter_figures(request.user, year, q, scope)


def _address(name: str, quarter: selectors.Quarter, scope: str) -> str:
    url = reverse(name, args=[quarter.year, quarter.number])
    return f"{url}?{urlencode({'union': scope})}"


@login_required
def pick(request: AuthedRequest) -> HttpResponse:
    """The quarter picker's answer: the report it names (this quarter by default)."""
    require(request.user, "reports.view_reports")
    current = selectors.Quarter.containing()
    try:
        year = int(request.GET.get("year", current.year))
        number = int(request.GET.get("quarter", current.number))
    except ValueError:
        year, number = current.year, current.number
    quarter = selectors.Quarter.checked(year, number)
    return redirect(_address("reports:quarter", quarter, request.GET.get("union", "")))


@login_required
def quarter(request: AuthedRequest, year: int, q: int) -> HttpResponse:
    report = _report(request, year, q)
    names = [f.label for f in report.columns]
    unions = selectors.readable_unions(request.user)
    current = selectors.Quarter.containing()
    context = {
        "report": report,
        "names": names,
        "sections": [(s, s.chart(names)) for s in sections(report)],
        "span": exports.span_text(report),
        "unions": unions,
        "alliance": selectors.ALLIANCE,
        "may_read_alliance": request.user.has_perm("reports.view_alliance_report"),
        "years": range(current.year, current.year - 6, -1),
        "quarters": range(1, 5),
        "previous": _address("reports:quarter", report.quarter.preceding, report.scope),
        "following": _address(
            "reports:quarter", report.quarter.following, report.scope
        ),
        "pdf": _address("reports:quarter_pdf", report.quarter, report.scope),
        "xlsx": _address("reports:quarter_xlsx", report.quarter, report.scope),
    }
    return render(request, "reports/quarter.html", context)


@login_required
def quarter_pdf(request: AuthedRequest, year: int, q: int) -> HttpResponse:
    """The report as a PDF, in the reader's language."""
    report = _report(request, year, q)
    response = HttpResponse(exports.pdf_bytes(report), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.file_name(report)}.pdf"'
    )
    return response


@login_required
def quarter_xlsx(request: AuthedRequest, year: int, q: int) -> HttpResponse:
    """The report as an Excel workbook, a sheet per section."""
    report = _report(request, year, q)
    response = HttpResponse(exports.workbook_bytes(report), content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.file_name(report)}.xlsx"'
    )
    return response
