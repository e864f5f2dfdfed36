"""After the vote: following decisions up, and the recommendations a union's
executive body receives and decides on."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.bodies.models import Body
from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible, require
from alianza.orgs.selectors import visible_people

from .. import actions, selectors
from ..forms import DecisionForm, FollowUpForm, FollowUpUpdateForm
from ..models import FollowUp, Forwarding, Meeting, Motion


@login_required
@require_POST
def follow_up_add(request: AuthedRequest, pk: int) -> HttpResponse:
    motion: Motion = get_visible(
        request.user, selectors.motions(), "governance.view_motion", pk=pk
    )
    obj = motion.meeting
    require(request.user, "bodies.change_body", obj.body)
    return run_action(
        request,
        lambda data: actions.add_follow_up(request.user, motion, **data),
        _("The follow-up was added."),
        form=FollowUpForm(request.POST, people=visible_people(request.user)),
        then=obj,
    )


@login_required
@require_POST
def follow_up_update(request: AuthedRequest, pk: int) -> HttpResponse:
    follow_up: FollowUp = get_changeable(
        request.user, selectors.follow_ups(), "governance.update_follow_up",
        view="governance.view_follow_up", pk=pk,
    )  # fmt: skip
    return run_action(
        request,
        lambda data: actions.update_follow_up(request.user, follow_up, **data),
        _("Progress recorded."),
        form=FollowUpUpdateForm(request.POST),
        then=follow_up.motion.meeting,
    )


@login_required
def recommendations(request: AuthedRequest, pk: int) -> HttpResponse:
    """Recommendations forwarded to a body, and its decisions on them."""
    body: Body = get_visible(request.user, Body, "bodies.view_body", pk=pk)
    manages = request.user.has_perm("bodies.change_body", body)
    return render(
        request,
        "governance/recommendations.html",
        {
            "body": body,
            "forwardings": selectors.forwardings_to(body),
            "manages": manages,
            "decision_form": DecisionForm(initial={"decided_on": timezone.localdate()}),
            "meetings": selectors.unclosed_meetings(body) if manages else [],
        },
    )


@login_required
@require_POST
def forwarding_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    forwarding: Forwarding = get_changeable(
        request.user, selectors.forwardings(), "governance.decide_forwarding",
        view="governance.view_forwarding", pk=pk,
    )  # fmt: skip
    return run_action(
        request,
        lambda data: actions.record_decision(request.user, forwarding, **data),
        _("The decision was recorded."),
        form=DecisionForm(request.POST),
        then=reverse("governance:recommendations", args=[forwarding.body_id]),
    )


@login_required
@require_POST
def forwarding_agenda(request: AuthedRequest, pk: int) -> HttpResponse:
    forwarding: Forwarding = get_changeable(
        request.user, selectors.forwardings(), "governance.decide_forwarding",
        view="governance.view_forwarding", pk=pk,
    )  # fmt: skip
    target = get_object_or_404(
        Meeting, pk=request.POST.get("meeting") or 0, body=forwarding.body
    )
    return run_action(
        request,
        lambda: actions.place_on_agenda(request.user, forwarding, target),
        _("The recommendation is on the meeting's agenda."),
        then=reverse("governance:recommendations", args=[forwarding.body_id]),
    )
