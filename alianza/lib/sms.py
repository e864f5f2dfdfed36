"""Sending text messages (SMS) through a backend chosen in settings, like e-mail.

``SMS_BACKEND`` names a class with ``send_messages(messages) -> int``:

- ``alianza.lib.sms.ConsoleBackend`` (development) writes each message to stdout;
- ``alianza.lib.sms.LocmemBackend`` (tests) keeps them in ``alianza.lib.sms.outbox``.

A provider (an SMS gateway) is another class with the same method; alerts, and later
the elections' credentials, only ever call :func:`send_messages`.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
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
        with _lock:
            outbox.extend(messages)
        return len(messages)


def get_backend(path: str | None = None, **kwargs: Any) -> SmsBackend:
    name = str(path or getattr(settings, "SMS_BACKEND", "") or CONSOLE)
    return import_string(name)(**kwargs)


def send_messages(messages: Sequence[SmsMessage], backend: Any = None) -> int:
    """Send ``messages`` through ``backend`` (or the configured one); the number sent."""
    return (backend or get_backend()).send_messages(messages)
