"""The words of each kind of notification, rendered in the recipient's language.

Each kind has a subject and a message with named placeholders, filled from the
context the action gives: records are read through ``str()`` in her language (a
user-written title shows its translation when there is one), a date or a time is
written as her language writes it (a time on the event's clock, the zone named:
``zone`` in the context), anything else as text.
"""

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from alianza.lib.when import in_zone

from .models import Kind

#: kind → (subject, message); the link to the page follows the message.
WORDS: dict[str, tuple[Any, Any]] = {
    Kind.REQUEST_PUBLISHED: (
        _("%(union)s asks for your solidarity: %(title)s"),
        _(
            "%(union)s published a solidarity request that asks your union: "
            "“%(title)s”. Read it and answer with a pledge."
        ),
    ),
    Kind.PLEDGE_RECORDED: (
        _("%(union)s pledged support: %(title)s"),
        _("%(union)s pledged support to the request “%(title)s”: %(what)s."),
    ),
    Kind.SIGNATORY_ADDED: (
        _("A letter for you to sign: %(title)s"),
        _(
            "%(union)s added you as a signatory of the letter “%(title)s”. Read it "
            "and confirm your signature."
        ),
    ),
    Kind.COUNCIL_NEWS: (
        _("%(council)s: %(title)s"),
        _("News was posted in %(council)s: “%(title)s”."),
    ),
    Kind.MEETING_SCHEDULED: (
        _("Meeting of %(body)s: %(title)s"),
        _("%(body)s meets on %(when)s, and you hold a seat there: “%(title)s”."),
    ),
    Kind.DRAFTS_TO_REVIEW: (
        _("Machine translations to review: %(title)s"),
        _(
            "Machine translations of “%(title)s” were made for your union. Read them, "
            "then approve or correct them."
        ),
    ),
    Kind.ACTION_ASSIGNED: (
        _("An action item for you: %(title)s"),
        _("%(council)s gave you an action item, due on %(due)s: “%(title)s”."),
    ),
}


def _text(value: Any, zone: ZoneInfo | None) -> str:
    if callable(value):  # words to compute in her language (a translated title)
        value = value()
    if isinstance(value, datetime):
        return in_zone(value, zone or ZoneInfo("UTC"))
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def render(kind: str, context: dict[str, Any], language: str) -> tuple[str, str]:
    """(subject, message) of a notification of ``kind`` in ``language``."""
    subject, body = WORDS[kind]
    with translation.override(language):
        zone = context.get("zone")
        filled = {k: _text(v, zone) for k, v in context.items() if k != "zone"}
        return (str(subject) % filled)[:200], str(body) % filled


def digest(language: str, subjects: list[tuple[str, str]], queue_link: str,
           settings_link: str) -> tuple[str, str]:  # fmt: skip
    """The daily digest e-mail: one line per notification (subject, then its link)."""
    with translation.override(language):
        n = len(subjects)
        subject = ngettext(
            "Alianza: %(n)s new thing waits for you",
            "Alianza: %(n)s new things wait for you",
            n,
        ) % {"n": n}
        lines = [f"• {s}\n  {link}" for s, link in subjects]
        body = "\n\n".join(
            [
                str(_("Since the last digest:")),
                *lines,
                str(
                    _("Everything that waits for you: %(link)s") % {"link": queue_link}
                ),
                str(
                    _("Choose how Alianza tells you: %(link)s")
                    % {"link": settings_link}
                ),
            ]
        )
        return subject, body


def digest_text(language: str, n: int) -> str:
    """The daily digest as a text message (the link follows)."""
    with translation.override(language):
        return ngettext(
            "Alianza: %(n)s new thing waits for you.",
            "Alianza: %(n)s new things wait for you.",
            n,
        ) % {"n": n}
