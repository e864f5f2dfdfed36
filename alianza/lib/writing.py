"""The language a person writes in, for the short texts whose form does not ask
(an action item, a pledge, a timeline entry, a note)."""

from typing import Any

from django.conf import settings


def language_of(actor: Any) -> str:
    """The actor's language (the one their pages are in), else English: a short
    text typed on a page is taken to be written in that page's language."""
    code = (getattr(actor, "language", "") or "").split("-")[0]
    return code if code in dict(settings.LANGUAGES) else "en"
