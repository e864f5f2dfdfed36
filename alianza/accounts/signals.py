"""Sign-ins, failures and MFA changes go into the audit log."""

from allauth.account.signals import password_changed, password_reset
from allauth.mfa.signals import (
    authenticator_added,
    authenticator_removed,
    authenticator_reset,
)
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.dispatch import receiver
from django.utils import translation

from alianza.audit.log import record


def _org_of(user):
    from alianza.orgs.selectors import standing

    memberships = standing(user).memberships
    return memberships[0].organisation if memberships else None


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    record("account.login", actor=user, organisation=_org_of(user), target=user)
    if user.language and request is not None:
        translation.activate(user.language)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        record("account.logout", actor=user, organisation=_org_of(user), target=user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    from .models import User

    email = str(credentials.get("email") or credentials.get("username") or "")[:254]
    user = User.objects.filter(email__iexact=email).first() if email else None
    record(
        "account.login_failed",
        organisation=_org_of(user) if user else None,
        target=user,
        data={"email": email},
    )


@receiver(password_reset)
def on_password_reset(sender, request, user, **kwargs):
    record(
        "account.password_reset", actor=user, organisation=_org_of(user), target=user
    )


@receiver(password_changed)
def on_password_changed(sender, request, user, **kwargs):
    record(
        "account.password_changed", actor=user, organisation=_org_of(user), target=user
    )


@receiver(authenticator_added)
def on_mfa_added(sender, request, user, authenticator, **kwargs):
    action = (
        "account.recovery_codes_generated"
        if authenticator.type == "recovery_codes"
        else "account.mfa_activated"
    )
    record(action, actor=user, organisation=_org_of(user), target=user)


@receiver(authenticator_removed)
def on_mfa_removed(sender, request, user, authenticator, **kwargs):
    record(
        "account.mfa_deactivated", actor=user, organisation=_org_of(user), target=user
    )


@receiver(authenticator_reset)
def on_mfa_reset(sender, request, user, authenticator, **kwargs):
    record(
        "account.recovery_codes_generated",
        actor=user,
        organisation=_org_of(user),
        target=user,
    )
