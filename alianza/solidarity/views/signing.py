"""Signing a letter from outside Alianza and managing its signatories: the
invitation link a co-signer opens without an account, signatures recorded from a
confirmation on paper or by e-mail, signatories replaced or withdrawn, and the
names members and allies add to an open letter."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alianza.lib import throttle
from alianza.lib.client_address import client_address
from alianza.lib.forms import apply_error, run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible
from alianza.lib.when import for_reader

from .. import actions, selectors
from ..forms import (
    AllySignForm,
    InviteForm,
    RecordSignatureForm,
    ReplaceForm,
    SignByInvitationForm,
    WithdrawForm,
)
from ..models import Letter, Signature, SignatureInvitation

VIEW = "solidarity.view_letter"
#: Tries per address and hour of the pages anyone may post to without an account.
TRIES_PER_HOUR = 20


def _letter(request: AuthedRequest, pk: int, perm: str) -> Letter:
    return get_changeable(
        request.user, selectors.letters_with_owner(), perm, view=VIEW, pk=pk
    )


@login_required
@require_POST
def letter_invite(request: AuthedRequest, pk: int) -> HttpResponse:
    """An invitation link for a co-signing organisation's signatory, shown once."""
    user = request.user
    obj = _letter(request, pk, "solidarity.invite_signatory")

    def shown_once(made: tuple[SignatureInvitation, str]) -> HttpResponse:
        """The link is told once (only its hash is kept), on the letter's page."""
        invitation, token = made
        link = request.build_absolute_uri(
            reverse("solidarity:letter_sign_token", args=[token])
        )
        messages.success(
            request,
            _("Send this link to the person who signs for %(org)s; it works once, "
              "until %(until)s, and is shown only now: %(link)s")
            % {"org": invitation.signature.organisation,
               "until": for_reader(invitation.expires_at, "DATETIME_FORMAT"),
               "link": link},
        )  # fmt: skip
        return redirect(obj)

    return run_action(
        request,
        lambda data: actions.invite_signatory(user, obj, **data),
        "",
        form=InviteForm(request.POST),
        then=obj,
        answer=shown_once,
    )


@login_required
@require_POST
def invitation_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    invitation: SignatureInvitation = get_visible(
        request.user, selectors.invitations_with_letter(),
        "solidarity.change_signatureinvitation", pk=pk,
    )  # fmt: skip
    return run_action(
        request,
        lambda: actions.revoke_invitation(request.user, invitation),
        _("The invitation was withdrawn: its link no longer works."),
        then=invitation.letter,
    )


def _reading_language(request: HttpRequest, default: str) -> str:
    wanted = request.GET.get("lang", "")
    return wanted if wanted in dict(settings.LANGUAGES) else default


@require_http_methods(["GET", "POST"])
def letter_sign_token(request: HttpRequest, token: str) -> HttpResponse:
    """The invited signatory, without an account, reads the letter in her language
    and signs it for her organisation."""
    try:
        invitation = actions.usable_invitation(token)
    except ValidationError as error:
        return render(request, "solidarity/sign_unusable.html",
                      {"message": " ".join(error.messages)}, status=410)  # fmt: skip
    language = _reading_language(request, invitation.language)
    letter = invitation.letter
    form = SignByInvitationForm(request.POST or None)
    with translation.override(language):
        if request.method == "POST":
            if not throttle.allow("letter-sign", client_address(request),
                                  TRIES_PER_HOUR, 3600):  # fmt: skip
                messages.error(
                    request, _("Too many tries. Wait an hour and try again.")
                )
            elif form.is_valid():
                try:
                    actions.sign_by_invitation(token, **form.cleaned_data)
                except ValidationError as error:
                    apply_error(form, error)
                else:
                    return render(request, "solidarity/sign_done.html",
                                  {"letter": letter,
                                   "organisation": invitation.signature.organisation})  # fmt: skip
        return render(
            request,
            "solidarity/sign_by_invitation.html",
            {
                "letter": letter,
                "invitation": invitation,
                "organisation": invitation.signature.organisation,
                "signatures": selectors.signatures_of(letter),
                "form": form,
                "language": language,
                "languages": settings.LANGUAGES,
            },
        )


