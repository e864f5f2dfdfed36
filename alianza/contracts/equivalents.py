"""Terms that say the same thing in the alliance's other languages.

A search for *antigüedad* also looks for *seniority* and *ancienneté*: each source is
a small function that takes a term (one or more words, as the reader typed them) and
returns its equivalents in other languages. The clause taxonomy is the first source
(:func:`from_taxonomy`: the topics' names in :data:`classify.TERMS`). A glossary of the
alliance's terms is added as one more with :func:`add_source`, from this app's
``ready`` (``multilingual`` is a lower app: contracts may ask it, not the reverse): a
function that looks the term up in the glossary and returns its entries in the other
languages as :class:`Equivalent` without a topic. The clause search then looks for
them too, in a group of its own ("Same term in another language"), with no other
change.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from .classify import TERMS
from .stemming import SUFFIXES, stem, words


@dataclass(frozen=True)
class Equivalent:
    """A term in ``language`` that says what the searched term says."""

    term: str
    language: str
    #: The taxonomy topic both terms name, when the source knows one: a clause found
    #: through it must be classified in that topic.
    topic: str = ""


Source = Callable[[str], Iterable[Equivalent]]


def _key(term: str, language: str) -> tuple[str, ...]:
    return tuple(stem(word, language) for word in words(term))


@lru_cache(maxsize=1)
def _taxonomy_index() -> dict[tuple[str, tuple[str, ...]], list[tuple[str, str]]]:
    """(language, stems of a term) → the (topic, language) entries it names."""
    index: dict[tuple[str, tuple[str, ...]], list[tuple[str, str]]] = {}
    for topic, languages in TERMS.items():
        for language, terms in languages.items():
            for term in terms:
                index.setdefault((language, _key(term, language)), []).append(
                    (str(topic), language)
                )
    return index


def from_taxonomy(term: str) -> list[Equivalent]:
    """The names in the other languages of the topic whose name ``term`` is
    (accents, case and plurals aside): *antigüedad* → *seniority*, *ancienneté*."""
    index = _taxonomy_index()
    named: dict[str, set[str]] = {}  # topic → the languages the term is a name in
    for language in SUFFIXES:
        for topic, lang in index.get((language, _key(term, language)), []):
            named.setdefault(topic, set()).add(lang)
    found: list[Equivalent] = []
    for topic, languages in named.items():
        for language, terms in TERMS[topic].items():
            if language not in languages:
                found += [Equivalent(t, language, topic) for t in terms]
    return found


def from_glossary(term: str) -> list[Equivalent]:
    """The alliance's glossary: *queja* → *grievance*, *grief* (no topic: a clause
    of any topic that says it is found)."""
    from alianza.lib.folding import fold
    from alianza.multilingual.selectors import glossary_entries

    wanted = fold(term)
    return [
        Equivalent(word, language)
        for word, language in glossary_entries(term)
        if fold(word) != wanted
    ]


SOURCES: list[Source] = [from_taxonomy]


def add_source(source: Source) -> None:
    """One more source of equivalents (a glossary), asked after the others."""
    if source not in SOURCES:
        SOURCES.append(source)


def equivalents(term: str) -> list[Equivalent]:
    """Every source's equivalents of ``term``, each word once: what the taxonomy
    already gives (with its topic) is not given again by the glossary."""
    from alianza.lib.folding import fold

    seen: set[tuple[str, str]] = set()
    found: list[Equivalent] = []
    for source in SOURCES:
        for equivalent in source(term):
            key = (fold(equivalent.term), equivalent.language)
            if key not in seen:
                seen.add(key)
                found.append(equivalent)
    return found


#: The most words a term spans (*drug and alcohol testing*).
LONGEST_TERM = 4


@dataclass(frozen=True)
class Group:
    """Words of a query read as one term, with their equivalents (maybe none)."""

    words: tuple[str, ...]
    equivalents: tuple[Equivalent, ...] = ()


def grouped(query: str) -> list[Group]:
    """The query's words, the longest runs that are a term first: *tiempo extra
    nocturno* → [*tiempo extra* (overtime, heures supplémentaires), *nocturno*]."""
    found = words(query)
    groups: list[Group] = []
    i = 0
    while i < len(found):
        for j in range(min(len(found), i + LONGEST_TERM), i, -1):
            same = equivalents(" ".join(found[i:j]))
            if same:
                groups.append(Group(tuple(found[i:j]), tuple(same)))
                i = j
                break
        else:
            groups.append(Group((found[i],)))
            i += 1
    return groups
