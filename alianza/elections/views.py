from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
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
from .certificate import certificate_pdf
from .delivery import texts_for_the_authority
from .forms import ElectionForm, JointBallotForm, RoleForm, RollForm
from .models import Election, Role, StepAgreement, Voter
from .outcome import outcome_of, result_bars, rule_in_words
from .roll_lines import marks_exclusions

VIEW = "elections.view_election"
CHANGE = "elections.change_election"
PARTICIPATION = "elections.view_participation"
ROLL = "elections.change_roll"
ISSUE = "elections.issue_credentials"
TRUSTEE = "elections.act_as_trustee"


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
        Body.objects.select_related("space"),
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
        rows = Paginator(selectors.roll(obj).select_related("union"), 100).get_page(
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


# --- Public pages: the board and the result ---------------------------------------


def notice(request: HttpRequest, uid: str) -> HttpResponse:
    """The vote's public page, for every covered worker without an account: when
    and where, how to vote, and the agreement's text."""
    obj: Election = get_visible(
        request.user, selectors.elections_with_owners(), None, uid=uid
    )
    return render(
        request,
        "elections/notice.html",
        {
            "election": obj,
            "booth": request.build_absolute_uri(
                reverse("elections:booth", args=[obj.uid])
            ),
        },
    )


def agreement(request: HttpRequest, uid: str) -> FileResponse:
    """The text of the agreement put to the vote, open to everyone from the day
    voters are notified (the law asks that every covered worker can read it)."""
    obj: Election = get_visible(
        request.user,
        Election.objects.select_related("contract_document"),
        None,
        uid=uid,
    )
    document = obj.contract_document
    if document is None or not obj.text_is_public:
        raise Http404
    return FileResponse(
        document.file.open("rb"), filename=document.original_name, as_attachment=False
    )


def board(request: HttpRequest, uid: str) -> HttpResponse:
    obj: Election = get_visible(
        request.user, selectors.elections_with_owners(), None, uid=uid
    )
    if obj.params is None:
        return render(
            request,
            "elections/board.html",
            {"election": obj, "events": None},
            status=404,
        )
    actions.sequence_now(obj, wait=False)  # ballots received since the last look
    tracker = " ".join(request.GET.get("tracker", "").split())
    found, standing = None, None
    if tracker:
        found = selectors.ballot_with_tracker(obj, tracker)
        standing = found and selectors.tracker_standing(obj, found)
    events = Paginator(selectors.board_events(obj), 200).get_page(
        request.GET.get("page")
    )
    head = selectors.board_head(obj)
    return render(
        request,
        "elections/board.html",
        {"election": obj, "events": events, "tracker": tracker, "found": found,
         "standing": standing, "head": head,
         "steps": selectors.timeline(obj),
         "outcome": outcome_of(obj) if obj.result_is_published else None,
         "bars": result_bars(obj) if obj.result_is_published else [],
         "rule": rule_in_words(obj)},
    )  # fmt: skip


def board_download(request: HttpRequest, uid: str) -> HttpResponse:
    obj: Election = get_visible(request.user, Election, None, uid=uid)
    response = HttpResponse(
        actions.board_bytes(obj), content_type="application/x-ndjson"
    )
    response["Content-Disposition"] = f'attachment; filename="board-{obj.uid}.jsonl"'
    return response


def certificate(request: HttpRequest, uid: str) -> HttpResponse:
    obj: Election = get_visible(
        request.user, selectors.published_elections(), None, uid=uid
    )
    response = HttpResponse(certificate_pdf(obj), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{obj.uid}.pdf"'
    return response


# --- The credential authority's page and the booth --------------------------------


@login_required
def authority(request: AuthedRequest, uid: str) -> HttpResponse:
    """The credential authority makes the codes in this browser, and prints the
    letters and the SMS gateway's file there: Alianza receives only the public
    credentials, and the codes only when she has it send e-mails or SMS itself."""
    obj: Election = get_changeable(request.user, Election, ISSUE, view=VIEW, uid=uid)
    return render(
        request,
        "elections/authority.html",
        {
            "election": obj,
            "voters": selectors.roll_for_authority(obj),
            "texts": texts_for_the_authority(obj, request.build_absolute_uri("/")),
            "published": obj.roll_frozen_at is not None,
        },
    )


@login_required
def trustee(request: AuthedRequest, uid: str) -> HttpResponse:
    """The trustee's page: her key share is made, saved and used in this browser
    (static/alianza/booth/trustee.js); Alianza receives only the public messages
    the trustee's program sends, through the same API endpoint."""
    obj: Election = get_changeable(
        request.user,
        Election,
        TRUSTEE,
        view=VIEW,
        message=_("You are not a trustee of this election."),
        uid=uid,
    )
    if not request.user.has_perm("elections.open_trustee_page"):
        messages.warning(
            request,
            _(
                "A trustee signs in with two-factor authentication. Connect an "
                "authenticator app on your phone, then open your trustee's page again."
            ),
        )
        return redirect("mfa_activate_totp")
    return render(
        request,
        "elections/trustee.html",
        {
            "election": obj,
            "index": selectors.trustee_index(request.user, obj),
            "server": request.build_absolute_uri("/").rstrip("/"),
        },
    )


@login_required
@require_POST
def remind_trustees(request: AuthedRequest, uid: str) -> HttpResponse:
    obj: Election = get_changeable(request.user, Election, CHANGE, view=VIEW, uid=uid)
    server = request.build_absolute_uri("/")

    def remind() -> None:
        count = actions.remind_trustees(request.user, obj, server)
        messages.success(
            request,
            ngettext(
                "%(count)s trustee was reminded by e-mail (and by text message "
                "where a phone is known).",
                "%(count)s trustees were reminded by e-mail (and by text message "
                "where a phone is known).",
                count,
            )
            % {"count": count},
        )

    return run_action(request, remind, "", then=obj)


@login_required
@require_POST
def deliver(request: AuthedRequest, uid: str) -> HttpResponse:
    import json

    obj: Election = get_changeable(request.user, Election, ISSUE, view=VIEW, uid=uid)
    # The credential authority's script posts JSON and reads the answer itself: a
    # refusal is a 422 with its text (not run_action's message and redirect).
    try:
        body = json.loads(request.body)
        secrets = {int(k): str(v) for k, v in body["codes"].items()}
        method = body["method"]
        if method not in actions.METHODS:
            raise ValueError(method)
        result = actions.deliver(
            request.user, obj, secrets, method, request.build_absolute_uri("/")
        )
    except ValidationError as error:
        return HttpResponse(
            " ".join(error.messages), status=422, content_type="text/plain"
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return HttpResponse(
            _("The request is not valid."), status=422, content_type="text/plain"
        )
    done = (
        _("%(count)s text messages were sent.")
        if method == "sms"
        else _("%(count)s e-mails were sent.")
    )
    return HttpResponse(done % {"count": result}, content_type="text/plain")


def booth(request: HttpRequest, uid: str) -> HttpResponse:
    """The voting booth: public (the secret code is the voter's proof), phone-first;
    ``?kiosk=1`` for a polling station's shared device."""
    obj: Election = get_visible(request.user, Election, None, uid=uid)
    status = 200 if obj.is_open else 409
    kiosk = request.GET.get("kiosk") == "1"
    return render(
        request,
        "elections/booth.html",
        {
            "election": obj,
            "open": status == 200,
            "kiosk": kiosk,
            # how long an idle kiosk waits, warns, and shows a receipt (seconds)
            "kiosk_times": {
                "idle": settings.KIOSK_IDLE_SECONDS,
                "warning": settings.KIOSK_WARNING_SECONDS,
                "receipt": settings.KIOSK_RECEIPT_SECONDS,
            },
            "data": {"params": obj.params, "key": obj.key, "uid": str(obj.uid)},
        },
        status=status,
    )
