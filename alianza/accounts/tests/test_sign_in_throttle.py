"""Failed sign-ins are counted per account at one address, and per address.

Policy (settings.ACCOUNT_RATE_LIMITS["login_failed"] and the account adapter):
- 5 failures within 5 minutes for one account from one address refuse that account
  from that address (even with the right password) until the window passes;
- 20 failures within 5 minutes from one address, whatever the accounts, refuse
  every sign-in from that address;
- nothing an address does blocks another address: the account's owner and everyone
  else still sign in from their own.
Addresses are the client's, behind a trusted proxy too (TRUSTED_PROXIES).
"""

import pytest
from django.test import Client
from django.urls import reverse

from alianza.audit.models import AuditEntry
from conftest import PASSWORD

REFUSED = "Too many failed login attempts"
ATTACKER = "203.0.113.66"
VICTIM = "198.51.100.10"  # member@mineros.test, at home
BYSTANDER = "198.51.100.20"  # outsider@example.test, somewhere else
PROXY = "10.0.0.2"


def _sign_in(client: Client, email: str, password: str, **meta):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, **meta
    )


def _signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("dashboard")


def _logins(user) -> int:
    return AuditEntry.objects.filter(
        action="account.login", target_id=str(user.pk)
    ).count()


def test_guessing_at_one_account_does_not_lock_out_its_owner_or_anyone_else(world):
    attacker = Client()
    pages = [
        _sign_in(
            attacker, "member@mineros.test", f"guess-{n}", REMOTE_ADDR=ATTACKER
        ).content.decode()
        for n in range(8)
    ]
    assert REFUSED not in pages[0]
    assert all(REFUSED in page for page in pages[5:])
    # The attacker is refused even with the right password: nothing signed in.
    logins_before = _logins(world["member"])
    response = _sign_in(attacker, "member@mineros.test", PASSWORD, REMOTE_ADDR=ATTACKER)
    assert REFUSED in response.content.decode()
    assert _logins(world["member"]) == logins_before
    assert attacker.get(reverse("dashboard")).status_code == 302
    assert "_auth_user_id" not in attacker.session

    # Meanwhile another person signs in from her own address…
    bystander = Client()
    response = _sign_in(
        bystander, "outsider@example.test", PASSWORD, REMOTE_ADDR=BYSTANDER
    )
    assert _signed_in(response)
    assert bystander.get(reverse("dashboard")).status_code == 200
    # …and so does the account's owner, from hers.
    owner = Client()
    response = _sign_in(owner, "member@mineros.test", PASSWORD, REMOTE_ADDR=VICTIM)
    assert _signed_in(response)
    assert _logins(world["member"]) == logins_before + 1


def test_the_owner_may_still_mistype_from_her_own_address(world):
    attacker = Client()
    for n in range(6):
        _sign_in(attacker, "member@mineros.test", f"guess-{n}", REMOTE_ADDR=ATTACKER)
    owner = Client()
    for _typo in range(4):
        page = _sign_in(owner, "member@mineros.test", "typo", REMOTE_ADDR=VICTIM)
        assert REFUSED not in page.content.decode()
    assert _signed_in(
        _sign_in(owner, "member@mineros.test", PASSWORD, REMOTE_ADDR=VICTIM)
    )


def test_guessing_at_many_accounts_from_one_address_blocks_that_address_only(world):
    attacker = Client()
    for n in range(20):
        page = _sign_in(
            attacker, f"nobody{n}@example.test", "guess", REMOTE_ADDR=ATTACKER
        )
        assert REFUSED not in page.content.decode()
    # The address is now refused, for any account, even with a right password.
    page = _sign_in(attacker, "outsider@example.test", PASSWORD, REMOTE_ADDR=ATTACKER)
    assert REFUSED in page.content.decode()
    assert "_auth_user_id" not in attacker.session
    assert _logins(world["outsider"]) == 0
    # Everyone else is untouched.
    assert _signed_in(
        _sign_in(Client(), "outsider@example.test", PASSWORD, REMOTE_ADDR=BYSTANDER)
    )


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXIES = 1


def test_behind_one_proxy_an_attacker_does_not_block_everyone(world, one_proxy):
    """All requests reach Alianza from the proxy; each person is still apart."""
    attacker = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    for n in range(25):
        attacker.post(
            reverse("account_login"),
            {"login": f"nobody{n}@example.test", "password": "guess"},
        )
    page = _sign_in(attacker, "outsider@example.test", PASSWORD)
    assert REFUSED in page.content.decode()
    # Forging a left-most address changes nothing: the proxy's entry is believed.
    forged = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{BYSTANDER}, {ATTACKER}")
    page = _sign_in(forged, "outsider@example.test", PASSWORD)
    assert REFUSED in page.content.decode()
    assert _logins(world["outsider"]) == 0

    bystander = Client(
        REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{ATTACKER}, {BYSTANDER}"
    )
    assert _signed_in(_sign_in(bystander, "outsider@example.test", PASSWORD))
    owner = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=VICTIM)
    assert _signed_in(_sign_in(owner, "member@mineros.test", PASSWORD))
    entry = AuditEntry.objects.filter(action="account.login").latest("id")
    assert entry.ip_address == VICTIM


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(world, settings):
    settings.TRUSTED_PROXIES = 0
    attacker = Client(REMOTE_ADDR=ATTACKER)
    for n in range(6):
        # A new made-up address each time would reset the count if it were read.
        _sign_in(
            attacker,
            "member@mineros.test",
            "guess",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    page = _sign_in(
        attacker, "member@mineros.test", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99"
    )
    assert REFUSED in page.content.decode()
    entry = AuditEntry.objects.filter(action="account.login_failed").latest("id")
    assert entry.ip_address == ATTACKER
