from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.bodies.models import Body, Seat
from alianza.lib.forms import act, submit
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import require
from alianza.orgs.selectors import visible_people

from . import actions, selectors
from .forms import (
    AgendaItemForm,
    AmendmentForm,
    DecisionForm,
    FollowUpForm,
    FollowUpUpdateForm,
    MeetingForm,
    MinutesForm,
    MotionForm,
    OpenVoteForm,
)
from .models import (
    AgendaItem,
    Ballot,
    Forwarding,
    Meeting,
    Minutes,
    Motion,
    SpeakerRequest,
    Vote,
)
from .selectors import (
    agenda,
    agenda_minutes,
    ballot_seats,
    floor_seat,
    live_state,
    seat_of,
)


def _meeting(request: AuthedRequest, pk: int) -> Meeting:
    meeting = get_object_or_404(selectors.meetings(), pk=pk)
    require(request.user, "governance.view_meeting", meeting)
    return meeting


@login_required
def meeting(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    runs = request.user.has_perm("governance.run_meeting", obj)
    own = seat_of(request.user, obj)
    sitting = floor_seat(request.user, obj)
    present = selectors.attendance_by_seat(obj)
    motions = selectors.motions_on_page(obj)
    lines = agenda(obj)
    seats = selectors.seats_at(obj)
    proxies = selectors.proxies_at(obj)
    my_seats = ballot_seats(request.user, obj)
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
        "minutes": selectors.minutes_of(obj),
    }
    return render(request, "governance/meeting.html", context)


@login_required
def live(request: AuthedRequest, pk: int) -> HttpResponse:
    """The part of the meeting page every screen refreshes every two seconds."""
    obj = _meeting(request, pk)
    return render(request, "governance/_live.html", live_state(obj))


