import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from alianza.accounts import actions
from alianza.accounts.models import ApiToken, Invitation, User
from alianza.audit.models import AuditEntry
from conftest import PASSWORD, make_user


def test_invitation_creates_account_person_and_membership(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, link = actions.invite(
            world["mineros_staff"],
            world.mineros,
            email="Lucia@Mineros.test",
            name="Lucía",
            role="member",
            unit=world.section201,
            language="es",
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lucia@mineros.test"]
    # Written in the language chosen for the invitation.
    assert "le invita a Alianza" in message.body
    token = re.search(r"/accounts/invitation/([^/]+)/", str(message.body)).group(1)
    response = client.post(
        reverse("accept_invitation", args=[token]),
        {
            "name": "Lucía Ramírez",
            "language": "es",
            "phone": "+52 433 123 4567",
            "password": "una-clave-larga-2026",
            "password_again": "una-clave-larga-2026",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="lucia@mineros.test")
    assert user.language == "es" and user.person.name == "Lucía Ramírez"
    membership = user.person.memberships.get()
    assert (membership.organisation, membership.unit, membership.role) == (
        world.mineros,
        world.section201,
        "member",
    )
    assert client.get(reverse("dashboard")).status_code == 200
    # The link works once.
    again = client.get(reverse("accept_invitation", args=[token]))
    assert again.status_code == 404
    assert AuditEntry.objects.filter(action="account.invitation_accepted").count() == 1


def test_weak_password_is_refused_and_no_account_is_made(client, world):
    _invitation, link = actions.invite(
        world["usw_staff"],
        world.usw,
        email="new@usw.test",
        name="New",
        role="member",
        language="en",
    )
    token = link.rstrip("/").rsplit("/", 1)[-1]
    response = client.post(
        reverse("accept_invitation", args=[token]),
        {
            "name": "New",
            "language": "en",
            "password": "12345678",
            "password_again": "12345678",
        },
    )
    assert response.status_code == 200
    assert (
        "too short" in response.content.decode()
        or "too common" in response.content.decode()
    )
    assert not User.objects.filter(email="new@usw.test").exists()


def test_inviting_an_existing_account_is_refused(world):
    with pytest.raises(ValidationError):
        actions.invite(
            world["usw_staff"],
            world.usw,
            email="outsider@example.test",
            name="O",
            role="member",
            language="en",
        )


def test_revoked_invitation_cannot_be_used(client, world):
    invitation, link = actions.invite(
        world["usw_staff"],
        world.usw,
        email="late@usw.test",
        name="Late",
        role="member",
        language="en",
    )
    actions.revoke_invitation(world["usw_staff"], invitation)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert client.get(reverse("accept_invitation", args=[token])).status_code == 404
    assert Invitation.objects.get().status == "revoked"


def test_roles_that_need_mfa_are_sent_to_set_it_up(client, world):
    user = make_user(
        "new-officer@usw.test", "New Officer", [(world.usw, "officer", None)]
    )
    Authenticator.objects.filter(user=user).delete()
    client.force_login(user)
    for url in (reverse("dashboard"), reverse("api_tokens"), reverse("orgs:people")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("mfa_activate_totp"))
    # A member without MFA is not bothered.
    client.force_login(world["member"])
    assert client.get(reverse("dashboard")).status_code == 200


def test_api_refuses_a_role_without_mfa(client, world):
    user = make_user("api-staff@usw.test", "Api Staff", [(world.usw, "staff", None)])
    Authenticator.objects.filter(user=user).delete()
    _token, secret = actions.create_token(user, "script")
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 403
    assert "two-factor" in response.json()["detail"]


def test_password_login_then_totp(client, world):
    response = client.post(
        reverse("account_login"), {"login": "staff@usw.test", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    # Without the second factor, nothing is open yet.
    assert client.get(reverse("dashboard")).status_code == 302


def test_failed_logins_are_rate_limited_and_audited(client, world):
    pages = [
        client.post(
            reverse("account_login"),
            {"login": "member@mineros.test", "password": "wrong"},
        ).content.decode()
        for _attempt in range(6)
    ]
    assert "Too many failed login attempts" not in pages[0]
    assert "Too many failed login attempts" in pages[-1]
    # Even the right password is refused until the limit expires.
    page = client.post(
        reverse("account_login"), {"login": "member@mineros.test", "password": PASSWORD}
    ).content.decode()
    assert "Too many failed login attempts" in page
    assert AuditEntry.objects.filter(action="account.login_failed").count() >= 5


def test_tokens_are_shown_once_and_can_be_revoked(client, world):
    client.force_login(world["usw_staff"])
    page = client.post(
        reverse("api_tokens"), {"name": "district spreadsheet"}
    ).content.decode()
    secret = re.search(r"(alz_[\w-]+)", page).group(1)
    token = ApiToken.objects.get()
    assert (
        token.token_hash != secret
        and secret not in client.get(reverse("api_tokens")).content.decode()
    )
    assert (
        client.get(
            "/api/v1/me", headers={"Authorization": f"Bearer {secret}"}
        ).status_code
        == 200
    )
    client.post(reverse("api_token_revoke", args=[token.pk]))
    client.logout()
    assert (
        client.get(
            "/api/v1/me", headers={"Authorization": f"Bearer {secret}"}
        ).status_code
        == 401
    )


def test_password_reset_by_email(client, world):
    client.post(reverse("account_reset_password"), {"email": "member@mineros.test"})
    assert len(mail.outbox) == 1
    link = re.search(
        r"(/accounts/password/reset/key/[^\s]+)", str(mail.outbox[0].body)
    ).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "nueva-clave-segura-77", "password2": "nueva-clave-segura-77"},
    )
    assert response.status_code == 302
    assert User.objects.get(email="member@mineros.test").check_password(
        "nueva-clave-segura-77"
    )
    assert AuditEntry.objects.filter(action="account.password_reset").exists()


@pytest.mark.parametrize(
    ("role", "needs_mfa"),
    [("member", False), ("officer", True), ("staff", True), ("admin", True)],
)
def test_invitation_says_whether_its_role_requires_a_second_factor(role, needs_mfa):
    assert Invitation(role=role).requires_second_factor is needs_mfa


def test_language_switch_is_saved_on_account_and_person_and_audited(client, world):
    user = world["usw_officer"]
    before = user.language
    client.force_login(user)
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": "/documents/"}
    )
    assert response.status_code == 302 and response["Location"] == "/documents/"
    assert response.cookies["django_language"].value == "fr"
    user.refresh_from_db()
    assert user.language == "fr" and user.person.preferred_language == "fr"
    entry = AuditEntry.objects.get(action="account.language_changed", actor=user)
    assert entry.data == {"from": before, "to": "fr"}


def test_language_switch_of_a_visitor_only_sets_the_cookie(client, world):
    response = client.post(reverse("set_language"), {"language": "es", "next": "/"})
    assert response.cookies["django_language"].value == "es"
    assert not AuditEntry.objects.filter(action="account.language_changed").exists()


def test_account_settings_save_the_language_once(client, world):
    user = world["member"]
    client.force_login(user)
    other = "fr" if user.language != "fr" else "es"
    response = client.post(reverse("account_settings"), {"language": other})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_settings")
    user.refresh_from_db()
    assert user.language == other and user.person.preferred_language == other
    client.post(reverse("account_settings"), {"language": other})
    assert AuditEntry.objects.filter(action="account.language_changed").count() == 1
