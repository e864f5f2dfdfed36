from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest, return_target
from alianza.lib.permissions import get_changeable, get_visible
from alianza.lib.written import prefetch_translations
from alianza.multilingual.text import render_for

from . import actions, proposals
from .forms import ParticipantForm, ShareForm
from .models import JointSpace, Proposal, Share
from .selectors import (
    active_shares_in,
    participants_of,
    proposals_of,
    proposals_with_space,
    shares_with_space,
    spaces_with_participants,
    visible_spaces,
)


@login_required
def spaces(request: AuthedRequest) -> HttpResponse:
    listing = prefetch_translations(spaces_with_participants(request.user))
    return render(request, "spaces/spaces.html", {"spaces": listing})


@login_required
def space(request: AuthedRequest, slug: str) -> HttpResponse:
    obj: JointSpace = get_visible(
        request.user, JointSpace, "spaces.view_jointspace", slug=slug
    )
    shares = active_shares_in(obj)
    listed = proposals_of(obj)
    withdrawable = {
        item.pk
        for item in shares
        if item.record is not None
        and request.user.has_perm(
            actions.SHAREABLE.get(
                f"{item.content_type.app_label}.{item.content_type.model}", ""
            ),
            item.record,
        )
    }
    context = {
        "space": obj,
        "participants": prefetch_translations(participants_of(obj)),
        "bodies": prefetch_translations(obj.bodies.all()),
        "shares": shares,
        "withdrawable": withdrawable,
        "may_manage": request.user.has_perm("spaces.change_jointspace", obj),
        "may_propose": request.user.has_perm("spaces.add_participant", obj),
        "proposals": listed,
        "answerable": {
            p.pk for p in listed if request.user.has_perm("spaces.answer_proposal", p)
        },
        "participant_form": ParticipantForm(),
    }
    return render(request, "spaces/space.html", context)


@login_required
@require_POST
def participant_add(request: AuthedRequest, slug: str) -> HttpResponse:
    obj: JointSpace = get_changeable(
        request.user,
        JointSpace,
        "spaces.add_participant",
        view="spaces.view_jointspace",
        slug=slug,
    )
    return run_action(
        request,
        lambda data: actions.add_participant(request.user, obj, **data),
        "",
        form=ParticipantForm(request.POST),
        then=lambda made: told(request, made, obj),
        invalid=_("Choose an organisation and a role."),
    )


def told(request: AuthedRequest, proposal: Proposal | None, back: Any) -> Any:
    """Tell the person what became of the proposal she made or answered, and send
    her back to ``back`` (the space's or the council's page)."""
    if proposal is not None:
        names = {"proposal": proposal}
        if proposal.is_accepted:
            message = _("“%(proposal)s” is accepted and in effect.") % names
        elif proposal.is_rejected:
            message = _("“%(proposal)s” is rejected.") % names
        else:
            message = (
                _(
                    "“%(proposal)s” waits for the other unions that coordinate the "
                    "space: it takes effect when each has accepted it."
                )
                % names
            )
        messages.success(request, message)
    return back


@login_required
@require_POST
def proposal_accept(request: AuthedRequest, pk: int) -> HttpResponse:
    return _answer(request, pk, proposals.accept)


@login_required
@require_POST
def proposal_reject(request: AuthedRequest, pk: int) -> HttpResponse:
    return _answer(request, pk, proposals.reject)


def _answer(request: AuthedRequest, pk: int, answer: Any) -> HttpResponse:
    proposal: Proposal = get_changeable(
        request.user,
        proposals_with_space(),
        "spaces.answer_proposal",
        view="spaces.view_proposal",
        pk=pk,
    )
    # Answered from the council's page as well as the space's: back where it was.
    back = return_target(request, proposal.space)
    return run_action(
        request,
        lambda: answer(request.user, proposal),
        "",
        then=lambda done: told(request, done, back),
    )


@login_required
@require_POST
def share(request: AuthedRequest, content_type: int, pk: int) -> HttpResponse:
    """Share any shareable record into a joint space the person takes part in."""
    kind = get_object_or_404(ContentType, pk=content_type)
    label = f"{kind.app_label}.{kind.model}"
    if label not in actions.SHAREABLE:
        raise Http404
    record_obj = get_changeable(
        request.user,
        kind.model_class()._default_manager,  # type: ignore[union-attr]
        actions.SHAREABLE[label],
        pk=pk,
    )
    form = ShareForm(request.POST, spaces=visible_spaces(request.user))
    space = form.cleaned_data["space"] if form.is_valid() else None
    return run_action(
        request,
        lambda data: actions.share_record(
            request.user, record_obj, data["space"], data["note"]
        ),
        _("Shared into %(space)s.")
        % {
            "space": render_for(space, "name", get_language() or "en").text
            if space is not None
            else ""
        },
        form=form,
        then=record_obj,
        invalid=_("Choose a joint space you take part in."),
    )


@login_required
@require_POST
def withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    share: Share = get_visible(
        request.user, shares_with_space(), "spaces.view_share", pk=pk
    )
    return run_action(
        request,
        lambda: actions.withdraw_share(request.user, share),
        _("The record is no longer shared into this space."),
        then=share.space,
    )
