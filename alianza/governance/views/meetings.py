"""A meeting's page, its live panel and projector; scheduling and opening it,
who is present, the speakers list and the agenda."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.bodies.models import Body
from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible
from alianza.lib.written import prefetch_translations
from alianza.orgs.selectors import visible_people

from .. import actions, selectors
from ..forms import (
    AgendaItemForm,
    AmendmentForm,
    FollowUpForm,
    FollowUpUpdateForm,
    MeetingForm,
    MotionForm,
    OpenVoteForm,
)
from ..models import AgendaItem, Attendance, Ballot, Meeting, Motion, SpeakerRequest
from ..selectors import (
    agenda,
    agenda_minutes,
    ballot_seats,
    floor_seat,
    live_state,
    seat_of,
)


@login_required
def meeting(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    runs = request.user.has_perm("governance.run_meeting", obj)
    own = seat_of(request.user, obj)
    sitting = floor_seat(request.user, obj)
    present = selectors.attendance_by_seat(obj)
    motions = selectors.motions_on_page(obj)
    lines = agenda(obj)
    prefetch_translations([line.item for line in lines])
    seats = prefetch_translations(selectors.seats_at(obj))
    prefetch_translations(motions)
    prefetch_translations([fu for m in motions for fu in m.follow_ups.all()])
    proxies = selectors.proxies_at(obj)
    my_seats = ballot_seats(request.user, obj)
    # The seats she records for besides her own (marks present, gives or withdraws
    # a proxy on paper): the chair's on a union's body, her union's on a joint body.
    acts_for = {
        seat.pk
        for seat in seats
        if request.user.has_perm(
            "governance.check_in_seat", Attendance(meeting=obj, seat=seat)
        )
    }
    context = {
        **live_state(obj),
        "runs": runs,
        "own_seat": own,
        "sitting": sitting,
        "present": present,
        "seats": seats,
        "agenda": lines,
        "agenda_total": agenda_minutes(lines),
        "agenda_form": AgendaItemForm(meeting=obj),
        "motions": motions,
        "moves": {m.pk: selectors.allowed_moves(m) for m in motions},
        "statuses": dict(Motion.Status.choices),
        "motion_form": MotionForm(initial={"language": obj.language}, meeting=obj),
        "amend_form": AmendmentForm(initial={"language": obj.language}),
        "follow_up_form": FollowUpForm(people=visible_people(request.user)),
        "follow_up_update_form": FollowUpUpdateForm(),
        "vote_form": OpenVoteForm(),
        "speak_kinds": SpeakerRequest.Kind.choices,
        "choices": Ballot.Choice.choices,
        "ballot_seats": my_seats,
        "proxies": proxies,
        "carriers": [s for s in seats if s.counts_for_quorum and s.pk in present],
        "acts_for_seats": acts_for,
        "paper_givers": [
            s
            for s in seats
            if s.pk in acts_for
            and s.counts_for_quorum
            and s.holder_id
            and s.pk not in present
        ],
        "may_give_proxy": own is not None
        and own.counts_for_quorum
        and own.pk not in present
        and obj.body.proxy_limit > 0,
        "my_ballots": {
            v.pk: {b.seat_id: b.choice for b in v.ballots.all()}
            for m in motions
            for v in m.votes.all()
        },
        "can_forward": runs and obj.body.space_id is not None,
        # The same for every motion: the executive bodies of the space's unions.
        "receiving": selectors.receiving_bodies(motions[0])
        if runs and obj.body.space_id and motions
        else [],
        "manages_body": request.user.has_perm("bodies.change_body", obj.body),
        # The follow-ups whose progress the person reports (their owner, or the body's).
        "reports_on": {
            fu.pk
            for m in motions
            for fu in m.follow_ups.all()
            if request.user.has_perm("governance.update_follow_up", fu)
        },
        "minutes": selectors.minutes_of(obj),
    }
    return render(request, "governance/meeting.html", context)


@login_required
def live(request: AuthedRequest, pk: int) -> HttpResponse:
    """The part of the meeting page every screen refreshes every two seconds."""
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    return render(request, "governance/_live.html", live_state(obj))


@login_required
def projector(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    return render(request, "governance/projector.html", live_state(obj))


@login_required
def meeting_new(request: AuthedRequest) -> HttpResponse:
    body: Body = get_changeable(
        request.user, Body, "bodies.change_body", view="bodies.view_body",
        pk=request.GET.get("body") or 0,
    )  # fmt: skip
    form = MeetingForm(
        request.POST or None, initial={"language": body.language}, zone=body.zone_key
    )
    done = run_action(
        request,
        lambda data: actions.schedule_meeting(request.user, body, **data),
        _("The meeting was scheduled."),
        form=form,
    )
    return done or render(
        request, "governance/meeting_form.html", {"form": form, "body": body}
    )


@login_required
@require_POST
def meeting_status(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    status = request.POST.get("status", "")
    return run_action(
        request,
        lambda: actions.set_meeting_status(request.user, obj, status),
        _("Saved."),
        then=obj,
    )


@login_required
@require_POST
def check_in(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    seat = selectors.posted_seat(obj, request.POST.get("seat"))
    return run_action(
        request,
        lambda: actions.check_in(request.user, obj, seat),
        _("Marked present."),
        then=obj,
    )


@login_required
@require_POST
def speak(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    kind = request.POST.get("kind", SpeakerRequest.Kind.SPEAK)
    seat = selectors.posted_seat(obj, request.POST.get("seat"))
    return run_action(
        request,
        lambda: actions.request_to_speak(request.user, obj, kind, seat),
        _("On the speakers list."),
        then=obj,
    )


@login_required
@require_POST
def next_speaker(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    return run_action(
        request,
        lambda: actions.next_speaker(request.user, obj),
        _("Next speaker."),
        then=obj,
    )


@login_required
@require_POST
def speaking_limit(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    try:
        seconds = int(request.POST.get("seconds", ""))
    except ValueError:
        seconds = 0
    return run_action(
        request,
        lambda: actions.set_speaking_limit(request.user, obj, seconds),
        _("Saved."),
        then=obj,
    )


@login_required
@require_POST
def agenda_add(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_changeable(
        request.user, selectors.meetings(), "governance.run_meeting",
        view="governance.view_meeting", pk=pk,
    )  # fmt: skip
    return run_action(
        request,
        lambda data: actions.add_agenda_item(request.user, obj, **data),
        _("The item was added to the agenda."),
        form=AgendaItemForm(request.POST, meeting=obj),
        then=obj,
    )


@login_required
@require_POST
def agenda_current(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    item = None
    if request.POST.get("item"):
        item = get_object_or_404(AgendaItem, pk=request.POST["item"], meeting=obj)
    return run_action(
        request,
        lambda: actions.set_current_item(request.user, obj, item),
        _("Saved."),
        then=obj,
    )
