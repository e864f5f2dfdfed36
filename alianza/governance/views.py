from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.bodies.models import Body, Seat
from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible, require
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
    FollowUp,
    Forwarding,
    Meeting,
    Minutes,
    Motion,
    Proxy,
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
    form = MeetingForm(request.POST or None, initial={"language": body.language})
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
    seat = None
    if request.POST.get("seat"):
        seat = get_object_or_404(Seat, pk=request.POST["seat"], body=obj.body)
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
    seat = None
    if request.POST.get("seat"):
        seat = get_object_or_404(Seat, pk=request.POST["seat"], body=obj.body)
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


@login_required
@require_POST
def proxy_give(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    carrier = get_object_or_404(
        Seat, pk=request.POST.get("carrier") or 0, body=obj.body
    )
    giver = None
    if request.POST.get("giver"):
        giver = get_object_or_404(Seat, pk=request.POST["giver"], body=obj.body)
    return run_action(
        request,
        lambda: actions.give_proxy(request.user, obj, carrier, giver),
        _("The proxy was recorded."),
        then=obj,
    )


@login_required
@require_POST
def proxy_withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    proxy: Proxy = get_visible(
        request.user, selectors.proxies(), "governance.view_proxy", pk=pk
    )
    return run_action(
        request,
        lambda: actions.withdraw_proxy(request.user, proxy),
        _("The proxy was withdrawn."),
        then=proxy.meeting,
    )


@login_required
@require_POST
def vote_open(request: AuthedRequest, pk: int) -> HttpResponse:
    motion: Motion = get_visible(
        request.user, selectors.motions(), "governance.view_motion", pk=pk
    )
    return run_action(
        request,
        lambda data: actions.open_vote(request.user, motion, **data),
        _("The vote is open."),
        form=OpenVoteForm(request.POST),
        then=motion.meeting,
        invalid=_("Choose how to vote and the rule that decides."),
    )


@login_required
@require_POST
def ballot(request: AuthedRequest, pk: int) -> HttpResponse:
    vote: Vote = get_visible(
        request.user, selectors.votes(), "governance.view_vote", pk=pk
    )
    obj = vote.motion.meeting
    choice = request.POST.get("choice", "")
    seat = None
    if request.POST.get("seat"):
        seat = get_object_or_404(Seat, pk=request.POST["seat"], body=obj.body)
    return run_action(
        request,
        lambda: actions.cast_ballot(request.user, vote, choice, seat),
        _("Your vote was recorded."),
        then=obj,
    )


@login_required
@require_POST
def hands(request: AuthedRequest, pk: int) -> HttpResponse:
    vote: Vote = get_visible(
        request.user, selectors.votes(), "governance.view_vote", pk=pk
    )
    obj = vote.motion.meeting
    try:
        counts = {
            k: int(request.POST.get(k, "0") or 0) for k in ("yes", "no", "abstain")
        }
    except ValueError:
        messages.error(request, _("Count the hands as whole numbers."))
        return redirect(obj)
    return run_action(
        request,
        lambda: actions.record_hands(request.user, vote, **counts),
        _("The count was recorded."),
        then=obj,
    )


@login_required
@require_POST
def vote_close(request: AuthedRequest, pk: int) -> HttpResponse:
    vote: Vote = get_visible(
        request.user, selectors.votes(), "governance.view_vote", pk=pk
    )
    return run_action(
        request,
        lambda: actions.close_vote(request.user, vote),
        _("The vote is closed."),
        then=vote.motion.meeting,
    )


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


# --- Minutes ---------------------------------------------------------------------


@login_required
def minutes(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    record = selectors.minutes_of(obj)
    runs = request.user.has_perm("governance.run_meeting", obj)
    form = None
    if request.user.has_perm("governance.edit_minutes", record):
        assert record is not None
        form = MinutesForm(request.POST or None, initial={"text": record.text})
        done = run_action(
            request,
            lambda data: actions.save_minutes(request.user, record, data["text"]),
            _("The minutes were saved."),
            form=form,
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
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    return run_action(
        request,
        lambda: actions.draft_minutes(request.user, obj),
        _("The minutes were assembled from the meeting's record."),
        then=reverse("governance:minutes", args=[obj.pk]),
    )


@login_required
@require_POST
def minutes_approve(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    record = get_object_or_404(Minutes, meeting=obj)
    at = get_object_or_404(Meeting, pk=request.POST.get("at") or 0, body=obj.body)
    return run_action(
        request,
        lambda: actions.approve_minutes(request.user, record, at),
        _("The minutes were approved."),
        then=reverse("governance:minutes", args=[obj.pk]),
    )


@login_required
def minutes_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    record = get_object_or_404(Minutes, meeting=obj)
    second = request.GET.get("with", "")
    missing = selectors.translation_missing(record, second)
    if missing:
        messages.error(request, missing)
        return redirect("governance:minutes", obj.pk)
    data = selectors.minutes_pdf(record, second)
    name = f"minutes-{obj.starts_at:%Y-%m-%d}{'-' + record.language + '-' + second if second else ''}.pdf"
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
