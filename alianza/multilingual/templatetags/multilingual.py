from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import get_language

from .. import machine
from ..models import Multilingual
from ..text import available_languages, language_name, render_for

register = template.Library()


@register.inclusion_tag("multilingual/text.html", takes_context=True)
def multilingual(
    context, record: Multilingual, field: str, may_translate: bool = False
):
    """Show a user-written text in the reader's language, the original a click away.

    Where the reader's language has no translation, it says so in her language; a
    machine's draft carries its mark until a person approves it. Those who may
    translate (``may_translate``) find the form, the approve button and, when the
    operator set up a translation server, the button asking it for drafts."""
    rendition = render_for(record, field, get_language() or "en")
    content_type = ContentType.objects.get_for_model(type(record)).pk
    translation = (
        record.translations_for(field).get(rendition.language)
        if rendition.is_translation
        else None
    )
    return {
        "translation": translation,
        "history_url": reverse(
            "multilingual:history", args=[content_type, str(record.pk)]
        ),
        "rendition": rendition,
        "language_name": language_name(rendition.language),
        "original_language_name": language_name(rendition.original_language),
        "available": [
            language_name(code)
            for code in available_languages(record, field)
            if code != rendition.language
        ],
        "may_translate": may_translate,
        "machine_drafts": may_translate and machine.is_configured(),
        "reader_language": rendition.reader_language,
        "reader_language_name": language_name(rendition.reader_language),
        "record": record,
        "field": field,
        "content_type": content_type,
        "request": context.get("request"),
    }


@register.filter(name="language_name")
def language_name_filter(code: str) -> str:
    """A language's name as it reads inside a sentence, in the reader's language:
    "was written in Spanish", "se escribió en español" (``text.language_name``)."""
    return language_name(code)


@register.simple_tag
def translated(record: Multilingual, field: str) -> str:
    """Just the text in the reader's language (for titles; the body shows the rest)."""
    return render_for(record, field, get_language() or "en").text


@register.inclusion_tag("multilingual/_note.html")
def translation_note(record: Multilingual, field: str):
    """Under a translated headline: who translated it, for which union, when, and the
    original a tap away (nothing when the reader reads the original)."""
    rendition = render_for(record, field, get_language() or "en")
    translation = (
        record.translations_for(field).get(rendition.language)
        if rendition.is_translation
        else None
    )
    if translation is None:
        return {"translation": None}
    content_type = ContentType.objects.get_for_model(type(record)).pk
    return {
        "translation": translation,
        "rendition": rendition,
        "history_url": reverse(
            "multilingual:history", args=[content_type, str(record.pk)]
        ),
    }
