from datetime import UTC, datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.councils.actions import new_calendar_secret
from alianza.councils.selectors import user_for_calendar
from alianza.lib import ics
from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible, require
from alianza.spaces.forms import share_panel

from . import actions, compare, search, selectors
from .extraction import ocr_available
from .forms import (
    AgreementForm,
    CompareForm,
    ProposalForm,
    ProposalStatusForm,
    RateForm,
    RoundForm,
    SearchForm,
    TopicForm,
    WageForm,
)
from .models import Agreement, BargainingRound, Clause, Proposal, Topic


@login_required
def library(request: AuthedRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    return render(
        request,
        "contracts/library.html",
        {
            "agreements": selectors.library_agreements(request.user, query),
            "query": query,
            "may_add": request.user.has_perm("contracts.add_any_agreement"),
            "today": timezone.localdate(),
        },
    )


@login_required
def agreement_new(request: AuthedRequest) -> HttpResponse:
    require(request.user, "contracts.add_any_agreement")
    orgs = selectors.led_organisations(request.user)
    form = AgreementForm(
        request.POST or None,
        request.FILES or None,
        organisations=orgs,
        agreements=selectors.agreements_of(orgs),
        initial={"language": request.LANGUAGE_CODE, "organisation": orgs.first()},
    )

    def add(data: dict) -> Agreement:
        fields = {
            k: v for k, v in data.items() if k not in {"organisation", "worksites"}
        }
        return actions.add_agreement(
            request.user,
            data["organisation"],
            worksites=list(data["worksites"]),
            **{**fields, "legitimation": data["legitimation"] or ""},
        )

    done = run_action(request, add, _("%(name)s was added."), form=form)
    return done or render(request, "contracts/agreement_form.html", {"form": form})


@login_required
def agreement(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Agreement = get_visible(
        request.user,
        selectors.agreements_with_parties(),
        "contracts.view_agreement",
        pk=pk,
    )
    may_manage = request.user.has_perm("contracts.change_agreement", obj)
    clauses = list(obj.clauses.all())
    context = {
        "agreement": obj,
        "clauses": clauses,
        "topics": Topic.choices,
        "may_manage": may_manage,
        "wages": compare.wage_rows([obj]),
        "rounds": selectors.visible_rounds_of(request.user, obj),
        "wage_form": WageForm() if may_manage else None,
        "round_form": RoundForm() if may_manage else None,
        "ocr_available": ocr_available(),
        **share_panel(request.user, obj, may_manage),
    }
    return render(request, "contracts/agreement.html", context)


@login_required
def agreement_progress(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Agreement = get_visible(
        request.user,
        selectors.agreements_with_parties(),
        "contracts.view_agreement",
        pk=pk,
    )
    if obj.extraction == Agreement.Extraction.DONE and request.headers.get(
        "HX-Request"
    ):
        response = HttpResponse()
        response["HX-Refresh"] = "true"
        return response
    return render(request, "contracts/_progress.html", {"agreement": obj})


@login_required
def download(request: AuthedRequest, pk: int) -> FileResponse:
    obj: Agreement = get_visible(
        request.user,
        selectors.agreements_with_parties(),
        "contracts.view_agreement",
        pk=pk,
    )
    if not obj.file:
        raise Http404
    return FileResponse(
        obj.file.open("rb"), as_attachment=True, filename=obj.original_name
    )


@login_required
@require_POST
def clause_topic(request: AuthedRequest, pk: int) -> HttpResponse:
    clause: Clause = get_changeable(
        request.user,
        selectors.visible_clauses(request.user),
        "contracts.change_clause",
        pk=pk,
    )
    return run_action(
        request,
        lambda data: actions.correct_topic(request.user, clause, data["topic"]),
        _("The topic was corrected and will be kept."),
        form=TopicForm(request.POST),
        then=clause,
        invalid=_("Choose a topic from the list."),
    )


@login_required
@require_POST
def wage_add(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Agreement = get_changeable(
        request.user,
        selectors.agreements_with_parties(),
        "contracts.change_agreement",
        view="contracts.view_agreement",
        pk=pk,
    )
    return run_action(
        request,
        lambda data: actions.add_wage(request.user, obj, **data),
        _("The wage rate was added."),
        form=WageForm(request.POST),
        then=obj.get_absolute_url() + "#wages",
        invalid=_("Check the wage rate: every field is needed."),
    )


@login_required
def search_page(request: AuthedRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    hits: list[search.Hit] = []
    across: list[search.Across] = []
    total = 0
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        filters = search.Filters(
            employer=data["employer"].pk if data["employer"] else None,
            country=data["country"],
            organisation=data["organisation"].pk if data["organisation"] else None,
            topic=data["topic"],
            effective_from=data["effective_from"],
            expires_until=data["expires_until"],
        )
        hits, total = search.search(request.user, data["q"], filters)
        # Then the same topic's clauses in the other languages, after these.
        across = search.across_languages(request.user, data["q"], filters)
    return render(
        request,
        "contracts/search.html",
        {
            "form": form,
            "hits": hits,
            "across": across,
            "total": total,
            "more_than": search.COUNT_CAP if total > search.COUNT_CAP else None,
        },
    )


@login_required
def compare_page(request: AuthedRequest) -> HttpResponse:
    agreements = selectors.comparable_agreements(request.user)
    form = CompareForm(request.GET or None, agreements=agreements)
    context: dict = {"form": form}
    if form.is_valid():
        chosen = selectors.with_clauses_and_wages(form.cleaned_data["agreements"])
        rows = compare.wage_rows(chosen)
        bars = [
            (f"{r.agreement.employer} · {r.wage.classification}", r.hourly_usd, i)
            for i, a in enumerate(chosen)
            for r in rows
            if r.agreement == a and r.hourly_usd is not None
        ]
        context.update(
            topic=dict(Topic.choices)[form.cleaned_data["topic"]],
            columns=compare.clauses_by_agreement(chosen, form.cleaned_data["topic"]),
            agreements=chosen,
            wages=rows,
            chart=compare.bar_chart(bars, _("US dollars per hour")),
            increase_chart=compare.bar_chart(
                [
                    (str(a), a.average_increase, i)
                    for i, a in enumerate(chosen)
                    if a.average_increase is not None
                ],
                _("average annual increase (%)"),
            ),
        )
    return render(request, "contracts/compare.html", context)


@login_required
def rates(request: AuthedRequest) -> HttpResponse:
    may_keep = request.user.has_perm("contracts.change_exchangerate")
    form = RateForm(request.POST or None) if may_keep else None
    if request.method == "POST":
        require(request.user, "contracts.change_exchangerate")
        assert form is not None
        done = run_action(
            request,
            lambda data: actions.set_exchange_rate(request.user, **data),
            _("The exchange rate was saved."),
            form=form,
        )
        if done is not None:
            return done
    return render(
        request,
        "contracts/rates.html",
        {"rates": selectors.exchange_rates(), "form": form},
    )


@login_required
@require_POST
def round_new(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Agreement = get_changeable(
        request.user,
        selectors.agreements_with_parties(),
        "contracts.change_agreement",
        view="contracts.view_agreement",
        pk=pk,
    )
    return run_action(
        request,
        lambda data: actions.open_round(
            request.user, obj, title=data["title"], opened_on=data["opened_on"]
        ),
        _("%(name)s was opened."),
        form=RoundForm(request.POST),
        # The new round's page; back to the agreement when it could not be opened.
        then=lambda opened: opened or obj,
        invalid=_("Give the round a title."),
    )


def _timeline(proposals: list[Proposal]) -> list:
    events = [e for p in proposals for e in p.events.all()]
    return sorted(events, key=lambda e: (e.happened_on, e.pk))


@login_required
def round_page(request: AuthedRequest, pk: int) -> HttpResponse:
    bargaining_round: BargainingRound = get_visible(
        request.user,
        selectors.rounds_with_parties(),
        "contracts.view_bargaininground",
        pk=pk,
    )
    may_manage = request.user.has_perm(
        "contracts.change_bargaininground", bargaining_round
    )
    proposals = selectors.round_proposals(bargaining_round)
    tally = {
        effect: sum(1 for p in proposals if p.effect == effect)
        for effect in Proposal.Effect.values
    }
    context = {
        "round": bargaining_round,
        "proposals": proposals,
        "timeline": _timeline(proposals),
        "tally": tally,
        "may_manage": may_manage,
        "proposal_form": ProposalForm(clauses=bargaining_round.agreement.clauses.all())
        if may_manage
        else None,
        "status_choices": Proposal.Status.choices,
        **share_panel(request.user, bargaining_round, may_manage),
    }
    return render(request, "contracts/round.html", context)


@login_required
@require_POST
def proposal_add(request: AuthedRequest, pk: int) -> HttpResponse:
    bargaining_round: BargainingRound = get_changeable(
        request.user,
        selectors.rounds_with_parties(),
        "contracts.change_bargaininground",
        view="contracts.view_bargaininground",
        pk=pk,
    )
    return run_action(
        request,
        lambda data: actions.table_proposal(request.user, bargaining_round, **data),
        _("The proposal was added to the tracker."),
        form=ProposalForm(
            request.POST, clauses=bargaining_round.agreement.clauses.all()
        ),
        then=bargaining_round,
        invalid=_("Name the article and summarise the proposal."),
    )


@login_required
@require_POST
def proposal_status(request: AuthedRequest, pk: int) -> HttpResponse:
    proposal: Proposal = get_changeable(
        request.user,
        selectors.visible_proposals(request.user),
        "contracts.change_proposal",
        pk=pk,
    )
    return run_action(
        request,
        lambda data: actions.update_proposal(request.user, proposal, **data),
        _("The proposal's status was updated."),
        form=ProposalStatusForm(request.POST),
        then=proposal,
        invalid=_("Choose a status from the list."),
    )


@login_required
def expiries(request: AuthedRequest) -> HttpResponse:
    today = timezone.localdate()
    listing = selectors.expiring_agreements(request.user, today)
    secret = None
    if request.method == "POST":
        secret = new_calendar_secret(request.user)
    feed = (
        request.build_absolute_uri(reverse("contracts:calendar", args=[secret]))
        if secret
        else None
    )
    return render(
        request,
        "contracts/expiries.html",
        {"agreements": listing, "today": today, "feed": feed},
    )


def calendar(request: HttpRequest, secret: str) -> HttpResponse:
    """Every visible agreement's expiry as an all-day event, for calendar apps."""
    user = user_for_calendar(secret)
    if user is None:
        raise Http404
    events = []
    for a in selectors.agreements_with_expiry(user):
        assert a.expires_on is not None
        start = datetime.combine(a.expires_on, time(12), tzinfo=UTC)
        events.append(
            ics.Event(
                uid=f"agreement-{a.pk}-expiry@alianza",
                starts_at=start,
                ends_at=start + timedelta(hours=1),
                summary=_("Expires: %(title)s") % {"title": a.title},
                description=str(a.employer),
                url=request.build_absolute_uri(a.get_absolute_url()),
            )
        )
    response = HttpResponse(
        ics.calendar(_("Agreement expiries"), events),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="expiries.ics"'
    return response
