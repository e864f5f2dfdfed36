from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from alianza.bodies.models import Body
from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible
from alianza.lib.table_export import download
from alianza.orgs.models import Organisation
from alianza.orgs.selectors import visible_people

from . import actions, selectors
from .forms import ElectionForm, JointBallotForm, RoleForm, RollForm
from .models import Election, Role, StepAgreement, Voter
from .outcome import outcome_of, result_bars, rule_in_words
from .roll_lines import marks_exclusions
from .rules import CHANGE, PARTICIPATION, ROLL, VIEW


@login_required
def elections(request: AuthedRequest) -> HttpResponse:
    return render(
        request,
        "elections/elections.html",
        {
            "elections": selectors.visible_elections(request.user),
            "managed": selectors.organisations_holding_elections(request.user),
            "joint_bodies": selectors.joint_bodies_holding_ballots(request.user),
        },
    )


@login_required
def election_new(request: AuthedRequest) -> HttpResponse:
    organisation: Organisation = get_changeable(
        request.user,
        Organisation,
        "elections.add_election",
        slug=request.GET.get("organisation", ""),
    )
    form = ElectionForm(
        request.POST or None,
        organisation=organisation,
        initial={"language": organisation.default_language},
    )
    done = run_action(
        request,
        lambda data: actions.create_election(request.user, organisation, **data),
        _(
            "%(name)s was created. Name its trustees and credential authority, then import the roll."
        ),
        form=form,
    )
    return done or render(
        request,
        "elections/election_form.html",
        {"form": form, "organisation": organisation},
    )


@login_required
def joint_ballot_new(request: AuthedRequest, body: int) -> HttpResponse:
    """A coordinating union proposes a secret ballot of a joint body; it is held
    once every coordinating union of the body's space has agreed."""
    obj: Body = get_changeable(
        request.user,
        Body,
        "elections.add_joint_ballot",
        view="bodies.view_body",
        pk=body,
    )
    form = JointBallotForm(request.POST or None, initial={"language": obj.language})
    done = run_action(
        request,
        lambda data: actions.propose_joint_ballot(request.user, obj, **data),
        _(
            "%(name)s was proposed. It is held when every coordinating union has "
            "agreed; meanwhile each union names its trustees and keeps its delegates' "
            "lines."
        ),
        form=form,
    )
    return done or render(
        request, "elections/joint_ballot_form.html", {"form": form, "body": obj}
    )


@login_required
def election(request: AuthedRequest, uid: str) -> HttpResponse:
    obj: Election = get_visible(
        request.user, selectors.elections_with_owners(), VIEW, uid=uid
    )
    manages = request.user.has_perm(CHANGE, obj)
    # Offered to a coordinating union that has not agreed to hold the ballot yet.
    hold_awaited = obj.is_joint and bool(
        selectors.unions_yet_to_agree(obj, StepAgreement.Kind.HOLD)
    )
    may_agree_to_hold = hold_awaited and selectors.awaits_agreement_of(
        request.user, obj, StepAgreement.Kind.HOLD
    )
    ceremony = selectors.ceremony_state(obj) if obj.params else None
    return render(
        request,
        "elections/election.html",
        {
            "election": obj,
            "manages": manages,
            "changes_roll": request.user.has_perm(ROLL, obj),
            "sees_participation": request.user.has_perm(PARTICIPATION, obj),
            "hold_awaited": hold_awaited,
            "may_agree_to_hold": may_agree_to_hold,
            "mine": selectors.parts_of(request.user, obj),
            "roles": selectors.parts(obj),
            "authority_is_independent": selectors.authority_is_independent(obj),
            "steps": selectors.timeline(obj),
            "pending_steps": selectors.pending_steps(obj),
            **selectors.turnout(obj),
            "rule": rule_in_words(obj),
            "outcome": outcome_of(obj),
            "bars": result_bars(obj) if obj.result_is_published or manages else [],
            "ceremony": ceremony,
            "progress": selectors.ceremony_progress(obj) if obj.awaits_trustees else [],
            "role_form": RoleForm(
                people=visible_people(request.user), joint=obj.is_joint
            )
            if manages
            else None,
            "roll_form": RollForm() if manages else None,
            "server": request.build_absolute_uri("/").rstrip("/"),
        },
    )


@login_required
@require_POST
def role_add(request: AuthedRequest, uid: str) -> HttpResponse:
    obj: Election = get_changeable(request.user, Election, CHANGE, view=VIEW, uid=uid)

    def assign(data: dict) -> None:
        actions.assign_role(request.user, obj, data["person"], data["kind"])
        if selectors.authority_is_independent(obj) is False and (
            data["kind"] == Role.Kind.CREDENTIAL_AUTHORITY
        ):
            messages.warning(
                request,
                _(
                    "The credential authority belongs to the union running the vote: "
                    "she makes every worker's code, so the union could vote in their "
                    "place. The acta will say so. Name a person outside the union if "
                    "you can."
                ),
            )

    return run_action(
        request,
        assign,
        _("The part was assigned."),
        form=RoleForm(request.POST, people=visible_people(request.user)),
        then=obj,
        invalid=_("Choose a person and a part."),
    )  # fmt: skip


