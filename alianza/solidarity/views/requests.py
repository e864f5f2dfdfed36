"""Solidarity requests: drafting, vetting, publishing, closing, and the pledges
that answer them."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible
from alianza.multilingual.text import language_name

from .. import actions, selectors
from ..forms import PledgeForm, RequestForm
from ..models import Pledge, SolidarityRequest
from .audience import audience_form
from .comments import comments_panel
from .common import new_for_union

VIEW = "solidarity.view_solidarityrequest"


@login_required
def request_new(request: AuthedRequest) -> HttpResponse:
    campaign = None
    if request.GET.get("campaign"):
        campaign = selectors.led_campaign(request.user, request.GET["campaign"])
    return new_for_union(
        request, RequestForm,
        lambda user, org, **data: actions.draft_request(user, org, campaign=campaign, **data),
        _("%(name)s was drafted. Translate it, have it vetted, then publish it."),
        _("New solidarity request"), extra={"campaign": campaign},
    )  # fmt: skip


@login_required
def request_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: SolidarityRequest = get_visible(
        user, selectors.requests_with_campaign(), VIEW, pk=pk
    )
    pledges = selectors.pledges_of(obj)
    asked = list(obj.audiences.all())
    answered = {p.organisation_id for p in pledges}
    pledging_orgs = selectors.pledging_organisations(user, asked)
    may_pledge = user.has_perm("solidarity.pledge", obj) and pledging_orgs.exists()
    led = selectors.led_organisation_ids(user)
    context = {
        "req": obj,
        "pledges": pledges,
        "done_ids": {p.pk for p in pledges if p.organisation_id in led},
        **selectors.pledge_summary(obj),
        "asked": [(o, o.pk in answered) for o in asked],
        "answered_count": len(answered & {o.pk for o in asked}),
        "may_manage": user.has_perm("solidarity.change_solidarityrequest", obj),
        "audience_form": audience_form(obj)
        if user.has_perm("solidarity.change_solidarityrequest", obj)
        else None,
        "may_vet": user.has_perm("solidarity.vet_solidarityrequest", obj),
        "missing": [language_name(c) for c in selectors.missing_translations(obj)],
        "pledge_form": PledgeForm(organisations=pledging_orgs) if may_pledge else None,
        "alerts": selectors.alerts_about(user, obj),
        **comments_panel(request, obj),
    }
    return render(request, "solidarity/request.html", context)


def _request_step(
    request: AuthedRequest, pk: int, operation: Callable[..., Any], success: str
) -> HttpResponse:
    obj: SolidarityRequest = get_visible(
        request.user, selectors.requests_with_campaign(), VIEW, pk=pk
    )
    return run_action(request, lambda: operation(request.user, obj), success, then=obj)


@login_required
@require_POST
def request_vet(request: AuthedRequest, pk: int) -> HttpResponse:
    return _request_step(request, pk, actions.vet_request, _("The request was vetted."))


@login_required
@require_POST
def request_publish(request: AuthedRequest, pk: int) -> HttpResponse:
    return _request_step(
        request, pk, actions.publish_request, _("The request was published.")
    )


@login_required
@require_POST
def request_close(request: AuthedRequest, pk: int) -> HttpResponse:
    return _request_step(
        request, pk, actions.close_request, _("The request was closed.")
    )


@login_required
@require_POST
def request_pledge(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: SolidarityRequest = get_changeable(
        user, selectors.requests_with_campaign(), "solidarity.pledge", view=VIEW, pk=pk
    )
    return run_action(
        request,
        lambda data: actions.pledge(user, obj, **data),
        _("Thank you: your pledge was recorded."),
        form=PledgeForm(request.POST, organisations=selectors.led_organisations(user)),
        then=obj,
        invalid=_("Say what your union pledges, and for which union."),
    )


@login_required
@require_POST
def pledge_done(request: AuthedRequest, pk: int) -> HttpResponse:
    item: Pledge = get_visible(
        request.user, selectors.pledges_with_request(), "solidarity.view_pledge", pk=pk
    )
    return run_action(
        request,
        lambda: actions.pledge_done(request.user, item),
        _("The pledge is marked done."),
        then=item.request,
    )
