"""Who may use the pages and endpoints of accounts: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from alianza.accounts.actions import create_token
from alianza.accounts.models import Invitation
from tests import matrix_records as rec
from tests.matrix import (
    LEADERS,
    MANAGERS,
    PERSONAS,
    REDIRECT,
    Row,
    allow,
    expect,
    matrix_tests,
    run_page,
)


def _assert(condition: bool) -> None:
    assert condition


def _language_remembered(w) -> None:
    """A signed-in person's account now reads French (the matrix signs her in just
    before); a visitor's choice lives in her cookie alone, no account's."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    poster = users.exclude(last_login=None).order_by("-last_login").first()
    if poster is None:
        assert not users.filter(language="fr").exists()
    else:
        assert poster.language == "fr", poster.language


PAGES: dict[str, Row] = {
    "account_settings": Row(lambda w: reverse("account_settings"), expect(200)),
    "api_tokens": Row(lambda w: reverse("api_tokens"), expect(200)),
    "api_token_revoke": Row(
        lambda w: reverse(
            "api_token_revoke", args=[create_token(w["usw_staff"], "x")[0].pk]
        ),
        allow({"usw_staff"}, REDIRECT, no=404),
        method="post",
        check=lambda w: _assert(
            not w["usw_staff"].api_tokens.filter(revoked_at__isnull=True).exists()
        ),
    ),
    # An organisation's invitations (at /invitations/): its managers.
    "invitations": Row(lambda w: reverse("invitations"), allow(MANAGERS, 200)),
    # Who does not manage the invitation's organisation is not told it exists.
    "invitation_revoke": Row(
        lambda w: reverse("invitation_revoke", args=[rec.the_invitation(w).pk]),
        allow({"mineros_staff"}, REDIRECT, no=404),
        method="post",
        check=lambda w: _assert(
            Invitation.objects.get(email="nuevo@mineros.test").revoked_at is not None
        ),
    ),
    "accept_invitation": Row(
        lambda w: reverse("accept_invitation", args=[w.invitation_token]),
        expect(200, anonymous=200),
    ),
    "set_language": Row(
        lambda w: reverse("set_language"),
        expect(REDIRECT, anonymous=REDIRECT),
        method="post",
        data=lambda w: {"language": "fr", "next": "/"},
        check=_language_remembered,
    ),
    # Account pages (django-allauth): signing in, passwords, two-factor authentication.
    "account_login": Row(
        lambda w: reverse("account_login"), expect(REDIRECT, anonymous=200)
    ),
    "account_logout": Row(lambda w: reverse("account_logout"), expect(200)),
    "account_inactive": Row(
        lambda w: reverse("account_inactive"), expect(200, anonymous=200)
    ),
    "account_signup": Row(
        lambda w: reverse("account_signup"), expect(REDIRECT, anonymous=200)
    ),
    "account_reauthenticate": Row(
        lambda w: reverse("account_reauthenticate"), expect(200)
    ),
    "account_email": Row(lambda w: reverse("account_email"), expect(200)),
    "account_email_verification_sent": Row(
        lambda w: reverse("account_email_verification_sent"), expect(200, anonymous=200)
    ),
    "account_change_password": Row(
        lambda w: reverse("account_change_password"), expect(200)
    ),
    "account_set_password": Row(
        lambda w: reverse("account_set_password"), expect(REDIRECT)
    ),
    "account_reset_password": Row(
        lambda w: reverse("account_reset_password"), expect(200, anonymous=200)
    ),
    "account_confirm_login_code": Row(
        lambda w: reverse("account_confirm_login_code"), expect(REDIRECT)
    ),
    "account_confirm_email": Row(
        lambda w: reverse("account_confirm_email", args=["not-a-key"]),
        expect(200, anonymous=200),
    ),
    "account_reset_password_from_key_done": Row(
        lambda w: reverse("account_reset_password_from_key_done"),
        expect(200, anonymous=200),
    ),
    "account_reset_password_from_key": Row(
        lambda w: reverse("account_reset_password_from_key", args=["0", "bad-key"]),
        expect(200, anonymous=200),
    ),
    "account_reset_password_done": Row(
        lambda w: reverse("account_reset_password_done"), expect(200, anonymous=200)
    ),
    # Changing two-factor settings needs a recent sign-in; the test client's forced
    # login is not one, so allauth sends these to re-authenticate first.
    "mfa_index": Row(lambda w: reverse("mfa_index"), expect(200)),
    "mfa_authenticate": Row(lambda w: reverse("mfa_authenticate"), expect(REDIRECT)),
    "mfa_reauthenticate": Row(
        lambda w: reverse("mfa_reauthenticate"), allow(LEADERS, 200, no=REDIRECT)
    ),
    "mfa_activate_totp": Row(
        lambda w: reverse("mfa_activate_totp"),
        expect(REDIRECT),
    ),
    "mfa_deactivate_totp": Row(
        lambda w: reverse("mfa_deactivate_totp"), allow(LEADERS, REDIRECT, no=404)
    ),
    "mfa_view_recovery_codes": Row(
        lambda w: reverse("mfa_view_recovery_codes"), expect(404)
    ),
    "mfa_generate_recovery_codes": Row(
        lambda w: reverse("mfa_generate_recovery_codes"), expect(REDIRECT)
    ),
    "mfa_download_recovery_codes": Row(
        lambda w: reverse("mfa_download_recovery_codes"), expect(404)
    ),
}

API: dict[str, Row] = {}

test_page, test_api, test_every_route_has_a_row = matrix_tests("accounts", PAGES, API)


# The other direction: a USW invitation, revoked by the USW's managers alone.
MIRROR_PAGES: dict[str, Row] = {
    "invitation_revoke (the USW's)": Row(
        lambda w: reverse("invitation_revoke", args=[rec.the_usw_invitation(w).pk]),
        allow({"usw_staff", "usw_admin"}, REDIRECT, no=404),
        method="post",
        check=lambda w: _assert(
            Invitation.objects.get(email="new@usw.test").revoked_at is not None
        ),
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_PAGES))
def test_mirror_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, MIRROR_PAGES[name], persona)
