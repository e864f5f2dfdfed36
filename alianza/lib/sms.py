"""Sending text messages (SMS) through a backend chosen in settings, like e-mail.

``SMS_BACKEND`` names a class with ``send_messages(messages) -> int``:

- ``alianza.lib.sms.ConsoleBackend`` (development) writes each message to stdout;
- ``alianza.lib.sms.LocmemBackend`` (tests) keeps them in ``alianza.lib.sms.outbox``;
- ``alianza.lib.sms.ProviderBackend`` sends through a gateway that speaks the widely
  used Twilio-compatible REST format (``SMS_PROVIDER_URL``, ``SMS_ACCOUNT_SID``,
  ``SMS_AUTH_TOKEN``, ``SMS_FROM``).

:func:`send_one` sends one message and returns the provider's id for it, which the
provider's delivery receipts name. Replies and receipts come back to the webhooks of
``alianza.alerts``, signed as :func:`signature` computes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from django.conf import settings
from django.utils.module_loading import import_string

CONSOLE = "alianza.lib.sms.ConsoleBackend"
#: Messages "sent" through the locmem backend, for tests to read.
outbox: list[SmsMessage] = []
_lock = threading.Lock()


@dataclass(frozen=True)
class SmsMessage:
    to: str
    body: str
    #: The provider's id once sent (not part of what the message is).
    id: str = field(default="", compare=False)


class SmsError(Exception):
    """The gateway refused the message or could not be reached."""


class SmsBackend(Protocol):
    def send_messages(self, messages: Sequence[SmsMessage]) -> int: ...


class ConsoleBackend:
    """Writes each message to a stream (stdout by default)."""

    def __init__(self, stream: Any = None, **kwargs: Any) -> None:
        self.stream = stream or sys.stdout

    def send_messages(self, messages: Sequence[SmsMessage]) -> int:
        for message in messages:
            self.stream.write(f"SMS to {message.to}\n{message.body}\n{'-' * 40}\n")
        self.stream.flush()
        return len(messages)


class LocmemBackend:
    """Keeps the messages in ``outbox`` (tests empty it between tests)."""

    def __init__(self, **kwargs: Any) -> None:
        pass

    def send_messages(self, messages: Sequence[SmsMessage]) -> int:
        for message in messages:
            self.send(message)
        return len(messages)

    def send(self, message: SmsMessage) -> str:
        sent = replace(message, id="SM" + uuid.uuid4().hex)
        with _lock:
            outbox.append(sent)
        return sent.id


class ProviderBackend:
    """A gateway with the Twilio-compatible REST format: one form POST per message
    to ``{SMS_PROVIDER_URL}/2010-04-01/Accounts/{SID}/Messages.json``, answered
    with the message's ``sid``. Receipts are asked for at ``StatusCallback``."""

    def __init__(self, timeout: float = 10, **kwargs: Any) -> None:
        self.url = str(settings.SMS_PROVIDER_URL).rstrip("/")
        self.sid = str(settings.SMS_ACCOUNT_SID)
        self.token = str(settings.SMS_AUTH_TOKEN)
        self.sender = str(settings.SMS_FROM)
        self.timeout = timeout
        if not self.url.startswith(("https://", "http://")):
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured("SMS_PROVIDER_URL must be an http(s) address.")

    def send_messages(self, messages: Sequence[SmsMessage]) -> int:
        return sum(1 for message in messages if self.send(message))

    def send(self, message: SmsMessage) -> str:
        from django.urls import reverse

        callback = str(settings.SITE_URL).rstrip("/") + reverse("alerts:sms_status")
        data = urllib.parse.urlencode(
            {"To": message.to, "From": self.sender, "Body": message.body,
             "StatusCallback": callback}
        ).encode()  # fmt: skip
        # The address is checked to be http(s) when the backend is made.
        request = urllib.request.Request(  # noqa: S310
            f"{self.url}/2010-04-01/Accounts/{self.sid}/Messages.json", data=data
        )
        key = base64.b64encode(f"{self.sid}:{self.token}".encode()).decode()
        request.add_header("Authorization", f"Basic {key}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
                return str(json.load(answer).get("sid", ""))
        except (urllib.error.URLError, TimeoutError, ValueError) as exc:
            raise SmsError(str(exc)) from exc


def signature(url: str, params: Mapping[str, str], token: str) -> str:
    """The gateway's signature of a webhook request: HMAC-SHA1 with the account's
    token over the full URL followed by each parameter's name and value, sorted by
    name; base64."""
    text = url + "".join(f"{k}{params[k]}" for k in sorted(params))
    digest = hmac.new(token.encode(), text.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signature_is_valid(url: str, params: Mapping[str, str], given: str) -> bool:
    token = str(getattr(settings, "SMS_AUTH_TOKEN", "") or "")
    if not token or not given:
        return False
    return hmac.compare_digest(signature(url, params, token), given)


# --- How long a text message is ------------------------------------------------------
#
# A message in the GSM 03.38 alphabet carries 160 characters (153 per part when it
# is sent in parts); one character outside it (á, í, ó, ú, ¿, ê…) sends the whole
# message as UCS-2: 70 characters, 67 per part. The extension table's characters
# (€, [, ], {, }, |, ~, ^, \) take two places in GSM.

GSM_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = "^{}\\[~]|€\f"


@dataclass(frozen=True)
class Segments:
    encoding: str  # "GSM-7" or "UCS-2"
    length: int  # in the encoding's places (GSM extension characters count two)
    parts: int
    per_part: int  # places per part for a message of this many parts


def segments(text: str) -> Segments:
    gsm = all(c in GSM_BASIC or c in GSM_EXTENSION for c in text)
    if gsm:
        length = sum(2 if c in GSM_EXTENSION else 1 for c in text)
        single, multi, encoding = 160, 153, "GSM-7"
    else:
        # UCS-2 counts UTF-16 code units: a character beyond the basic plane takes two.
        length = len(text.encode("utf-16-le")) // 2
        single, multi, encoding = 70, 67, "UCS-2"
    if length <= single:
        return Segments(encoding, length, 1 if length else 0, single)
    return Segments(encoding, length, -(-length // multi), multi)


def fit(text: str, tail: str, parts: int = 2) -> str:
    """``text`` then `` tail`` (a link), in at most ``parts`` parts: when the text is
    too long it is cut at the end of a word and an ellipsis says that the rest is
    behind the link. Never cut inside a word; the tail is always whole. The
    ellipsis is "..." when the message is otherwise GSM-7: "…" is not in that
    alphabet and would make the whole message UCS-2, less than half as long."""
    whole = f"{text} {tail}".strip()
    if segments(whole).parts <= parts:
        return whole
    words = text.split()
    while len(words) > 1:
        words.pop()
        shorter = " ".join(words).rstrip(",;:-–—")
        gsm = segments(f"{shorter} {tail}").encoding == "GSM-7"
        candidate = f"{shorter}{'...' if gsm else '…'} {tail}".strip()
        if segments(candidate).parts <= parts:
            return candidate
    return tail


def get_backend(path: str | None = None, **kwargs: Any) -> SmsBackend:
    name = str(path or getattr(settings, "SMS_BACKEND", "") or CONSOLE)
    return import_string(name)(**kwargs)


def send_one(message: SmsMessage, backend: Any = None) -> str:
    """Send one message; the provider's id for it ("" when the backend has none).
    Raises ``SmsError`` (or the backend's own error) when it was not sent."""
    backend = backend or get_backend()
    if hasattr(backend, "send"):
        return str(backend.send(message) or "")
    if backend.send_messages([message]) != 1:
        raise SmsError("not sent")
    return ""


def send_messages(messages: Sequence[SmsMessage], backend: Any = None) -> int:
    """Send ``messages`` through ``backend`` (or the configured one); the number sent."""
    return (backend or get_backend()).send_messages(messages)
