"""Organizing targets: adding one to a campaign, its page, and what its organizing
team records there (support figures, stage, contacts, the vote of support)."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible

from .. import actions, selectors
from ..forms import ContactForm, StageForm, SupportForm, TargetForm
from ..models import Campaign, OrganizingTarget

VIEW = "solidarity.view_organizingtarget"


@login_required
def target_new(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: Campaign = get_changeable(
        user, selectors.campaigns_with_owner(), "solidarity.change_campaign",
        view="solidarity.view_campaign", pk=pk,
    )  # fmt: skip
    form = TargetForm(request.POST or None)
    done = run_action(
        request,
        lambda data: actions.add_target(user, obj, **data),
        _("%(name)s was added to the organizing pipeline."),
        form=form,
    )
    return done or render(
        request,
        "solidarity/form.html",
        {"form": form, "title": _("Add an organizing target"), "campaign": obj},
    )


@login_required
def target(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: OrganizingTarget = get_visible(
        request.user, selectors.targets_with_campaign(), VIEW, pk=pk
    )
    on_team = request.user.has_perm("solidarity.organize_target", obj)
    index = obj.stage_index()
    context = {
        "target": obj,
        "on_team": on_team,
        "stages": [
            (value, label, i < index, i == index)
            for i, (value, label) in enumerate(OrganizingTarget.Stage.choices)
        ],
        "contacts": obj.contacts.all() if on_team else None,
        "support_form": SupportForm(
            initial={
                "covered_workers": obj.covered_workers,
                "supporters": obj.supporters,
            }
        ),
        "stage_form": StageForm(initial={"stage": obj.stage}),
        "contact_form": ContactForm(),
        "elections": selectors.eligible_elections(obj) if on_team else [],
        "percent": round(100 * (obj.supporters or 0) / obj.covered_workers)
        if obj.covered_workers
        else 0,
    }
    return render(request, "solidarity/target.html", context)


def _organized_target(request: AuthedRequest, pk: int) -> OrganizingTarget:
    """The target, for its organizing team only (404 if the person may not see it)."""
    return get_changeable(
        request.user, selectors.targets_with_campaign(), "solidarity.organize_target",
        view=VIEW, message=_("Only the campaign's organizing team may do this."), pk=pk,
    )  # fmt: skip


def _record(
    request: AuthedRequest,
    pk: int,
    form_class: Any,
    operation: Callable[..., Any],
    success: str,
) -> HttpResponse:
    """The organizing team posts a form about the target; the action records it."""
    obj = _organized_target(request, pk)
    return run_action(
        request,
        lambda data: operation(request.user, obj, **data),
        success,
        form=form_class(request.POST),
        then=obj,
    )


@login_required
@require_POST
def target_support(request: AuthedRequest, pk: int) -> HttpResponse:
    return _record(
        request, pk, SupportForm, actions.record_support,
        _("The support figures were recorded."),
    )  # fmt: skip


@login_required
@require_POST
def target_stage(request: AuthedRequest, pk: int) -> HttpResponse:
    return _record(
        request, pk, StageForm,
        lambda user, obj, stage: actions.move_stage(user, obj, stage),
        _("The stage was changed."),
    )  # fmt: skip


@login_required
@require_POST
def target_contact(request: AuthedRequest, pk: int) -> HttpResponse:
    return _record(
        request, pk, ContactForm, actions.add_contact, _("The contact was added.")
    )


@login_required
@require_POST
def target_election(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _organized_target(request, pk)
    election = get_object_or_404(
        selectors.eligible_elections(obj), pk=request.POST.get("election") or 0
    )
    return run_action(
        request, lambda: actions.link_election(request.user, obj, election),
        _("The support vote is joined to this target."), then=obj,
    )  # fmt: skip