@login_required
@require_POST
def name_officers(request: AuthedRequest, uid: str) -> HttpResponse:
    """A meeting's secret ballot: the body's officers as its trustees and
    credential authority, in one choice."""
    obj: Election = get_changeable(request.user, Election, CHANGE, view=VIEW, uid=uid)
    return run_action(
        request,
        lambda: actions.name_officers(request.user, obj),
        _("The body's officers are named: its trustees and credential authority."),
        then=obj,
    )


DONE = {
    "hold": gettext_lazy("Every coordinating union has agreed: the ballot is held."),
    "begin": gettext_lazy("The trustees can now make the election key."),
    "keys_now": gettext_lazy("The key was made with the qualified trustees."),
    "open": gettext_lazy("The election is open."),
    "close": gettext_lazy("The election is closed and the ballots are added up."),
    "publish": gettext_lazy("The result is published."),
}


@login_required
@require_POST
def step(request: AuthedRequest, uid: str) -> HttpResponse:
    obj: Election = get_changeable(request.user, Election, CHANGE, view=VIEW, uid=uid)
    step_name = request.POST.get("do", "")
    do = actions.STEPS.get(step_name)
    if do is None:
        messages.error(request, _("Unknown step."))
        return redirect(obj)
    done = DONE[step_name]

    def take() -> Election:
        election = do(request.user, obj)
        if selectors.unions_yet_to_agree(election, step_name):
            messages.info(
                request,
                _(
                    "Your union agreed to this step. It is taken when every "
                    "coordinating union has agreed."
                ),
            )
        else:
            messages.success(request, str(done))
        return election

    return run_action(request, take, "", then=obj)


@login_required
def voters(request: AuthedRequest, uid: str) -> HttpResponse:
    obj: Election = get_changeable(
        request.user, selectors.elections_with_owners(), ROLL, view=VIEW, uid=uid
    )
    form = RollForm(request.POST or None, request.FILES or None)

    def page(report=None) -> HttpResponse:
        if report is not None and report.ok:
            messages.success(
                request,
                ngettext(
                    "%(count)s voter was added to the roll.",
                    "%(count)s voters were added to the roll.",
                    report.saved,
                )
                % {"count": report.saved},
            )
            return redirect("elections:voters", obj.uid)
        # A file with faulty lines: nothing was imported; the report names each line.
        rows = Paginator(selectors.roll_with_unions(obj), 100).get_page(
            request.GET.get("page")
        )
        changeable = {
            v.pk for v in rows if request.user.has_perm("elections.change_voter", v)
        }
        return render(
            request,
            "elections/voters.html",
            {"election": obj, "page": rows, "form": form, "report": report,
             "frozen": obj.roll_frozen_at is not None, "changeable": changeable,
             "marks_exclusions": marks_exclusions(obj),
             "exclusions": Voter.Exclusion.choices},
        )  # fmt: skip

    done = run_action(
        request,
        lambda data: actions.import_roll(
            request.user, obj, data["file"].name, data["file"].read()
        ),
        "",
        form=form,
        answer=page,
    )
    return done or page()


@login_required
@require_POST
def voter_correct(request: AuthedRequest, uid: str, pk: int) -> HttpResponse:
    """Correct one line of the roll before it is frozen; the change is audited."""
    obj: Election = get_changeable(request.user, Election, ROLL, view=VIEW, uid=uid)
    voter: Voter = get_visible(request.user, selectors.roll(obj), None, pk=pk)
    fields = ("name", "worker_number", "curp", "email", "phone", "weight", "excluded")
    changes = {f: request.POST[f].strip() for f in fields if f in request.POST}
    return run_action(
        request,
        lambda: actions.correct_voter(request.user, voter, **changes),
        _("The correction was saved and recorded."),
        then=reverse("elections:voters", args=[obj.uid]),
    )


@login_required
@require_POST
def voter_remove(request: AuthedRequest, uid: str, pk: int) -> HttpResponse:
    """Take a line off the roll before it is frozen; the removal is audited."""
    obj: Election = get_changeable(request.user, Election, ROLL, view=VIEW, uid=uid)
    voter: Voter = get_visible(request.user, selectors.roll(obj), None, pk=pk)
    return run_action(
        request,
        lambda: actions.remove_voter(request.user, voter),
        _("The line was taken off the roll and the removal recorded."),
        then=reverse("elections:voters", args=[obj.uid]),
    )


@login_required
def participation(request: AuthedRequest, uid: str, fmt: str = "csv") -> HttpResponse:
    """The roll with who took part (never how anyone voted), for the labour
    authority, as CSV or as an Excel workbook (``fmt``)."""
    obj: Election = get_changeable(
        request.user, Election, PARTICIPATION, view=VIEW, uid=uid
    )
    return download(actions.export_participation(request.user, obj), fmt)
