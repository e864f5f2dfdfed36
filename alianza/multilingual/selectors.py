"""Reads of a record's translations and their history, and of the glossary."""

import unicodedata
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.db.models.functions import Lower

from .machine import Term
from .models import GLOSSARY_LANGUAGES, GlossaryTerm, PastTranslation, Translation


def _of(model: Any, record: Any) -> Any:
    content_type = ContentType.objects.get_for_model(type(record))
    return model.objects.filter(content_type=content_type, object_id=str(record.pk))


def translations_of(record: Any) -> QuerySet[Translation]:
    """The translations shown today, with who wrote them and for which union."""
    return (
        _of(Translation, record).select_related("union").order_by("field", "language")
    )


def history_of(record: Any) -> QuerySet[PastTranslation]:
    """The translations no longer shown (replaced or rejected), newest first."""
    return _of(PastTranslation, record).select_related("union")


def glossary() -> QuerySet[GlossaryTerm]:
    """The alliance's glossary, in English alphabetical order (whatever the case)."""
    return GlossaryTerm.objects.order_by(Lower("en"), "en")


def glossary_terms_for(source: str, target: str) -> list[Term]:
    """The glossary as pairs of words from ``source`` to ``target`` language."""
    if source not in GLOSSARY_LANGUAGES or target not in GLOSSARY_LANGUAGES:
        return []
    return [
        Term(term.in_language(source), term.in_language(target))
        for term in GlossaryTerm.objects.only(*GLOSSARY_LANGUAGES)
    ]


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
    return " ".join(
        "".join(ch for ch in decomposed if not unicodedata.combining(ch)).split()
    )


def glossary_entries(term: str) -> list[tuple[str, str]]:
    """The glossary entries that hold ``term`` (case and accents aside), as (word,
    language) pairs in every language."""
    wanted = _folded(term)
    if not wanted:
        return []
    found: list[tuple[str, str]] = []
    for entry in GlossaryTerm.objects.only(*GLOSSARY_LANGUAGES):
        words = [(entry.in_language(code), code) for code in GLOSSARY_LANGUAGES]
        if any(_folded(word) == wanted for word, _code in words):
            found += [(word, code) for word, code in words if word]
    return found


def glossary_equivalents(term: str) -> set[str]:
    """The same term in the alliance's other languages, from the glossary: for
    "queja", {"grievance", "queja", "grief"}; for a word the glossary does not hold,
    an empty set. Case and accents do not matter ("QUEJA", "greve" find "grève")."""
    return {word for word, _language in glossary_entries(term)}
