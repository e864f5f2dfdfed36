import pytest
from allauth.account.adapter import get_adapter
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from alianza import settings as alianza_settings
from alianza.lib.client_address import client_address


def _request(remote="10.0.0.2", forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_no_trusted_proxy_uses_the_connection_and_ignores_the_header(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_address(_request("198.51.100.7")) == "198.51.100.7"
    assert client_address(_request("198.51.100.7", "192.0.2.1")) == "198.51.100.7"


def test_one_trusted_proxy_believes_only_the_right_most_address(settings):
    settings.TRUSTED_PROXIES = 1
    assert client_address(_request(forwarded="203.0.113.5")) == "203.0.113.5"
    # A client may send its own header; the proxy appends the real address.
    forged = _request(forwarded="192.0.2.1, 192.0.2.2,203.0.113.5")
    assert client_address(forged) == "203.0.113.5"


def test_two_trusted_proxies_take_the_second_address_from_the_right(settings):
    settings.TRUSTED_PROXIES = 2
    request = _request(forwarded="192.0.2.1, 203.0.113.5, 10.0.0.9")
    assert client_address(request) == "203.0.113.5"


@pytest.mark.parametrize("forwarded", [None, "", " , ", "not-an-address"])
def test_a_missing_or_bad_header_falls_back_to_the_connection(settings, forwarded):
    settings.TRUSTED_PROXIES = 1
    assert client_address(_request("10.0.0.2", forwarded)) == "10.0.0.2"


def test_fewer_addresses_than_proxies_believes_none_of_them(settings):
    settings.TRUSTED_PROXIES = 2
    assert client_address(_request("10.0.0.2", "192.0.2.1")) == "10.0.0.2"


def test_ipv6_addresses_are_normalised(settings):
    settings.TRUSTED_PROXIES = 1
    request = _request("::1", "192.0.2.1, [2001:DB8::0:1]:4431")
    assert client_address(request) == "2001:db8::1"
    settings.TRUSTED_PROXIES = 0
    assert client_address(_request("2001:DB8:0::1")) == "2001:db8::1"


def test_allauth_rate_limits_count_by_the_same_address(settings):
    settings.TRUSTED_PROXIES = 1
    request = _request("10.0.0.2", "192.0.2.1, 203.0.113.5")
    assert get_adapter(request).get_client_ip(request) == "203.0.113.5"
    settings.TRUSTED_PROXIES = 0
    assert get_adapter(request).get_client_ip(request) == "10.0.0.2"


@pytest.mark.parametrize(
    ("value", "expected"), [(None, 0), ("", 0), ("1", 1), (" 2 ", 2)]
)
def test_the_setting_is_read_from_the_environment(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("TRUSTED_PROXIES", raising=False)
    else:
        monkeypatch.setenv("TRUSTED_PROXIES", value)
    assert alianza_settings.env_count("TRUSTED_PROXIES") == expected


@pytest.mark.parametrize("value", ["-1", "one", "1.5", "²"])
def test_a_setting_that_is_not_a_count_stops_start_up(monkeypatch, value):
    monkeypatch.setenv("TRUSTED_PROXIES", value)
    with pytest.raises(ImproperlyConfigured):
        alianza_settings.env_count("TRUSTED_PROXIES")


def test_no_other_module_reads_the_address_itself():
    """Throttling, the audit and everything else ask client_address()."""
    from pathlib import Path

    package = Path(__file__).resolve().parents[2]
    readers = sorted(
        str(path.relative_to(package.parent))
        for path in package.rglob("*.py")
        if "tests" not in path.parts
        and any(
            needle in path.read_text(encoding="utf-8")
            for needle in ("REMOTE_ADDR", "X_FORWARDED_FOR", "X-Forwarded-For")
        )
    )
    assert readers == ["alianza/lib/client_address.py", "alianza/settings.py"]
