"""Choosing which version of a user-written text a reader sees."""

from dataclasses import dataclass

from django.conf import settings

from .models import Multilingual


@dataclass(frozen=True)
class Rendition:
    text: str
    language: str
    original_text: str
    original_language: str
    #: the translation shown is a machine's draft that no person has reviewed
    machine: bool = False
    #: the language the reader asked for ("" when unknown)
    reader_language: str = ""

    @property
    def is_translation(self) -> bool:
        return self.language != self.original_language

    @property
    def lacks_reader_language(self) -> bool:
        """The reader's language has no translation: she reads another language."""
        return bool(self.reader_language) and self.reader_language != self.language


def language_name(code: str) -> str:
    """The language's name as it reads inside a sentence: "Spanish", "español"."""
    from django.utils.translation import get_language, gettext

    names = dict(settings.LANGUAGES)
    name = gettext(str(names.get(code, code)))
    # Spanish and French write language names in lower case within a sentence.
    return name.lower() if (get_language() or "en")[:2] in {"es", "fr"} else name


def render_for(record: Multilingual, field: str, reader_language: str) -> Rendition:
    """The reader's language when a translation exists, else the original."""
    original = getattr(record, field) or ""
    base = (reader_language or "en").split("-")[0]
    if base != record.language:
        translation = record.translations_for(field).get(base)
        if translation is not None and translation.text.strip():
            return Rendition(
                translation.text,
                base,
                original,
                record.language,
                machine=translation.machine,
                reader_language=base,
            )
    return Rendition(
        original, record.language, original, record.language, reader_language=base
    )


def available_languages(record: Multilingual, field: str) -> list[str]:
    return sorted({record.language, *record.translations_for(field).keys()})
