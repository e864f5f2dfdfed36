from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import submit
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import require
from alianza.orgs.models import Organisation
from alianza.orgs.selectors import visible_people
from alianza.spaces.forms import ShareForm
from alianza.spaces.models import JointSpace

from . import actions, selectors
from .forms import BodyForm, BodyRulesForm, SeatForm
from .models import Body
from .workflow import motion_state_choices


@login_required
def bodies(request: AuthedRequest) -> HttpResponse:
    listing = selectors.body_listing(request.user)
    return render(request, "bodies/bodies.html", {"bodies": listing})


def _body_context(request: HttpRequest, body: Body) -> dict:
    user = request.user
    may_manage = user.has_perm("bodies.change_body", body)
    seats = selectors.seats_of(body)
    spaces = selectors.spaces_to_share_into(user, body)
    return {
        "body": body,
        "seats": seats,
        "voting_count": sum(1 for s in seats if s.counts_for_quorum),
        "observer_count": sum(1 for s in seats if s.is_observer),
        "quorum": body.quorum_required(),
        "may_manage": may_manage,
        "seat_form": SeatForm(people=visible_people(user), body=body)
        if may_manage
        else None,
        "share_form": ShareForm(spaces=spaces)
        if may_manage and spaces.exists()
        else None,
        "content_type": selectors.body_content_type_id(),
        "meetings": body.meetings.all()[:20],
    }


@login_required
def body_new(request: AuthedRequest) -> HttpResponse:
    """Create a body of an organisation (?organisation=slug) or a joint space (?space=slug)."""
    organisation = space = None
    if request.GET.get("space"):
        space = get_object_or_404(JointSpace, slug=request.GET["space"])
        require(request.user, "spaces.change_jointspace", space)
        owner: object = space
    else:
        organisation = get_object_or_404(
            Organisation, slug=request.GET.get("organisation", "")
        )
        require(request.user, "orgs.add_body", organisation)
        owner = organisation
    form = BodyForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    done = submit(
        request,
        form,
        lambda data: actions.create_body(
            request.user, organisation=organisation, space=space, **data
        ),
        _("%(name)s was created."),
    )
    return done or render(
        request, "bodies/body_form.html", {"form": form, "owner": owner}
    )


@login_required
def body(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(selectors.bodies(), pk=pk)
    require(request.user, "bodies.view_body", obj)
    return render(request, "bodies/body.html", _body_context(request, obj))


@login_required
@require_POST
def seat_add(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(Body, pk=pk)
    require(request.user, "bodies.change_body", obj)
    form = SeatForm(request.POST, people=visible_people(request.user), body=obj)
    if form.is_valid():
        data = form.cleaned_data
        try:
            actions.assign_seat(
                request.user,
                obj,
                kind=data["kind"],
                title=data["title"],
                holder=data["holder"],
                representing=data["representing"],
                alternate_for=data["alternate_for"],
            )
        except ValidationError as error:
            form.apply_error(error)
        else:
            messages.success(request, _("The seat was added."))
            return redirect(obj)
    context = _body_context(request, obj)
    context["seat_form"] = form
    return render(request, "bodies/body.html", context, status=400)


@login_required
@require_POST
def seat_rights(request: AuthedRequest, pk: int) -> HttpResponse:
    seat = get_object_or_404(selectors.seats(), pk=pk)
    try:
        if request.POST.get("vacate"):
            actions.vacate_seat(request.user, seat)
            messages.success(request, _("The seat is now vacant."))
        else:
            actions.set_seat_rights(
                request.user,
                seat,
                can_speak=bool(request.POST.get("can_speak")),
                can_vote=bool(request.POST.get("can_vote")),
            )
            messages.success(request, _("The seat's rights were saved."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(seat.body)


@login_required
def body_rules(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(Body, pk=pk)
    require(request.user, "bodies.change_body", obj)
    form = BodyRulesForm(
        request.POST or None,
        initial={
            "quorum_rule": obj.quorum_rule,
            "quorum_number": obj.quorum_number,
            "proxy_limit": obj.proxy_limit,
            "motion_supporters": obj.motion_supporters,
            "motion_states": obj.motion_states
            or [s for s, _l in motion_state_choices()],
        },
    )
    done = submit(
        request,
        form,
        lambda data: actions.update_rules(request.user, obj, **data),
        _("The rules of %(name)s were saved."),
    )
    return done or render(
        request, "bodies/body_rules.html", {"form": form, "body": obj}
    )