@login_required
@require_POST
def letter_record_signature(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj = _letter(request, pk, "solidarity.record_signature")
    return run_action(
        request,
        lambda data: actions.record_signature(user, obj, **data),
        _("The signature was recorded with its confirmation."),
        form=RecordSignatureForm(request.POST, request.FILES),
        then=obj,
    )


@login_required
def signature_evidence(request: AuthedRequest, pk: int) -> FileResponse:
    """The confirmation of a recorded signature: for the letter's union's leaders."""
    signature: Signature = get_visible(
        request.user, selectors.signatures_with_letter(),
        "solidarity.view_signature_evidence", pk=pk,
    )  # fmt: skip
    if not signature.has_evidence:
        raise Http404
    return FileResponse(
        signature.evidence.open("rb"),
        as_attachment=True,
        filename=signature.evidence_name or "confirmation",
    )


def _signature(request: AuthedRequest, pk: int) -> Signature:
    return get_visible(
        request.user, selectors.signatures_with_letter(), "solidarity.view_signature",
        pk=pk,
    )  # fmt: skip


@login_required
@require_POST
def signature_withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    signature = _signature(request, pk)
    return run_action(
        request,
        lambda data: actions.withdraw_signature(request.user, signature, **data),
        _("The signature was withdrawn: it no longer counts and is not printed."),
        form=WithdrawForm(request.POST),
        then=signature.letter,
    )


@login_required
@require_POST
def signature_replace(request: AuthedRequest, pk: int) -> HttpResponse:
    signature = _signature(request, pk)
    return run_action(
        request,
        lambda data: actions.replace_signatory(request.user, signature, **data),
        _("The signatory was replaced."),
        form=ReplaceForm(request.POST, people=selectors.signatory_choices()),
        then=signature.letter,
    )


@login_required
@require_POST
def letter_open(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj = _letter(request, pk, "solidarity.change_letter")
    is_open = request.POST.get("open") == "1"
    return run_action(
        request,
        lambda: actions.set_open_to_individuals(user, obj, is_open=is_open),
        _("Members and allies may now add their names once it is published.")
        if is_open
        else _("The letter no longer takes individual signatures."),
        then=obj,
    )


@require_POST
def letter_sign(request: HttpRequest, slug: str) -> HttpResponse:
    """A name added to an open letter: a member's at once, an ally's once she opens
    the link e-mailed to her."""
    letter: Letter = get_visible(
        request.user, selectors.public_letter_pages(), None, slug=slug
    )
    page = reverse("solidarity:letter_public", args=[letter.slug])
    user = request.user
    if getattr(user, "is_authenticated", False):
        return run_action(
            request,
            lambda: actions.sign_as_member(user, letter),
            _("Your name is on the letter. Thank you."),
            then=page,
        )
    if not throttle.allow("letter-ally", client_address(request), TRIES_PER_HOUR, 3600):
        messages.error(request, _("Too many tries. Wait an hour and try again."))
        return redirect(page)

    def link(token: str) -> str:
        return request.build_absolute_uri(
            reverse("solidarity:letter_sign_confirm", args=[token])
        )

    language = translation.get_language() or "en"
    return run_action(
        request,
        lambda data: actions.sign_as_ally(
            user, letter, language=language, link=link, **data
        ),
        _("We sent you an e-mail: open its link to confirm your signature."),
        form=AllySignForm(request.POST),
        then=page,
    )


@require_http_methods(["GET", "POST"])
def letter_sign_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link e-mailed to an ally: a button confirms (a mail scanner that only
    opens links signs nothing)."""
    signature = selectors.individual_by_token(token)
    if signature is None:
        return render(
            request, "solidarity/sign_unusable.html",
            {"message": _("This link has expired or has been used already.")},
            status=410,
        )  # fmt: skip
    if request.method == "POST":
        return run_action(
            request,
            lambda: actions.confirm_ally_signature(token),
            _("Your signature is confirmed. Thank you."),
            then=reverse("solidarity:letter_public", args=[signature.letter.slug]),
        )
    return render(request, "solidarity/sign_confirm.html",
                  {"signature": signature, "letter": signature.letter})  # fmt: skip
