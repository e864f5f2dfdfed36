from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import require

from . import actions
from .forms import ParticipantForm, ShareForm
from .models import JointSpace, Share
from .selectors import visible_spaces


@login_required
def spaces(request: AuthedRequest) -> HttpResponse:
    listing = visible_spaces(request.user).prefetch_related(
        "participants__organisation"
    )
    return render(request, "spaces/spaces.html", {"spaces": listing})


@login_required
def space(request: AuthedRequest, slug: str) -> HttpResponse:
    obj = get_object_or_404(JointSpace, slug=slug)
    require(request.user, "spaces.view_jointspace", obj)
    shares = list(
        Share.objects.active()
        .filter(space=obj)
        .select_related("content_type", "shared_by")
        .prefetch_related("record")
    )
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
        "participants": obj.participants.select_related("organisation", "person"),
        "bodies": obj.bodies.all(),
        "shares": shares,
        "withdrawable": withdrawable,
        "may_manage": request.user.has_perm("spaces.change_jointspace", obj),
        "participant_form": ParticipantForm(),
    }
    return render(request, "spaces/space.html", context)


@login_required
@require_POST
def participant_add(request: AuthedRequest, slug: str) -> HttpResponse:
    obj = get_object_or_404(JointSpace, slug=slug)
    require(request.user, "spaces.add_participant", obj)
    form = ParticipantForm(request.POST)
    if form.is_valid():
        try:
            actions.add_participant(request.user, obj, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The participant was added."))
    else:
        messages.error(request, _("Choose an organisation and a role."))
    return redirect(obj)


@login_required
@require_POST
def share(request: AuthedRequest, content_type: int, pk: int) -> HttpResponse:
    """Share any shareable record into a joint space the person takes part in."""
    kind = get_object_or_404(ContentType, pk=content_type)
    if f"{kind.app_label}.{kind.model}" not in actions.SHAREABLE:
        raise Http404
    record_obj = get_object_or_404(kind.model_class()._default_manager, pk=pk)  # type: ignore[union-attr]
    require(
        request.user, actions.SHAREABLE[f"{kind.app_label}.{kind.model}"], record_obj
    )
    form = ShareForm(request.POST, spaces=visible_spaces(request.user))
    if form.is_valid():
        try:
            actions.share_record(
                request.user,
                record_obj,
                form.cleaned_data["space"],
                form.cleaned_data["note"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Shared into %(space)s.") % {"space": form.cleaned_data["space"]},
            )
    else:
        messages.error(request, _("Choose a joint space you take part in."))
    return redirect(record_obj)


@login_required
@require_POST
def withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    share = get_object_or_404(Share.objects.select_related("space"), pk=pk)
    try:
        actions.withdraw_share(request.user, share)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The record is no longer shared into this space."))
    return redirect(share.space)
