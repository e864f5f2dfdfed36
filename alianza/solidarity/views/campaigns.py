"""A campaign's page, its timeline, status and team."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible
from alianza.spaces.forms import share_panel

from .. import actions, selectors
from ..forms import CampaignForm, TeamMemberForm, TimelineForm
from ..models import Campaign, Strike
from .audience import audience_form
from .comments import comments_panel
from .common import new_for_union

VIEW, CHANGE = "solidarity.view_campaign", "solidarity.change_campaign"


@login_required
def campaign_new(request: AuthedRequest) -> HttpResponse:
    return new_for_union(
        request, CampaignForm, actions.create_campaign, _("%(name)s was created."),
        _("New campaign"),
    )  # fmt: skip


@login_required
def campaign(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: Campaign = get_visible(user, selectors.campaigns_with_owner(), VIEW, pk=pk)
    may_manage = user.has_perm(CHANGE, obj)
    led = selectors.led_organisations(user)
    context = {
        "campaign": obj,
        "may_manage": may_manage,
        "audience_form": audience_form(obj) if may_manage else None,
        **selectors.campaign_records(user, obj),
        "timeline_form": TimelineForm(organisations=led) if led.exists() else None,
        "statuses": Campaign.Status.choices,
        "team_choices": selectors.team_candidates(user, obj)[:200]
        if may_manage
        else [],
        **share_panel(request.user, obj, may_manage),
        **comments_panel(request, obj),
    }
    return render(request, "solidarity/campaign.html", context)


@login_required
@require_POST
def campaign_timeline(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: Campaign = get_visible(user, selectors.campaigns_with_owner(), VIEW, pk=pk)
    strike = None
    if request.POST.get("strike"):
        strike = get_object_or_404(Strike, pk=request.POST["strike"], campaign=obj)
    return run_action(
        request,
        lambda data: actions.add_timeline_entry(user, obj, strike=strike, **data),
        _("The action was recorded."),
        form=TimelineForm(
            request.POST, organisations=selectors.led_organisations(user)
        ),
        then=strike or obj,
        invalid=_("Say what happened, when, and who did it."),
    )


@login_required
@require_POST
def campaign_status(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: Campaign = get_changeable(
        user, selectors.campaigns_with_owner(), CHANGE, view=VIEW, pk=pk
    )
    return run_action(
        request,
        lambda: actions.set_campaign_status(user, obj, request.POST.get("status", "")),
        _("The campaign was updated."),
        then=obj,
    )


@login_required
@require_POST
def campaign_team(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: Campaign = get_changeable(
        user, selectors.campaigns_with_owner(), CHANGE, view=VIEW, pk=pk
    )
    return run_action(
        request,
        lambda data: actions.add_team_member(user, obj, data["person"]),
        _("The team was updated."),
        form=TeamMemberForm(request.POST, people=selectors.team_candidates(user)),
        then=obj,
        invalid=_("Choose someone from your union."),
    )
