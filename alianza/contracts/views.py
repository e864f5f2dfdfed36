from datetime import UTC, datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.councils.actions import user_for_calendar
from alianza.lib import ics
from alianza.lib.forms import submit
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import require
from alianza.orgs.models import Organisation
from alianza.orgs.selectors import standing
from alianza.spaces.forms import ShareForm
from alianza.spaces.selectors import visible_spaces

from . import actions, compare, search
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
from .models import Agreement, BargainingRound, Clause, ExchangeRate, Proposal, Topic
from .selectors import (
    LEADING_ROLES,
    visible_agreements,
    visible_rounds,
)


def _share_context(request: AuthedRequest, record, may_manage: bool) -> dict:
    spaces = visible_spaces(request.user)
    return {
        "share_form": ShareForm(spaces=spaces)
        if may_manage and spaces.exists()
        else None,
        "content_type": ContentType.objects.get_for_model(type(record)).pk,
    }


@login_required
def library(request: AuthedRequest) -> HttpResponse:
    listing = (
        visible_agreements(request.user)
        .select_related("organisation", "employer", "unit")
        .defer("text")
    )
    may_add = bool(standing(request.user).organisation_ids(LEADING_ROLES))
    return render(
        request,
        "contracts/library.html",
        {"agreements": listing, "may_add": may_add, "today": timezone.localdate()},
    )