@login_required
def projector(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    return render(request, "governance/projector.html", live_state(obj))


@login_required
def meeting_new(request: AuthedRequest) -> HttpResponse:
    body = get_object_or_404(Body, pk=request.GET.get("body") or 0)
    require(request.user, "bodies.change_body", body)
    form = MeetingForm(request.POST or None, initial={"language": body.language})
    done = submit(
        request,
        form,
        lambda data: actions.schedule_meeting(request.user, body, **data),
        _("The meeting was scheduled."),
    )
    return done or render(
        request, "governance/meeting_form.html", {"form": form, "body": body}
    )


@login_required
@require_POST
def meeting_status(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    status = request.POST.get("status", "")
    return act(
        request,
        obj,
        lambda: actions.set_meeting_status(request.user, obj, status),
        _("Saved."),
    )


@login_required
@require_POST
def check_in(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    seat = None
    if request.POST.get("seat"):
        seat = get_object_or_404(Seat, pk=request.POST["seat"], body=obj.body)
    return act(
        request,
        obj,
        lambda: actions.check_in(request.user, obj, seat),
        _("Marked present."),
    )


@login_required
@require_POST
def speak(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    kind = request.POST.get("kind", SpeakerRequest.Kind.SPEAK)
    seat = None
    if request.POST.get("seat"):
        seat = get_object_or_404(Seat, pk=request.POST["seat"], body=obj.body)
    return act(
        request, obj, lambda: actions.request_to_speak(request.user, obj, kind, seat),
        _("On the speakers list."),
    )  # fmt: skip


@login_required
@require_POST
def next_speaker(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    return act(
        request,
        obj,
        lambda: actions.next_speaker(request.user, obj),
        _("Next speaker."),
    )


@login_required
@require_POST
def motion_add(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    form = MotionForm(request.POST, meeting=obj)
    if not form.is_valid():
        messages.error(request, _("Write the motion."))
        return redirect(obj)
    return act(
        request, obj, lambda: actions.submit_motion(request.user, obj, **form.cleaned_data),
        _("The motion was submitted."),
    )  # fmt: skip


@login_required
@require_POST
def vote_open(request: AuthedRequest, pk: int) -> HttpResponse:
    motion = get_object_or_404(selectors.motions(), pk=pk)
    obj = _meeting(request, motion.meeting_id)
    form = OpenVoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how to vote and the rule that decides."))
        return redirect(obj)
    return act(
        request, obj, lambda: actions.open_vote(request.user, motion, **form.cleaned_data),
        _("The vote is open."),
    )  # fmt: skip


def _vote(request: AuthedRequest, pk: int) -> tuple[Vote, Meeting]:
    vote = get_object_or_404(selectors.votes(), pk=pk)
    return vote, _meeting(request, vote.motion.meeting_id)


@login_required
@require_POST
def ballot(request: AuthedRequest, pk: int) -> HttpResponse:
    vote, obj = _vote(request, pk)
    choice = request.POST.get("choice", "")
    seat = None
    if request.POST.get("seat"):
        seat = get_object_or_404(Seat, pk=request.POST["seat"], body=obj.body)
    return act(
        request, obj, lambda: actions.cast_ballot(request.user, vote, choice, seat),
        _("Your vote was recorded."),
    )  # fmt: skip


@login_required
@require_POST
def hands(request: AuthedRequest, pk: int) -> HttpResponse:
    vote, obj = _vote(request, pk)
    try:
        counts = {
            k: int(request.POST.get(k, "0") or 0) for k in ("yes", "no", "abstain")
        }
    except ValueError:
        messages.error(request, _("Count the hands as whole numbers."))
        return redirect(obj)
    return act(
        request, obj, lambda: actions.record_hands(request.user, vote, **counts),
        _("The count was recorded."),
    )  # fmt: skip


@login_required
@require_POST
def vote_close(request: AuthedRequest, pk: int) -> HttpResponse:
    vote, obj = _vote(request, pk)
    return act(
        request,
        obj,
        lambda: actions.close_vote(request.user, vote),
        _("The vote is closed."),
    )


def _form_errors(request: AuthedRequest, form) -> None:
    for errors in form.errors.values():
        messages.error(request, " ".join(errors))


@login_required
@require_POST
def speaking_limit(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    try:
        seconds = int(request.POST.get("seconds", ""))
    except ValueError:
        seconds = 0
    return act(
        request, obj, lambda: actions.set_speaking_limit(request.user, obj, seconds),
        _("Saved."),
    )  # fmt: skip


@login_required
@require_POST
def agenda_add(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    require(request.user, "governance.run_meeting", obj)
    form = AgendaItemForm(request.POST, meeting=obj)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(obj)
    return act(
        request, obj, lambda: actions.add_agenda_item(request.user, obj, **form.cleaned_data),
        _("The item was added to the agenda."),
    )  # fmt: skip


@login_required
@require_POST
def agenda_current(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    item = None
    if request.POST.get("item"):
        item = get_object_or_404(AgendaItem, pk=request.POST["item"], meeting=obj)
    return act(
        request, obj, lambda: actions.set_current_item(request.user, obj, item),
        _("Saved."),
    )  # fmt: skip


@login_required
@require_POST
def proxy_give(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    carrier = get_object_or_404(
        Seat, pk=request.POST.get("carrier") or 0, body=obj.body
    )
    giver = None
    if request.POST.get("giver"):
        giver = get_object_or_404(Seat, pk=request.POST["giver"], body=obj.body)
    return act(
        request, obj, lambda: actions.give_proxy(request.user, obj, carrier, giver),
        _("The proxy was recorded."),
    )  # fmt: skip


@login_required
@require_POST
def proxy_withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    proxy = get_object_or_404(selectors.proxies(), pk=pk)
    obj = _meeting(request, proxy.meeting_id)
    return act(
        request, obj, lambda: actions.withdraw_proxy(request.user, proxy),
        _("The proxy was withdrawn."),
    )  # fmt: skip


def _motion(request: AuthedRequest, pk: int) -> tuple[Motion, Meeting]:
    motion = get_object_or_404(selectors.motions(), pk=pk)
    return motion, _meeting(request, motion.meeting_id)


@login_required
@require_POST
def motion_support(request: AuthedRequest, pk: int) -> HttpResponse:
    motion, obj = _motion(request, pk)
    return act(
        request, obj, lambda: actions.support_motion(request.user, motion),
        _("Your support was recorded."),
    )  # fmt: skip


@login_required
@require_POST
def motion_amend(request: AuthedRequest, pk: int) -> HttpResponse:
    motion, obj = _motion(request, pk)
    form = AmendmentForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(obj)
    return act(
        request, obj, lambda: actions.amend_motion(request.user, motion, **form.cleaned_data),
        _("The amendment was submitted."),
    )  # fmt: skip


@login_required
@require_POST
def motion_move(request: AuthedRequest, pk: int) -> HttpResponse:
    motion, obj = _motion(request, pk)
    status = request.POST.get("status", "")
    note = request.POST.get("note", "")
    return act(
        request, obj, lambda: actions.move_motion(request.user, motion, status, note),
        _("Saved."),
    )  # fmt: skip


@login_required
@require_POST
def motion_forward(request: AuthedRequest, pk: int) -> HttpResponse:
    motion, obj = _motion(request, pk)
    return act(
        request, obj, lambda: actions.forward_recommendation(request.user, motion),
        _("The recommendation was forwarded to each union's executive body."),
    )  # fmt: skip


@login_required
@require_POST
def follow_up_add(request: AuthedRequest, pk: int) -> HttpResponse:
    motion, obj = _motion(request, pk)
    require(request.user, "bodies.change_body", obj.body)
    form = FollowUpForm(request.POST, people=visible_people(request.user))
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(obj)
    return act(
        request, obj, lambda: actions.add_follow_up(request.user, motion, **form.cleaned_data),
        _("The follow-up was added."),
    )  # fmt: skip


@login_required
@require_POST
def follow_up_update(request: AuthedRequest, pk: int) -> HttpResponse:
    follow_up = get_object_or_404(selectors.follow_ups(), pk=pk)
    obj = _meeting(request, follow_up.motion.meeting_id)
    require(request.user, "governance.update_follow_up", follow_up)
    form = FollowUpUpdateForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(obj)
    return act(
        request, obj,
        lambda: actions.update_follow_up(request.user, follow_up, **form.cleaned_data),
        _("Progress recorded."),
    )  # fmt: skip


@login_required
def recommendations(request: AuthedRequest, pk: int) -> HttpResponse:
    """Recommendations forwarded to a body, and its decisions on them."""
    body = get_object_or_404(Body, pk=pk)
    require(request.user, "bodies.view_body", body)
    forwardings = selectors.forwardings_to(body)
    manages = request.user.has_perm("bodies.change_body", body)
    return render(
        request,
        "governance/recommendations.html",
        {
            "body": body,
            "forwardings": forwardings,
            "manages": manages,
            "decision_form": DecisionForm(initial={"decided_on": timezone.localdate()}),
            "meetings": selectors.unclosed_meetings(body) if manages else [],
        },
    )


def _forwarding(request: AuthedRequest, pk: int) -> Forwarding:
    forwarding = get_object_or_404(selectors.forwardings(), pk=pk)
    require(request.user, "bodies.change_body", forwarding.body)
    return forwarding


@login_required
@require_POST
def forwarding_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    forwarding = _forwarding(request, pk)
    back = reverse("governance:recommendations", args=[forwarding.body_id])
    form = DecisionForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(back)
    return act(
        request, back,
        lambda: actions.record_decision(request.user, forwarding, **form.cleaned_data),
        _("The decision was recorded."),
    )  # fmt: skip


@login_required
@require_POST
def forwarding_agenda(request: AuthedRequest, pk: int) -> HttpResponse:
    forwarding = _forwarding(request, pk)
    back = reverse("governance:recommendations", args=[forwarding.body_id])
    target = get_object_or_404(
        Meeting, pk=request.POST.get("meeting") or 0, body=forwarding.body
    )
    return act(
        request, back,
        lambda: actions.place_on_agenda(request.user, forwarding, target),
        _("The recommendation is on the meeting's agenda."),
    )  # fmt: skip


# --- Minutes ---------------------------------------------------------------------


@login_required
def minutes(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    record = selectors.minutes_of(obj)
    runs = request.user.has_perm("governance.run_meeting", obj)
    form = None
    if request.user.has_perm("governance.edit_minutes", record):
        assert record is not None
        form = MinutesForm(request.POST or None, initial={"text": record.text})
        done = submit(
            request,
            form,
            lambda data: actions.save_minutes(request.user, record, data["text"]),
            _("The minutes were saved."),
        )
        if done:
            return done
    elif request.method == "POST":
        require(request.user, "governance.edit_minutes", record)
    return render(
        request,
        "governance/minutes.html",
        {
            "meeting": obj,
            "minutes": record,
            "form": form,
            "runs": runs,
            "later": selectors.later_meetings(record)
            if record is not None and runs
            else [],
            "languages": [
                (code, name)
                for code, name in settings.LANGUAGES
                if record is not None
                and code != record.language
                and code in record.translations_for("text")
            ],
        },
    )


@login_required
@require_POST
def minutes_assemble(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    back = reverse("governance:minutes", args=[obj.pk])
    return act(
        request, back, lambda: actions.draft_minutes(request.user, obj),
        _("The minutes were assembled from the meeting's record."),
    )  # fmt: skip


@login_required
@require_POST
def minutes_approve(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    record = get_object_or_404(Minutes, meeting=obj)
    at = get_object_or_404(Meeting, pk=request.POST.get("at") or 0, body=obj.body)
    back = reverse("governance:minutes", args=[obj.pk])
    return act(
        request, back, lambda: actions.approve_minutes(request.user, record, at),
        _("The minutes were approved."),
    )  # fmt: skip


@login_required
def minutes_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    record = get_object_or_404(Minutes, meeting=obj)
    second = request.GET.get("with", "")
    try:
        data = selectors.minutes_pdf(record, second)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("governance:minutes", obj.pk)
    name = f"minutes-{obj.starts_at:%Y-%m-%d}{'-' + record.language + '-' + second if second else ''}.pdf"
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
