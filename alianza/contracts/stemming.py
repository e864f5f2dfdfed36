"""A light suffix-stripping stemmer for English, Spanish and French (standard library).

SQLite's full-text search has no Spanish or French stemmer, so the app stems words
itself before indexing and before searching; the same stems drive the highlighted
passages on both engines. It conflates plurals and the common derivational endings
(*ausencias/ausencia*, *testing/tests*, *arbitraje/arbitrajes*), which is what a
search in agreements needs; it is not a full Snowball stemmer.
"""

import re
from functools import lru_cache

from alianza.lib.folding import fold

WORD = re.compile(r"\w+", re.UNICODE)

SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": (
        "ational", "ations", "ation", "ements", "ement", "ments", "ment", "ities",
        "ity", "ings", "ing", "ness", "ies", "ied", "ers", "ed", "er", "es", "ly",
        "s", "e",
    ),
    "es": (
        "amientos", "imientos", "amiento", "imiento", "aciones", "uciones", "acion",
        "ucion", "idades", "idad", "mente", "ables", "ibles", "able", "ible",
        "istas", "ista", "ismos", "ismo", "ivas", "ivos", "iva", "ivo", "osas",
        "osos", "osa", "oso", "ores", "or", "ales", "al", "es", "as", "os", "a",
        "o", "e", "s",
    ),
    "fr": (
        "issements", "issement", "ations", "ation", "ements", "ement", "ments",
        "ment", "ites", "ite", "euses", "euse", "eux", "ives", "ive", "ifs", "if",
        "eurs", "eur", "aux", "es", "e", "s", "x",
    ),
}  # fmt: skip
MIN_STEM = 3

__all__ = ["WORD", "fold", "query_stems", "stem", "stems", "words"]


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    word = fold(word)
    for suffix in SUFFIXES.get(language, SUFFIXES["en"]):
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    return WORD.findall(text)


def stems(text: str, language: str) -> list[str]:
    return [stem(w, language) for w in words(text)]


def query_stems(text: str) -> list[set[str]]:
    """For each word of a query, its stems in every language (the query's language
    is unknown: a Spanish officer may search an English agreement)."""
    return [{stem(w, lang) for lang in SUFFIXES} for w in words(text) if fold(w)]
