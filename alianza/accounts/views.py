from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest, return_target
from alianza.lib.permissions import get_changeable, get_visible, require
from alianza.orgs.actions import set_address
from alianza.orgs.models import Person
from alianza.orgs.roles import Role
from alianza.orgs.selectors import (
    current_membership_in,
    email_of,
    managed_organisations,
    people_without_account,
    standing,
    usual_zone_of,
)

from . import actions
from .forms import AcceptInvitationForm, AccountSettingsForm, InvitationForm, TokenForm
from .models import ApiToken, Invitation
from .selectors import find_invitation, invitations_of, tokens_of


def _language_response(
    request: HttpRequest, response: HttpResponse, language: str
) -> HttpResponse:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        httponly=True,
    )
    return response


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language and remember it (cookie, and account if signed in)."""
    language = request.POST.get("language", "")
    target = return_target(request, "/")
    if language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(target)
    if request.user.is_authenticated:
        actions.set_language(request.user, language)
    translation.activate(language)
    return _language_response(request, HttpResponseRedirect(target), language)


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = find_invitation(token)
    if invitation is None or not invitation.is_usable:
        return render(request, "accounts/invitation_invalid.html", status=404)
    translation.activate(request.POST.get("language") or invitation.language)
    form = AcceptInvitationForm(
        request.POST or None,
        initial={"name": invitation.name, "language": invitation.language},
    )

    def signed_in(user) -> HttpResponse:
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        language = form.cleaned_data["language"]
        return _language_response(request, redirect("dashboard"), language)

    done = run_action(
        request,
        lambda data: actions.accept_invitation(
            token,
            name=data["name"],
            password=data["password"],
            language=data["language"],
            phone=data["phone"],
        ),
        _("Welcome to Alianza."),
        form=form,
        answer=signed_in,
    )
    return done or render(
        request,
        "accounts/accept_invitation.html",
        {"form": form, "invitation": invitation},
    )


@login_required
def account_settings(request: AuthedRequest) -> HttpResponse:
    person = standing(request.user).person
    form = AccountSettingsForm(
        request.POST or None,
        initial={
            "language": request.user.language or request.LANGUAGE_CODE,
            # Suggested from her unit or union until she chooses.
            "time_zone": request.user.time_zone
            or usual_zone_of(getattr(request.user, "person", None))
            or settings.TIME_ZONE,
            "address_as": getattr(person, "address_as", ""),
        },
    )
    if person is None:
        del form.fields["address_as"]

    def saved(language: str) -> HttpResponse:
        return _language_response(request, redirect("account_settings"), language)

    def save(data: dict) -> str:
        actions.set_language(request.user, data["language"])
        if data["time_zone"]:
            actions.set_time_zone(request.user, data["time_zone"])
        if person is not None:
            set_address(request.user, person, data["address_as"])
        # The confirmation is told in the language just chosen.
        translation.activate(data["language"])
        return data["language"]

    done = run_action(request, save, "", form=form, answer=saved)
    if done is not None:
        messages.success(request, _("Saved."))
        return done
    return render(request, "accounts/settings.html", {"form": form})


@login_required
def api_tokens(request: AuthedRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)

    def page(made: tuple | None = None) -> HttpResponse:
        # The secret is shown once, on the page the token was made from.
        return render(
            request,
            "accounts/tokens.html",
            {
                "form": TokenForm() if made else form,
                "tokens": tokens_of(request.user),
                "secret": made[1] if made else None,
            },
        )

    done = run_action(
        request,
        lambda data: actions.create_token(request.user, data["name"]),
        "",
        form=form,
        answer=page,
    )
    return done or page()


@login_required
@require_POST
def api_token_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    token: ApiToken = get_visible(request.user, tokens_of(request.user), None, pk=pk)
    return run_action(
        request,
        lambda: actions.revoke_token(request.user, token),
        _("The token was revoked."),
        then=reverse("api_tokens"),
    )


@login_required
def invitations(request: AuthedRequest) -> HttpResponse:
    """Invite people to open an account (from a person's page: that person)."""
    require(request.user, "orgs.invite_somewhere")
    orgs = managed_organisations(request.user)
    initial: dict = {"language": request.LANGUAGE_CODE}
    invitee: Person | None = None
    if request.GET.get("person"):
        invitee = get_changeable(
            request.user,
            people_without_account(),
            "orgs.change_person",
            view="orgs.view_person",
            pk=request.GET["person"],
        )
        membership = current_membership_in(invitee, orgs)
        initial.update(
            person=invitee.pk,
            name=invitee.name,
            email=email_of(invitee),
            language=invitee.preferred_language,
            organisation=membership.organisation_id if membership else None,
            unit=membership.unit_id if membership else None,
            role=membership.role if membership else Role.MEMBER,
        )
    form = InvitationForm(request.POST or None, organisations=orgs, initial=initial)

    def page(made: tuple | None = None) -> HttpResponse:
        # The link is shown once, on the page the invitation was made from.
        if made:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": made[0].email},
            )
        context = {
            "form": InvitationForm(
                organisations=orgs, initial={"language": made[0].language}
            )
            if made
            else form,
            "invitations": invitations_of(orgs),
            "link": made[1] if made else None,
            "invitee": invitee,
        }
        return render(request, "accounts/invitations.html", context)

    done = run_action(
        request,
        lambda data: actions.invite(
            request.user,
            data["organisation"],
            email=data["email"],
            name=data["name"],
            role=data["role"],
            unit=data["unit"],
            language=data["language"],
            person=data["person"],
        ),
        "",
        form=form,
        answer=page,
    )
    return done or page()


@login_required
@require_POST
def invitation_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    invitation: Invitation = get_visible(
        request.user, Invitation, "accounts.view_invitation", pk=pk
    )
    return run_action(
        request,
        lambda: actions.revoke_invitation(request.user, invitation),
        _("The invitation was revoked."),
        then=reverse("invitations"),
    )
