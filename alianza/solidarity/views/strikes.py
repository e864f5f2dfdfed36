"""Registering a strike on a campaign, and a strike's page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible
from alianza.orgs.selectors import units_of

from .. import actions, selectors
from ..forms import StrikeForm, TimelineForm
from ..models import Campaign, Strike
from .audience import audience_form


@login_required
def strike_new(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: Campaign = get_changeable(
        user, selectors.campaigns_with_owner(), "solidarity.change_campaign",
        view="solidarity.view_campaign", pk=pk,
    )  # fmt: skip
    form = StrikeForm(
        request.POST or None,
        initial={"language": request.LANGUAGE_CODE, "worksite": obj.worksite},
        units=units_of(obj.organisation),
    )
    done = run_action(
        request,
        lambda data: actions.register_strike(user, obj, **data),
        _("The strike was registered."),
        form=form,
    )
    return done or render(
        request,
        "solidarity/form.html",
        {"form": form, "title": _("Register a strike"), "campaign": obj},
    )


@login_required
def strike(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: Strike = get_visible(
        user, selectors.strikes_with_campaign(), "solidarity.view_strike", pk=pk
    )
    led = selectors.led_organisations(user)
    support, by_org = selectors.strike_support(obj)
    sees_campaign = user.has_perm("solidarity.view_campaign", obj.campaign)
    may_manage = user.has_perm("solidarity.change_strike", obj)
    context = {
        "strike": obj,
        "sees_campaign": sees_campaign,
        "support": support,
        "by_org": by_org,
        "may_manage": may_manage,
        "audience_form": audience_form(obj) if may_manage else None,
        "timeline_form": TimelineForm(
            organisations=led,
            initial={"happened_on": timezone.localdate(), "kind": "rally"},
        )
        if sees_campaign and led.exists()
        else None,
    }
    return render(request, "solidarity/strike.html", context)
