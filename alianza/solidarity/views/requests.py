"""Solidarity requests: drafting, sharing the draft for help, vetting, publishing,
closing with an outcome, and the pledges that answer them (of unions, locals and
sections, and of members personally)."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible
from alianza.multilingual.text import language_name
from alianza.orgs.selectors import standing

from .. import actions, selectors
from .. import pledge_selectors as pledging
from ..forms import (
    AskForm,
    CloseForm,
    PersonalPledgeForm,
    PledgeForm,
    RequestForm,
    ShareForm,
)
from ..models import PersonalPledge, Pledge, SolidarityRequest
from .audience import audience_form
from .comments import comments_panel
from .common import new_for_union

VIEW = "solidarity.view_solidarityrequest"
MANAGE = "solidarity.manage_solidarityrequest"


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


def _may(user: Any, perm: str, obj: Any) -> bool:
    return user.has_perm(perm, obj)


@login_required
def request_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: SolidarityRequest = get_visible(
        user, selectors.requests_with_campaign(), VIEW, pk=pk
    )
    table = pledging.pledge_table(user, obj)
    choices = pledging.pledge_choices(user, obj)
    may_manage = _may(user, MANAGE, obj)
    person = standing(user).person
    context = {
        "req": obj,
        **table,
        "done_ids": {
            p.pk for p in table["pledges"] if _may(user, "solidarity.change_pledge", p)
        },
        "asked_unions": list(obj.audiences.all()),
        "asked_units": pledging.asked_units(obj),
        "shared_with": list(obj.shared_with.all()),
        "may_manage": may_manage,
        "may_translate": _may(user, "solidarity.change_solidarityrequest", obj),
        "may_vet": _may(user, "solidarity.vet_solidarityrequest", obj)
        and not (obj.created_by_id == user.pk),
        "audience_form": audience_form(obj) if may_manage else None,
        "missing": [language_name(c) for c in selectors.missing_translations(obj)],
        "pledge_form": PledgeForm(choices=choices, asks=pledging.asks_of(obj))
        if choices and _may(user, "solidarity.pledge", obj)
        else None,
        "personal_form": PersonalPledgeForm()
        if _may(user, "solidarity.pledge_personally", obj)
        else None,
        "personal_counts": pledging.personal_counts(obj),
        "my_pledges": list(pledging.personal_pledges_of(person, obj)),
        "ask_form": AskForm() if may_manage and obj.is_in_preparation else None,
        "share_form": ShareForm(organisations=pledging.shareable_organisations(obj))
        if may_manage and obj.is_in_preparation
        else None,
        "close_form": CloseForm() if may_manage and obj.is_answerable else None,
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
    user = request.user
    obj: SolidarityRequest = get_changeable(
        user, selectors.requests_with_campaign(), MANAGE, view=VIEW, pk=pk
    )
    return run_action(
        request,
        lambda data: actions.close_request(user, obj, **data),
        _("The request was closed."),
        form=CloseForm(request.POST),
        then=obj,
    )


@login_required
@require_POST
def request_share(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: SolidarityRequest = get_changeable(
        user, selectors.requests_with_campaign(), MANAGE, view=VIEW, pk=pk
    )
    return run_action(
        request,
        lambda data: actions.share_draft(user, obj, data["organisation"]),
        _("The draft is shared: that union's staff may translate and vet it."),
        form=ShareForm(
            request.POST, organisations=pledging.shareable_organisations(obj)
        ),
        then=obj,
    )


@login_required
@require_POST
def request_ask(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: SolidarityRequest = get_changeable(
        user, selectors.requests_with_campaign(), MANAGE, view=VIEW, pk=pk
    )
    return run_action(
        request,
        lambda data: actions.add_ask(user, obj, **data),
        _("The ask was added."),
        form=AskForm(request.POST),
        then=obj,
    )


@login_required
@require_POST
def request_pledge(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: SolidarityRequest = get_changeable(
        user, selectors.requests_with_campaign(), "solidarity.pledge", view=VIEW, pk=pk
    )
    form = PledgeForm(
        request.POST,
        choices=pledging.pledge_choices(user, obj),
        asks=pledging.asks_of(obj),
    )
    return run_action(
        request,
        lambda data: actions.pledge(user, obj, **data),
        _("Thank you: your pledge was recorded."),
        form=form,
        then=obj,
        invalid=_("Say what you pledge, and for which union, local or section."),
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


@login_required
@require_POST
def personal_pledge(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: SolidarityRequest = get_changeable(
        user, selectors.requests_with_campaign(), "solidarity.pledge_personally",
        view=VIEW, pk=pk,
    )  # fmt: skip
    return run_action(
        request,
        lambda data: actions.pledge_personally(user, obj, **data),
        _("Thank you: your pledge was recorded. It is on your home page."),
        form=PersonalPledgeForm(request.POST),
        then=obj,
        invalid=_("Choose what you will do."),
    )


@login_required
@require_POST
def personal_pledge_withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    item: PersonalPledge = get_visible(
        user, pledging.personal_pledges_with_request(),
        "solidarity.delete_personalpledge", pk=pk,
    )  # fmt: skip
    back = request.POST.get("next") == "home"
    return run_action(
        request,
        lambda: actions.withdraw_personal_pledge(user, item),
        _("Your pledge was withdrawn."),
        then=reverse("dashboard") if back else item.request,
    )