@login_required
def agreement_new(request: AuthedRequest) -> HttpResponse:
    orgs = Organisation.objects.filter(
        pk__in=standing(request.user).organisation_ids(LEADING_ROLES)
    )
    if not orgs.exists():
        raise PermissionDenied(_("You do not have permission to do this."))
    form = AgreementForm(
        request.POST or None,
        request.FILES or None,
        organisations=orgs,
        agreements=Agreement.objects.filter(organisation__in=orgs),
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

    done = submit(request, form, add, _("%(name)s was added."))
    return done or render(request, "contracts/agreement_form.html", {"form": form})


def _agreement_for(request: AuthedRequest, pk: int) -> Agreement:
    obj = get_object_or_404(
        Agreement.objects.select_related("organisation", "employer", "unit"), pk=pk
    )
    require(request.user, "contracts.view_agreement", obj)
    return obj


@login_required
def agreement(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _agreement_for(request, pk)
    may_manage = request.user.has_perm("contracts.change_agreement", obj)
    clauses = list(obj.clauses.all())
    context = {
        "agreement": obj,
        "clauses": clauses,
        "topics": Topic.choices,
        "may_manage": may_manage,
        "wages": compare.wage_rows([obj]),
        "rounds": visible_rounds(request.user).filter(agreement=obj),
        "wage_form": WageForm() if may_manage else None,
        "round_form": RoundForm() if may_manage else None,
        "ocr_available": ocr_available(),
        **_share_context(request, obj, may_manage),
    }
    return render(request, "contracts/agreement.html", context)


@login_required
def agreement_progress(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _agreement_for(request, pk)
    if obj.extraction == Agreement.Extraction.DONE and request.headers.get(
        "HX-Request"
    ):
        response = HttpResponse()
        response["HX-Refresh"] = "true"
        return response
    return render(request, "contracts/_progress.html", {"agreement": obj})


@login_required
def download(request: AuthedRequest, pk: int) -> FileResponse:
    obj = _agreement_for(request, pk)
    if not obj.file:
        raise Http404
    return FileResponse(
        obj.file.open("rb"), as_attachment=True, filename=obj.original_name
    )


@login_required
@require_POST
def clause_topic(request: AuthedRequest, pk: int) -> HttpResponse:
    clause = get_object_or_404(Clause.objects.select_related("agreement"), pk=pk)
    require(request.user, "contracts.change_agreement", clause.agreement)
    form = TopicForm(request.POST)
    if form.is_valid():
        actions.correct_topic(request.user, clause, form.cleaned_data["topic"])
        messages.success(request, _("The topic was corrected and will be kept."))
    else:
        messages.error(request, _("Choose a topic from the list."))
    return redirect(clause)


@login_required
@require_POST
def wage_add(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _agreement_for(request, pk)
    require(request.user, "contracts.change_agreement", obj)
    form = WageForm(request.POST)
    if form.is_valid():
        try:
            actions.add_wage(request.user, obj, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The wage rate was added."))
    else:
        messages.error(request, _("Check the wage rate: every field is needed."))
    return redirect(obj.get_absolute_url() + "#wages")


@login_required
def search_page(request: AuthedRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    hits: list[search.Hit] = []
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
    return render(
        request,
        "contracts/search.html",
        {
            "form": form,
            "hits": hits,
            "total": total,
            "more_than": search.COUNT_CAP if total > search.COUNT_CAP else None,
        },
    )


@login_required
def compare_page(request: AuthedRequest) -> HttpResponse:
    agreements = (
        visible_agreements(request.user)
        .select_related("employer", "organisation")
        .defer("text")
    )
    form = CompareForm(request.GET or None, agreements=agreements)
    context: dict = {"form": form}
    if form.is_valid():
        chosen = list(
            form.cleaned_data["agreements"]
            .prefetch_related(Prefetch("clauses", Clause.objects.order_by("position")))
            .prefetch_related("wages", "worksites")
        )
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
        if form.is_valid():
            try:
                actions.set_exchange_rate(request.user, **form.cleaned_data)
            except ValidationError as error:
                form.apply_error(error)
            else:
                messages.success(request, _("The exchange rate was saved."))
                return redirect("contracts:rates")
    return render(
        request,
        "contracts/rates.html",
        {"rates": ExchangeRate.objects.all(), "form": form},
    )


@login_required
@require_POST
def round_new(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _agreement_for(request, pk)
    require(request.user, "contracts.change_agreement", obj)
    form = RoundForm(request.POST)
    done = submit(
        request,
        form,
        lambda data: actions.open_round(
            request.user, obj, title=data["title"], opened_on=data["opened_on"]
        ),
        _("%(name)s was opened."),
    )
    if done is None:
        messages.error(request, _("Give the round a title."))
        return redirect(obj)
    return done


def _timeline(proposals: list[Proposal]) -> list:
    events = [e for p in proposals for e in p.events.all()]
    return sorted(events, key=lambda e: (e.happened_on, e.pk))


@login_required
def round_page(request: AuthedRequest, pk: int) -> HttpResponse:
    bargaining_round = get_object_or_404(
        BargainingRound.objects.select_related(
            "agreement__organisation", "agreement__employer"
        ),
        pk=pk,
    )
    require(request.user, "contracts.view_bargaininground", bargaining_round)
    may_manage = request.user.has_perm(
        "contracts.change_bargaininground", bargaining_round
    )
    proposals = list(
        bargaining_round.proposals.select_related("clause").prefetch_related("events")
    )
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
        **_share_context(request, bargaining_round, may_manage),
    }
    return render(request, "contracts/round.html", context)


@login_required
@require_POST
def proposal_add(request: AuthedRequest, pk: int) -> HttpResponse:
    bargaining_round = get_object_or_404(BargainingRound, pk=pk)
    require(request.user, "contracts.change_bargaininground", bargaining_round)
    form = ProposalForm(request.POST, clauses=bargaining_round.agreement.clauses.all())
    if form.is_valid():
        try:
            actions.table_proposal(request.user, bargaining_round, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The proposal was added to the tracker."))
    else:
        messages.error(request, _("Name the article and summarise the proposal."))
    return redirect(bargaining_round)


@login_required
@require_POST
def proposal_status(request: AuthedRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal.objects.select_related("round"), pk=pk)
    require(request.user, "contracts.change_bargaininground", proposal.round)
    form = ProposalStatusForm(request.POST)
    if form.is_valid():
        actions.update_proposal(request.user, proposal, **form.cleaned_data)
        messages.success(request, _("The proposal's status was updated."))
    else:
        messages.error(request, _("Choose a status from the list."))
    return redirect(proposal)


@login_required
def expiries(request: AuthedRequest) -> HttpResponse:
    today = timezone.localdate()
    listing = (
        visible_agreements(request.user)
        .filter(expires_on__gte=today - timedelta(days=365))
        .select_related("organisation", "employer")
        .defer("text")
        .order_by("expires_on")
    )
    secret = None
    if request.method == "POST":
        from alianza.councils.actions import new_calendar_secret

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
    for a in (
        visible_agreements(user)
        .filter(expires_on__isnull=False)
        .select_related("employer")
    ):
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
