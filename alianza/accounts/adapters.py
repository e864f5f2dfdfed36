from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from alianza.lib.client_address import client_address


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Nobody signs up; accounts are created by accepting an invitation."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def get_client_ip(self, request: HttpRequest) -> str:
        """The address allauth's rate limits count by: Alianza's one answer."""
        address = client_address(request)
        if address is None:
            return super().get_client_ip(request)
        return address

    def _get_login_attempts_cache_key(
        self, request: HttpRequest, **credentials: Any
    ) -> str:
        """Failed sign-ins are counted per account *and* address.

        Someone guessing at an account from one address blocks only that account
        from that address (and, past the per-address limit, that address): the
        account's owner still signs in from her own address, and everyone else
        from theirs. See ``ACCOUNT_RATE_LIMITS["login_failed"]`` in settings.
        """
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{self.get_client_ip(request)}"
