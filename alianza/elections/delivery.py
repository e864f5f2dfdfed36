"""The words that carry a voter's secret code to her: the letter (or e-mail) and
the text message, in her language. Alianza fills them in only when it sends the
codes itself; the credential authority's page receives them with the worker's
name, number and code left as ``{name}``, ``{number}`` and ``{code}``, and fills
them in her browser, so that the letters and the SMS file never reach the server."""

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Election

#: The marks the authority's page replaces (static/alianza/booth/letters.js).
NAME, NUMBER, CODE = "{name}", "{number}", "{code}"


def booth_links(election: Election, base_url: str) -> dict[str, str]:
    server = base_url.rstrip("/")
    return {
        "booth": server + reverse("elections:booth", args=[election.uid]),
        "notice": server + reverse("elections:notice", args=[election.uid]),
    }


def letter_lines(
    election: Election,
    name: str,
    number: str,
    secret: str,
    links: dict[str, str],
    language: str,
) -> list[str]:
    """The letter or e-mail: the code, when (the zone named), where, and how to
    get the agreement's text, in ``language``. The first line is the subject, the
    fourth the code."""
    with translation.override(language):
        lines = [
            _("Your credential for: %(title)s") % {"title": election.title},
            _("For: %(name)s (worker number %(number)s)")
            % {"name": name, "number": number or "—"},
            _("Your secret voting code:"),
            secret,
            _("The vote opens %(opens)s and closes %(closes)s.")
            % {"opens": election.opens_in_words, "closes": election.closes_in_words},
            _(
                "Vote at %(url)s, or at the polling station, by entering this code. Nobody else may use it; keep it secret."
            )
            % {"url": links["booth"]},
        ]
        if election.place:
            lines.append(_("Polling station: %(place)s.") % {"place": election.place})
        if election.needs_the_text:
            lines.append(
                _(
                    "Read the text of the agreement before you vote: %(url)s (no "
                    "account needed), or ask your union for a printed copy."
                )
                % {"url": links["notice"]}
            )
        else:
            lines.append(_("About this vote: %(url)s") % {"url": links["notice"]})
        lines.append(
            _(
                "Your vote is secret: the code proves you may vote, and your ballot is encrypted before it leaves your device."
            )
        )
        return [str(line) for line in lines]


def sms_text(
    election: Election, code: str, links: dict[str, str], language: str
) -> str:
    with translation.override(language):
        text = _(
            "%(title)s. Your secret voting code: %(code)s. Vote at %(url)s from "
            "%(opens)s to %(closes)s."
        ) % {
            "title": election.title, "code": code, "url": links["booth"],
            "opens": election.opens_in_words, "closes": election.closes_in_words,
        }  # fmt: skip
        if election.place:
            text += " " + _("In person: %(place)s.") % {"place": election.place}
        if election.needs_the_text:
            text += " " + _("Text of the agreement: %(url)s") % {"url": links["notice"]}
        return str(text)


def texts_for_the_authority(election: Election, base_url: str) -> dict[str, Any]:
    """Every language's letter and text message with the worker's marks left in,
    and the words around the letter (the fold, the window, the QR code's caption):
    what the authority's browser needs to make the letters and the SMS file."""
    links = booth_links(election, base_url)
    texts: dict[str, Any] = {"booth": links["booth"], "languages": {}}
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            texts["languages"][language] = {
                "letter": letter_lines(election, NAME, NUMBER, CODE, links, language),
                "sms": sms_text(election, CODE, links, language),
                "window": [
                    NAME,
                    _("Worker number %(number)s") % {"number": NUMBER},
                    str(election.worksite or election.unit or election.held_by),
                ],
                "sender": str(election.held_by),
                "fold": _(
                    "Fold along the lines: the bottom third up over the code, then "
                    "the top third back, so that only the name shows in the "
                    "envelope's window."
                ),
                "qr": _(
                    "Scan to open the voting booth with your code already typed in."
                ),
                "confidential": _("Personal and confidential"),
            }
    return texts
