"""The polling station's pages beside the booth: the credential authority's
replacement of lost and stolen codes, the polling table's provisional ballots
(issued by the election's administrator, decided by her and an observer), and the
polling table's console (check-in, assisted voting, incidents)."""

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
from .forms import (
    AuthorityKeyForm,
    CheckInForm,
    DecisionForm,
    IncidentForm,
    ProvisionalForm,
    ReplacementForm,
)
from .models import CheckIn, Election, Voter
from .rules import DECIDE, ISSUE, KEEP, VIEW


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


@login_required
def console(request: AuthedRequest, uid: str) -> HttpResponse:
    """The polling-table console at the gate: a worker found by her worker number
    or CURP (posted, so that no CURP is written in an address), her ID shown to
    compare with her card, her status, her check-in (assisted or not); the
    incidents of the day."""
    obj: Election = get_changeable(request.user, Election, KEEP, view=VIEW, uid=uid)
    here = reverse("elections:console", args=[obj.uid])
    sees_participation = request.user.has_perm("elections.view_participation", obj)
    check_in_form = CheckInForm(request.POST if "voter" in request.POST else None)
    incident_form = IncidentForm(request.POST if "text" in request.POST else None)
    query = request.POST.get("find", "").strip()[:40]
    found = selectors.find_worker(obj, query) if query else None
    done = None
    if "voter" in request.POST:
        done = run_action(
            request,
            lambda data: actions.check_in(
                request.user, obj, _roll_line(obj, data.pop("voter")), **data
            ),
            _("Checked in."),
            form=check_in_form,
            then=here,
        )
    elif "text" in request.POST:
        done = run_action(
            request,
            lambda data: actions.record_incident(request.user, obj, data["text"]),
            _("The incident is recorded."),
            form=incident_form,
            then=here,
        )
    if done is not None:
        return done
    if found is not None and found.voter is not None and not check_in_form.is_bound:
        check_in_form = CheckInForm(initial={"voter": found.voter.pk})
    return render(
        request,
        "elections/console.html",
        {"election": obj, "query": query, "found": found,
         "statuses": _statuses_shown(found, sees_participation),
         "checked_in": _checked_in(found),
         "check_in_form": check_in_form, "incident_form": incident_form,
         "sees_participation": sees_participation,
         "check_ins": selectors.check_ins(obj) if sees_participation else None,
         "check_in_count": obj.check_ins.count(),
         "incidents": selectors.incidents(obj)},
    )  # fmt: skip


def _roll_line(election: Election, pk: int) -> Voter:
    voter = selectors.roll_line(election, pk)
    if voter is None:
        raise Http404
    return voter


def _statuses_shown(found, sees_participation: bool) -> list:
    """Whether she voted is part of the list of who voted: shown only to those
    the election's setting names; an exclusion by law is always shown."""
    if found is None:
        return []
    if sees_participation:
        return found.statuses
    return [s for s in found.statuses if s == selectors.WorkerStatus.EXCLUDED]


def _checked_in(found) -> CheckIn | None:
    if found is None or found.voter is None:
        return None
    return selectors.check_in_of(found.voter)
