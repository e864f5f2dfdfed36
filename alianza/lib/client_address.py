"""The address of the person a request comes from: the one answer for every reader.

Login throttling (allauth's rate limits, through the account adapter), the audit log
and anything else that records or counts by address ask :func:`client_address`.

Without a proxy (``TRUSTED_PROXIES = 0``, the default) it is ``REMOTE_ADDR``: the
address that opened the connection. Behind ``N`` trusted reverse proxies, each of
which appends the address it received the request from to ``X-Forwarded-For``, the
client is the ``N``-th address from the right. Addresses further left were written
by whoever sent the request (anyone can send ``X-Forwarded-For: 10.0.0.1``), so they
are never believed.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _address(value: str | None) -> str | None:
    """``value`` as a normalised IP address, or ``None`` if it is not one."""
    if not value:
        return None
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address, as far as the trusted proxies vouch for it."""
    remote = _address(request.META.get("REMOTE_ADDR"))
    trusted = settings.TRUSTED_PROXIES
    if trusted <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < trusted:
        # Fewer hops than proxies: the request did not pass through all of them.
        # Believe nothing it says and keep the address that reached Alianza.
        return remote
    return _address(hops[-trusted]) or remote
