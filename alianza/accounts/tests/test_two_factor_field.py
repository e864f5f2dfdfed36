"""The two-factor code field brings up a phone's number keypad and takes the
one-time code the phone suggests: on the sign-in step, when an authenticator app
is first set up, and when the code is asked again before a sensitive change."""

import re
import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse

from conftest import PASSWORD, make_user

SECRET = "JBSWY3DPEHPK3PXP"


def code_input(html: str) -> str:
    found = re.findall(r"<input[^>]*name=\"code\"[^>]*>", html)
    assert len(found) == 1, found
    return found[0]


def assert_one_time_code(html: str) -> None:
    field = code_input(html)
    assert 'inputmode="numeric"' in field
    assert 'autocomplete="one-time-code"' in field
    assert 'pattern="[0-9]*"' in field


def test_the_sign_in_code_field_is_numeric_and_takes_the_suggested_code(client, world):
    response = client.post(
        reverse("account_login"), {"login": "staff@usw.test", "password": PASSWORD}
    )
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    assert_one_time_code(client.get(reverse("mfa_authenticate")).content.decode())
    # The form still signs in with the code (the field changed its looks only).
    code = format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200


def test_setting_up_an_authenticator_asks_for_a_numeric_code(client, world):
    user = make_user(
        "new-officer@usw.test", "New Officer", [(world.usw, "officer", None)]
    )
    Authenticator.objects.filter(user=user).delete()
    client.force_login(user)
    # Setting up asks for the password again first.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert_one_time_code(page.content.decode())


def test_asking_again_for_the_code_uses_the_numeric_field(client, world):
    client.force_login(world["usw_staff"])
    assert_one_time_code(client.get(reverse("mfa_reauthenticate")).content.decode())
