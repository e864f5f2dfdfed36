from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.bodies.models import Body, Seat
from alianza.lib.forms import submit
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import require

from . import actions
from .forms import MeetingForm, MotionForm, OpenVoteForm
from .models import Ballot, Meeting, Motion, SpeakerRequest, Vote
from .selectors import quorum, seat_of


def _meeting(request: AuthedRequest, pk: int) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    require(request.user, "governance.view_meeting", meeting)
    return meeting


def _live_context(request: AuthedRequest, meeting: Meeting) -> dict:
    speakers = list(
        meeting.speakers.filter(ended_at__isnull=True).select_related("seat__holder")
    )
    current = next((s for s in speakers if s.started_at), None)
    remaining = None
    if current is not None and current.started_at is not None:
        elapsed = (timezone.now() - current.started_at).total_seconds()
        remaining = max(0, int(current.limit_seconds - elapsed))
    last_vote = (
        Vote.objects.filter(motion__meeting=meeting, closed_at__isnull=False)
        .select_related("motion")
        .order_by("-closed_at")
        .first()
    )
    return {
        "meeting": meeting,
        "quorum": quorum(meeting),
        "current": current,
        "remaining": remaining,
        "waiting": [s for s in speakers if not s.started_at],
        "last_vote": last_vote,
    }


@login_required
def meeting(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    runs = request.user.has_perm("governance.run_meeting", obj)
    own = seat_of(request.user, obj)
    present = set(obj.attendance.values_list("seat_id", flat=True))
    motions = list(obj.motions.prefetch_related("votes__ballots"))
    context = {
        **_live_context(request, obj),
        "runs": runs,
        "own_seat": own,
        "present": present,
        "seats": obj.body.seats.select_related("holder", "representing"),
        "motions": motions,
        "motion_form": MotionForm(initial={"language": obj.language}),
        "vote_form": OpenVoteForm(),
        "speak_kinds": SpeakerRequest.Kind.choices,
        "choices": Ballot.Choice.choices,
        "my_ballots": {
            b.vote_id: b.choice
            for m in motions
            for v in m.votes.all()
            for b in v.ballots.all()
            if own is not None and b.seat_id == own.pk
        },
    }
    return render(request, "governance/meeting.html", context)


@login_required
def live(request: AuthedRequest, pk: int) -> HttpResponse:
    """The part of the meeting page every screen refreshes every two seconds."""
    obj = _meeting(request, pk)
    return render(request, "governance/_live.html", _live_context(request, obj))


@login_required
def projector(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    return render(request, "governance/projector.html", _live_context(request, obj))


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


def _act(
    request: AuthedRequest, meeting: Meeting, do: Callable[[], object], done: str
) -> HttpResponse:
    try:
        do()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(meeting)


@login_required
@require_POST
def meeting_status(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    status = request.POST.get("status", "")
    return _act(
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
    return _act(
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
    return _act(
        request, obj, lambda: actions.request_to_speak(request.user, obj, kind),
        _("You are on the speakers list."),
    )  # fmt: skip


@login_required
@require_POST
def next_speaker(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    return _act(
        request,
        obj,
        lambda: actions.next_speaker(request.user, obj),
        _("Next speaker."),
    )


@login_required
@require_POST
def motion_add(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _meeting(request, pk)
    form = MotionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the motion."))
        return redirect(obj)
    return _act(
        request, obj, lambda: actions.submit_motion(request.user, obj, **form.cleaned_data),
        _("The motion was submitted."),
    )  # fmt: skip


@login_required
@require_POST
def vote_open(request: AuthedRequest, pk: int) -> HttpResponse:
    motion = get_object_or_404(Motion.objects.select_related("meeting"), pk=pk)
    obj = _meeting(request, motion.meeting_id)
    form = OpenVoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how to vote and the rule that decides."))
        return redirect(obj)
    return _act(
        request, obj, lambda: actions.open_vote(request.user, motion, **form.cleaned_data),
        _("The vote is open."),
    )  # fmt: skip


def _vote(request: AuthedRequest, pk: int) -> tuple[Vote, Meeting]:
    vote = get_object_or_404(Vote.objects.select_related("motion__meeting"), pk=pk)
    return vote, _meeting(request, vote.motion.meeting_id)


@login_required
@require_POST
def ballot(request: AuthedRequest, pk: int) -> HttpResponse:
    vote, obj = _vote(request, pk)
    choice = request.POST.get("choice", "")
    return _act(
        request, obj, lambda: actions.cast_ballot(request.user, vote, choice),
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
    return _act(
        request, obj, lambda: actions.record_hands(request.user, vote, **counts),
        _("The count was recorded."),
    )  # fmt: skip


@login_required
@require_POST
def vote_close(request: AuthedRequest, pk: int) -> HttpResponse:
    vote, obj = _vote(request, pk)
    return _act(
        request,
        obj,
        lambda: actions.close_vote(request.user, vote),
        _("The vote is closed."),
    )
