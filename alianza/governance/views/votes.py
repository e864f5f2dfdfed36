"""Proxies and votes: giving and withdrawing a proxy, opening a vote, named
ballots, a count of hands, closing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_visible

from .. import actions, selectors
from ..forms import OpenVoteForm
from ..models import Meeting, Motion, Proxy, Vote


@login_required
@require_POST
def proxy_give(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    carrier = selectors.posted_seat(obj, request.POST.get("carrier"), required=True)
    assert carrier is not None  # required: a missing seat is a 404
    giver = selectors.posted_seat(obj, request.POST.get("giver"))
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
    seat = selectors.posted_seat(obj, request.POST.get("seat"))
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
