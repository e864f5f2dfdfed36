"""A motion's text as its reader reads it: in her language first, with line numbers."""

from typing import Any

from django import template
from django.utils.translation import get_language

from alianza.multilingual.text import Rendition, render_for

register = template.Library()


@register.simple_tag
def shown(record: Any, field: str) -> Rendition:
    """The version of ``field`` the reader sees: her language when a translation
    exists, else the original (``multilingual.text.render_for``)."""
    return render_for(record, field, get_language() or "en")


@register.filter
def numbered(text: str) -> list[tuple[int, str]]:
    """Lines numbered from 1, as amendments refer to them."""
    return list(enumerate((text or "").splitlines() or [""], start=1))


@register.filter
def translation_of(record: Any, field: str) -> Any:
    """The translation shown to this reader (who wrote it, when), or None."""
    rendition = render_for(record, field, get_language() or "en")
    if not rendition.is_translation:
        return None
    return record.translations_for(field).get(rendition.language)
