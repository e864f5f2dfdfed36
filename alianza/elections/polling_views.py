"""The polling station's two pages beside the booth: the credential authority's
replacement of lost and stolen codes, and the polling table's provisional
ballots (issued by the election's administrator, decided by her and an observer)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable

from . import actions, selectors
from .forms import AuthorityKeyForm, DecisionForm, ProvisionalForm, ReplacementForm
from .models import Election

VIEW = "elections.view_election"
ISSUE = "elections.issue_credentials"
DECIDE = "elections.decide_provisional"


@login_required
def codes(request: AuthedRequest, uid: str) -> HttpResponse:
    """The credential authority publishes its key, then replaces a worker's lost or
    stolen code with the signed event its program printed."""
    obj: Election = get_changeable(request.user, Election, ISSUE, view=VIEW, uid=uid)
    here = reverse("elections:codes", args=[obj.uid])
    key_form = AuthorityKeyForm(request.POST if "public_key" in request.POST else None)
    form = ReplacementForm(request.POST if "replacement" in request.POST else None)
    if "public_key" in request.POST:
        done = run_action(
            request,
            lambda data: actions.publish_authority_key(
                request.user, obj, data["public_key"]
            ),
            _("The authority's key is on the board."),
            form=key_form,
            then=here,
        )
    else:
        done = run_action(
            request,
            lambda data: actions.replace_credential(
                request.user, obj, data["replacement"]
            ),
            _("The code was replaced: give the worker her new code."),
            form=form,
            then=here,
        )
    if done is not None:
        return done
    return render(
        request,
        "elections/codes.html",
        {"election": obj, "key_form": key_form, "form": form,
         "lines": selectors.credentials_for_authority(obj),
         "replacements": selectors.replacements(obj)},
    )  # fmt: skip


@login_required
def polling_table(request: AuthedRequest, uid: str) -> HttpResponse:
    """The provisional ballots: issued here by the administrator (the code drawn
    in this browser), decided by her and an observer."""
    obj: Election = get_changeable(request.user, Election, DECIDE, view=VIEW, uid=uid)
    form = ProvisionalForm(request.POST or None)
    done = run_action(
        request,
        lambda data: actions.issue_provisional(request.user, obj, **data),
        _("%(name)s may vote now with her provisional code."),
        form=form,
        then=reverse("elections:polling_table", args=[obj.uid]),
    )
    if done is not None:
        return done
    return render(
        request,
        "elections/polling_table.html",
        {"election": obj, "form": form,
         "may_issue": request.user.has_perm("elections.issue_provisional", obj),
         "workers": selectors.provisional_voters(obj)},
    )  # fmt: skip


@login_required
@require_POST
def provisional_decision(request: AuthedRequest, uid: str, pk: int) -> HttpResponse:
    obj: Election = get_changeable(request.user, Election, DECIDE, view=VIEW, uid=uid)
    worker = selectors.provisional_voter(obj, pk)
    if worker is None:
        raise Http404
    return run_action(
        request,
        lambda data: actions.decide_provisional(request.user, worker, data["accepted"]),
        _("Your answer is recorded."),
        form=DecisionForm(request.POST),
        then=reverse("elections:polling_table", args=[obj.uid]),
    )  # fmt: skip
