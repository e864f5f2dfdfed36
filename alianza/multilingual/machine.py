"""Draft translations from a translation server the unions run themselves.

Off unless the operator sets ``TRANSLATION_SERVER_URL`` (and, when the server asks for
one, ``TRANSLATION_SERVER_API_KEY``): no text leaves the unions' servers otherwise. The
server speaks the LibreTranslate HTTP API: ``POST /translate`` with ``q``, ``source``,
``target``, ``format`` and ``api_key``; it answers ``{"translatedText": "…"}``.

The glossary's terms are protected before the text is sent (each replaced by a
placeholder the server leaves alone) and the glossary's term in the target language is
put in its place afterwards, so that "grievance" becomes "queja", not "agravio".
"""

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings


class ServerUnavailable(Exception):
    """The translation server did not answer, answered an error, or took too long."""


def is_configured() -> bool:
    return bool(getattr(settings, "TRANSLATION_SERVER_URL", ""))


@dataclass(frozen=True)
class Term:
    source: str
    target: str


_PLACEHOLDER = "[[G{}]]"
_PLACEHOLDER_BACK = re.compile(r"\[\[\s*G\s*(\d+)\s*\]\]")


def protect(text: str, terms: Iterable[Term]) -> tuple[str, list[str]]:
    """``text`` with each glossary term (longest first, whole words, any case)
    replaced by a numbered placeholder; and the target-language term of each (with a
    capital where the source had one, as at the start of a sentence)."""
    targets: list[str] = []

    def placeholder(word: str) -> str:
        if word not in targets:
            targets.append(word)
        return _PLACEHOLDER.format(targets.index(word))

    for term in sorted(terms, key=lambda t: len(t.source), reverse=True):
        source, target = term.source.strip(), term.target.strip()
        if not source or not target:
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(source) + r"(?!\w)", re.IGNORECASE)

        def swap(
            match: re.Match[str], source: str = source, target: str = target
        ) -> str:
            capital = match.group(0)[:1].isupper() and not source[:1].isupper()
            return placeholder(target[:1].upper() + target[1:] if capital else target)

        text = pattern.sub(swap, text)
    return text, targets


def restore(text: str, targets: list[str]) -> str:
    """The server's text with each placeholder replaced by the glossary's term."""

    def back(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return targets[index] if index < len(targets) else match.group(0)

    return _PLACEHOLDER_BACK.sub(back, text)


def translate(text: str, source: str, target: str, terms: Iterable[Term] = ()) -> str:
    """``text`` translated by the server, the glossary applied.

    Raises ``ServerUnavailable`` when the server is not configured, down, slow or
    answers anything but a translation."""
    url = getattr(settings, "TRANSLATION_SERVER_URL", "")
    if not url:
        raise ServerUnavailable("no translation server is configured")
    protected, targets = protect(text, terms)
    payload = json.dumps(
        {
            "q": protected,
            "source": source,
            "target": target,
            "format": "text",
            "api_key": getattr(settings, "TRANSLATION_SERVER_API_KEY", ""),
        }
    ).encode()
    request = urllib.request.Request(  # noqa: S310 (the operator's own server)
        url.rstrip("/") + "/translate",
        data=payload,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    timeout = float(getattr(settings, "TRANSLATION_SERVER_TIMEOUT", 8))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            answer = json.loads(response.read(2_000_000).decode("utf-8"))
    except (OSError, ValueError) as exc:  # URLError, HTTPError, timeouts, bad JSON
        raise ServerUnavailable(str(exc)) from exc
    translated = answer.get("translatedText") if isinstance(answer, dict) else None
    if not isinstance(translated, str) or not translated.strip():
        raise ServerUnavailable("the server answered no translation")
    return restore(translated, targets)
