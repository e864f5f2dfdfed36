from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible
from alianza.lib.written import prefetch_translations
from alianza.multilingual.text import render_for
from alianza.orgs.models import Organisation, folded
from alianza.orgs.selectors import visible_people
from alianza.spaces.forms import share_panel
from alianza.spaces.models import JointSpace

from . import actions, selectors
from .forms import BodyForm, BodyRulesForm, SeatForm
from .models import Body, Seat
from .workflow import motion_state_choices


@login_required
def bodies(request: AuthedRequest) -> HttpResponse:
    listing = prefetch_translations(selectors.body_listing(request.user))
    prefetch_translations([b.space for b in listing if b.space_id])
    # In the order of the names the reader reads.
    language = get_language() or "en"
    listing.sort(key=lambda b: folded(render_for(b, "name", language).text))
    return render(request, "bodies/bodies.html", {"bodies": listing})


def _body_context(request: HttpRequest, body: Body) -> dict:
    user = request.user
    may_manage = user.has_perm("bodies.change_body", body)
    seats = prefetch_translations(selectors.seats_of(body))
    spaces = selectors.spaces_to_share_into(user, body)
    seat_form = None
    if may_manage:
        seat_form = SeatForm(
            people=visible_people(user),
            body=body,
            unions=selectors.unions_adding_seats(user, body),
        )
    return {
        "body": body,
        "seats": seats,
        "voting_count": sum(1 for s in seats if s.counts_for_quorum),
        "observer_count": sum(1 for s in seats if s.is_observer),
        "quorum": body.quorum_required(),
        "may_manage": may_manage,
        # On a joint body each union changes only its own delegation's seats.
        "changeable_seats": {
            s.pk for s in seats if may_manage and user.has_perm("bodies.change_seat", s)
        },
        "seat_form": seat_form,
        **share_panel(user, body, may_manage, spaces),
        "meetings": prefetch_translations(body.meetings.all()[:20]),
    }


@login_required
def body_new(request: AuthedRequest) -> HttpResponse:
    """Create a body of an organisation (?organisation=slug) or a joint space (?space=slug)."""
    organisation: Organisation | None = None
    space: JointSpace | None = None
    if request.GET.get("space"):
        space = get_changeable(
            request.user, JointSpace, "spaces.change_jointspace",
            slug=request.GET["space"],
        )  # fmt: skip
        owner: object = space
    else:
        organisation = get_changeable(
            request.user, Organisation, "orgs.add_body",
            slug=request.GET.get("organisation", ""),
        )  # fmt: skip
        owner = organisation
    form = BodyForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    done = run_action(
        request,
        lambda data: actions.create_body(
            request.user, organisation=organisation, space=space, **data
        ),
        _("%(name)s was created."),
        form=form,
    )
    return done or render(
        request, "bodies/body_form.html", {"form": form, "owner": owner}
    )


@login_required
def body(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Body = get_visible(request.user, selectors.bodies(), "bodies.view_body", pk=pk)
    return render(request, "bodies/body.html", _body_context(request, obj))


@login_required
@require_POST
def seat_add(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Body = get_changeable(
        request.user, Body, "bodies.change_body", view="bodies.view_body", pk=pk
    )
    # Any union may be named: the action refuses, and says why, a seat for a union
    # she does not act for on a joint body (the page offers her own only).
    form = SeatForm(request.POST, people=visible_people(request.user), body=obj)
    done = run_action(
        request,
        lambda data: actions.assign_seat(request.user, obj, **data),
        _("The seat was added."),
        form=form,
    )
    if done:
        return done  # to the body's page, where the seat is
    context = _body_context(request, obj)
    context["seat_form"] = form
    return render(request, "bodies/body.html", context, status=400)


@login_required
@require_POST
def seat_rights(request: AuthedRequest, pk: int) -> HttpResponse:
    # Whether she may change this seat is the action's question (on a joint body,
    # only the seat's own union), answered with a message that says why.
    seat: Seat = get_visible(request.user, selectors.seats(), "bodies.view_seat", pk=pk)
    if request.POST.get("vacate"):
        return run_action(
            request,
            lambda: actions.vacate_seat(request.user, seat),
            _("The seat is now vacant."),
            then=seat.body,
        )
    return run_action(
        request,
        lambda: actions.set_seat_rights(
            request.user,
            seat,
            can_speak=bool(request.POST.get("can_speak")),
            can_vote=bool(request.POST.get("can_vote")),
        ),
        _("The seat's rights were saved."),
        then=seat.body,
    )


@login_required
def body_rules(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Body = get_changeable(
        request.user, Body, "bodies.change_body", view="bodies.view_body", pk=pk
    )
    form = BodyRulesForm(
        request.POST or None,
        initial={
            "quorum_rule": obj.quorum_rule,
            "quorum_number": obj.quorum_number,
            "proxy_limit": obj.proxy_limit,
            "motion_supporters": obj.motion_supporters,
            "motion_states": obj.motion_states
            or [s for s, _l in motion_state_choices()],
            "time_zone": obj.time_zone,
        },
    )
    done = run_action(
        request,
        lambda data: actions.update_rules(request.user, obj, **data),
        _("The rules of %(name)s were saved."),
        form=form,
    )
    return done or render(
        request, "bodies/body_rules.html", {"form": form, "body": obj}
    )
