"""Motions and amendments: moving, seconding, amending, the chair moving them
through the workflow, forwarding a joint body's recommendation."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_visible

from .. import actions, selectors
from ..forms import AmendmentForm, MotionForm
from ..models import Meeting, Motion


@login_required
@require_POST
def motion_add(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    return run_action(
        request,
        lambda data: actions.submit_motion(request.user, obj, **data),
        _("The motion was submitted."),
        form=MotionForm(request.POST, meeting=obj),
        then=obj,
        invalid=_("Write the motion."),
    )


@login_required
@require_POST
def motion_support(request: AuthedRequest, pk: int) -> HttpResponse:
    motion: Motion = get_visible(
        request.user, selectors.motions(), "governance.view_motion", pk=pk
    )
    return run_action(
        request,
        lambda: actions.support_motion(request.user, motion),
        _("Your support was recorded."),
        then=motion.meeting,
    )


@login_required
@require_POST
def motion_amend(request: AuthedRequest, pk: int) -> HttpResponse:
    motion: Motion = get_visible(
        request.user, selectors.motions(), "governance.view_motion", pk=pk
    )
    return run_action(
        request,
        lambda data: actions.amend_motion(request.user, motion, **data),
        _("The amendment was submitted."),
        form=AmendmentForm(request.POST),
        then=motion.meeting,
    )


@login_required
@require_POST
def motion_move(request: AuthedRequest, pk: int) -> HttpResponse:
    motion: Motion = get_visible(
        request.user, selectors.motions(), "governance.view_motion", pk=pk
    )
    status = request.POST.get("status", "")
    note = request.POST.get("note", "")
    return run_action(
        request,
        lambda: actions.move_motion(request.user, motion, status, note),
        _("Saved."),
        then=motion.meeting,
    )


@login_required
@require_POST
def motion_forward(request: AuthedRequest, pk: int) -> HttpResponse:
    motion: Motion = get_visible(
        request.user, selectors.motions(), "governance.view_motion", pk=pk
    )
    return run_action(
        request,
        lambda: actions.forward_recommendation(request.user, motion),
        _("The recommendation was forwarded to each union's executive body."),
        then=motion.meeting,
    )
