"""Full-text search of clauses: one interface, two engines.

SQLite (the default): an FTS5 table ``contracts_clause_fts`` with two columns, each
clause's stems (see :mod:`stemming`) and its *scope*. PostgreSQL: a narrow table
``contracts_clause_search`` with the clause's ``words`` (a ``tsvector`` in the
clause's language configuration) and its ``scope``, both in one GIN index. The app
writes the index when clauses are saved (:func:`search_index.index`); triggers forget a clause
when it is deleted.

The scope says who may read a clause, as words: ``o12`` for the union that owns the
agreement, ``s3`` for each joint space it is shared into (see
:func:`selectors.reading_scope`). With it in the index the engine finds only what the
reader may see, so a common word across thousands of agreements costs the first page
of hits, not a check of every match. The scope is written with the clauses and again
whenever an agreement is shared into a space or the share is withdrawn
(:func:`search_index.refresh_scope`, from the signals in ``apps.py``); it only narrows the search:
every hit is checked once more against :func:`selectors.visible_agreements`.
Migrations 0002 and 0003 create the index.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from . import equivalents
from .models import Agreement, Clause, Topic
from .search_index import is_postgres
from .selectors import reading_scope, visible_agreements
from .stemming import WORD, fold, query_stems, stem

SNIPPET = 320


@dataclass
class Filters:
    employer: int | None = None
    country: str = ""
    organisation: int | None = None
    topic: str = ""
    effective_from: date | None = None
    expires_until: date | None = None

    def narrows_agreements(self) -> bool:
        return bool(
            self.employer
            or self.country
            or self.organisation
            or self.effective_from
            or self.expires_until
        )

    def agreements(self, agreements: QuerySet[Agreement]) -> QuerySet[Agreement]:
        """``agreements`` narrowed by every filter but the clause's topic."""
        if self.employer:
            agreements = agreements.filter(employer_id=self.employer)
        if self.country:
            agreements = agreements.filter(country=self.country)
        if self.organisation:
            agreements = agreements.filter(organisation_id=self.organisation)
        if self.effective_from:
            agreements = agreements.filter(expires_on__gte=self.effective_from)
        if self.expires_until:
            agreements = agreements.filter(effective_on__lte=self.expires_until)
        return agreements


def _fts5_query(text: str) -> str:
    groups = []
    for variants in query_stems(text):
        groups.append("(" + " OR ".join(f'"{v}"' for v in sorted(variants)) + ")")
    return " AND ".join(groups)


Rows = list[tuple[int, int]]  # (clause, agreement), newest first


def _found_sqlite(
    wanted: "Wanted", scope: list[str] | None, narrowed: str, params: list, page: int
) -> tuple[Rows, Rows]:
    """FTS5 walks its index newest first and stops at the cap: one query gives the
    page and the count."""
    query = "stems : (" + wanted.fts5 + ")"
    if scope is not None:
        query += " AND scope : (" + " OR ".join(f'"{w}"' for w in scope) + ")"
    with connection.cursor() as cursor:
        # CROSS JOIN keeps the index the outer loop, so that LIMIT ends its walk.
        sql = (
            "SELECT c.id, c.agreement_id FROM contracts_clause_fts"  # noqa: S608 - values are bound
            " CROSS JOIN contracts_clause c ON c.id = contracts_clause_fts.rowid"
            f" WHERE contracts_clause_fts MATCH %s{narrowed}"
            " ORDER BY contracts_clause_fts.rowid DESC LIMIT %s"
        )
        cursor.execute(sql, [query, *params, COUNT_CAP + 1])
        rows = cursor.fetchall()
    return rows[:page], rows


#: PostgreSQL: how many of the newest clauses are read one by one before the GIN
#: index is asked (it gives every match at once, unordered).
NEWEST_WINDOW = 10_000


def _found_postgres(
    wanted: "Wanted", scope: list[str] | None, narrowed: str, params: list, page: int
) -> tuple[Rows, Rows]:
    """GIN gives a query's matches all at once and unordered, and reading them all
    costs as much as the words are common. So the newest ``NEWEST_WINDOW`` clauses
    are read first, newest first, stopping at the cap: for common words that is the
    whole answer. Otherwise the index counts the older ones up to the cap, and the
    page is completed from them, newest first."""
    with connection.cursor() as cursor:
        # Once, as a constant: in a row filter the function would run on every row.
        cursor.execute(
            f"SELECT ({wanted.tsquery})::text,"  # noqa: S608 - values are bound
            " (SELECT max(id) FROM contracts_clause_search)",
            wanted.tsquery_params,
        )
        tsquery, top = cursor.fetchone()
        if not tsquery or top is None:  # stop words only; nothing indexed
            return [], []
        where = " WHERE c.words @@ %s::tsquery"
        args: list = [tsquery]
        if scope is not None:
            where += " AND c.scope @@ %s::tsquery"
            args.append(" | ".join(f"'{w}'" for w in scope))
        where += narrowed
        args += params
        select = "SELECT c.id, c.agreement_id FROM contracts_clause_search c"
        border = top - NEWEST_WINDOW
        with _planner("enable_bitmapscan"):  # the primary key, backwards
            cursor.execute(
                select + where + " AND c.id > %s ORDER BY c.id DESC LIMIT %s",
                [*args, border, COUNT_CAP + 1],
            )
            newest = cursor.fetchall()
        if len(newest) > COUNT_CAP:
            return newest[:page], newest
        with _planner("enable_seqscan", "enable_indexscan"):  # the GIN index
            cursor.execute(
                select + where + " AND c.id <= %s LIMIT %s",
                [*args, border, COUNT_CAP + 1 - len(newest)],
            )
            older = cursor.fetchall()
        counted = newest + older
        if len(counted) <= COUNT_CAP:
            return sorted(counted, reverse=True)[:page], counted
        if len(newest) < page:
            cursor.execute(
                select + where + " AND c.id <= %s ORDER BY c.id DESC LIMIT %s",
                [*args, border, page - len(newest)],
            )
            newest += cursor.fetchall()
        return newest[:page], counted


@contextmanager
def _planner(*switched_off: str) -> Iterator[None]:
    """PostgreSQL's planner told which way to read, for one query."""
    with connection.cursor() as cursor:
        for setting in switched_off:
            cursor.execute(f"SET {setting} = off")
        try:
            yield
        finally:
            for setting in switched_off:
                cursor.execute(f"RESET {setting}")


@dataclass(frozen=True)
class Wanted:
    """What a search looks for, as each engine asks for it: an FTS5 expression on
    the stems (SQLite), an SQL expression giving a ``tsquery`` (PostgreSQL)."""

    fts5: str
    tsquery: str
    tsquery_params: tuple[str, ...]

    @classmethod
    def words_of(cls, text: str) -> "Wanted":
        """Every word of ``text``, in whatever language (the query's is unknown),
        as written or folded (PostgreSQL's index holds both; see WORDS_OF_CLAUSE)."""
        languages = (
            "(websearch_to_tsquery('english', %s)"
            " || websearch_to_tsquery('spanish', %s)"
            " || websearch_to_tsquery('french', %s))"
        )
        folded = fold(text)
        if folded == text.lower():  # nothing to fold: the words as written do
            return cls(_fts5_query(text), languages, (text, text, text))
        return cls(
            _fts5_query(text),
            f"({languages} || {languages})",
            (text, text, text, folded, folded, folded),
        )

    def but_not(self, other: "Wanted") -> "Wanted":
        """What this looks for, without what ``other`` finds."""
        return Wanted(
            f"({self.fts5}) NOT ({other.fts5})",
            f"(({self.tsquery}) && !!({other.tsquery}))",
            self.tsquery_params + other.tsquery_params,
        )


#: PostgreSQL's text search configuration of each language.
CONFIGS = {"en": "english", "es": "spanish", "fr": "french"}


def _term(term: str, language: str) -> Wanted:
    """One term (its words in a row) in one language."""
    stemmed = " ".join(stem(w, language) for w in WORD.findall(term))
    config = CONFIGS.get(language, "simple")
    if fold(term) == term.lower():
        return Wanted(f'"{stemmed}"', f"phraseto_tsquery('{config}', %s)", (term,))
    return Wanted(
        f'"{stemmed}"',
        f"(phraseto_tsquery('{config}', %s) || phraseto_tsquery('{config}', %s))",
        (term, fold(term)),
    )


def _any(alternatives: list[Wanted], joiner: tuple[str, str]) -> Wanted:
    fts5, sql = joiner
    return Wanted(
        "(" + f" {fts5} ".join(a.fts5 for a in alternatives) + ")",
        "(" + f" {sql} ".join(a.tsquery for a in alternatives) + ")",
        tuple(p for a in alternatives for p in a.tsquery_params),
    )


def _either(alternatives: list[Wanted]) -> Wanted:
    return _any(alternatives, ("OR", "||"))


def _all(parts: list[Wanted]) -> Wanted:
    return _any(parts, ("AND", "&&"))


def matches(
    user, text: str, filters: Filters, page: int, wanted: Wanted | None = None
) -> tuple[list[int], int]:
    """The ids of the ``page`` newest clauses the user may read that match ``text``
    (or what ``wanted`` says), and how many match (``COUNT_CAP + 1`` meaning more
    than the cap)."""
    scope = reading_scope(user)
    if scope == [] or not WORD.search(text):
        return [], 0
    narrowed, params = "", []
    if filters.narrows_agreements():
        sql, args = (
            filters.agreements(Agreement.objects.all())
            .values("pk")
            .query.sql_with_params()
        )
        narrowed, params = f" AND c.agreement_id IN ({sql})", list(args)
    if filters.topic:
        narrowed += (
            " AND EXISTS (SELECT 1 FROM contracts_clause t WHERE t.id = c.id"
            " AND t.topic = %s)"
            if is_postgres()
            else " AND c.topic = %s"
        )
        params.append(filters.topic)
    find = _found_postgres if is_postgres() else _found_sqlite
    newest, counted = find(
        wanted or Wanted.words_of(text), scope, narrowed, params, page
    )
    # The scope words narrowed the search; what the person may read decides.
    allowed = set(
        visible_agreements(user)
        .filter(pk__in={a for _c, a in newest + counted})
        .values_list("pk", flat=True)
    )
    total = sum(1 for _c, agreement in counted if agreement in allowed)
    return [clause for clause, agreement in newest if agreement in allowed], total


@lru_cache(maxsize=256)
def _wanted(query: str) -> frozenset[str]:
    return frozenset().union(*query_stems(query))


def highlight(text: str, query: str, language: str) -> SafeString:
    """A passage of ``text`` around the first match, matched words in ``<mark>``."""
    wanted = _wanted(query)

    def matched(word: re.Match) -> bool:
        return stem(word.group(), language) in wanted

    first = next((m for m in WORD.finditer(text) if matched(m)), None)
    start = 0
    if first is not None and first.start() > SNIPPET // 3:
        start = text.rfind(" ", 0, first.start() - SNIPPET // 3) + 1
    end = min(len(text), start + SNIPPET)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts: list[str] = ["…" if start > 0 else ""]
    cursor = start
    # Only the passage's words: a clause can be long.
    for word in WORD.finditer(text, start):
        if word.end() > end:
            break
        if matched(word):
            low, high = word.span()
            parts += [
                escape(text[cursor:low]),
                "<mark>",
                escape(word.group()),
                "</mark>",
            ]
            cursor = high
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return mark_safe(re.sub(r"\s+", " ", "".join(parts)))  # noqa: S308 - escaped above


@dataclass
class Hit:
    clause: Clause
    passage: SafeString


#: Past this many matches the count reads "more than": counting every match of a
#: common word across thousands of agreements costs more than the reader gains.
COUNT_CAP = 200


def search(user, text: str, filters: Filters, limit: int = 50) -> tuple[list[Hit], int]:
    """The first ``limit`` clauses the user may read that match ``text``, newest
    first, and how many there are (``COUNT_CAP + 1`` meaning more than the cap)."""
    ids, total = matches(user, text, filters, limit)
    hits = [
        Hit(clause, highlight(clause.text, text, clause.language))
        for clause in _clauses(ids)
    ]
    return hits, total


def _clauses(ids: list[int]) -> list[Clause]:
    """The clauses with these ids, in this order, with their agreements' parties."""
    # The page's rows apart, by primary key: joined to the text match or to every
    # agreement, the planners would read far more than fifty rows.
    agreements = Agreement.objects.defer("text").select_related(
        "employer", "organisation"
    )
    rows = (
        Clause.objects.prefetch_related(Prefetch("agreement", queryset=agreements))
        .order_by()
        .in_bulk(ids)
    )
    return [rows[pk] for pk in ids if pk in rows]  # unless deleted since


@dataclass
class Across:
    """Clauses in other languages found through equivalent terms: of one taxonomy
    topic (``topic``), or of any (a source that knows no topic)."""

    topic: str
    terms: list[str]
    hits: list[Hit]
    total: int

    @property
    def more_than(self) -> int | None:
        """The cap, when more clauses than that were found (see ``COUNT_CAP``)."""
        return COUNT_CAP if self.total > COUNT_CAP else None

    @property
    def reason(self) -> str:
        """Why these clauses were found, in the reader's language."""
        if self.topic:
            return _("Same topic: %(topic)s") % {"topic": Topic(self.topic).label}
        return _("Same term in another language: %(terms)s") % {
            "terms": ", ".join(self.terms)
        }


def _across_wanted(
    groups: list[equivalents.Group], topic: str
) -> tuple[Wanted, list[str]] | None:
    """The words of the query with the terms that have equivalents of ``topic``
    (``""``: equivalents of no topic) replaced by those equivalents; None when no
    term has any."""
    parts: list[Wanted] = []
    terms: list[str] = []
    for group in groups:
        same = [e for e in group.equivalents if e.topic == topic]
        if same:
            parts.append(_either([_term(e.term, e.language) for e in same]))
            terms += [e.term for e in same]
        else:
            parts.append(Wanted.words_of(" ".join(group.words)))
    if not terms:
        return None
    return _all(parts), list(dict.fromkeys(terms))


def across_languages(
    user, text: str, filters: Filters, limit: int = 20
) -> list[Across]:
    """The clauses the user may read that say in another language what ``text``
    says (its terms' equivalents, see :mod:`equivalents`), and that
    :func:`search` does not find: for a taxonomy's term, only clauses of its topic.
    Newest first within each topic, the query's topics in the order of its words."""
    if not WORD.search(text):
        return []
    groups = equivalents.grouped(text)
    topics = list(dict.fromkeys(e.topic for g in groups for e in g.equivalents))
    direct = Wanted.words_of(text)
    found: list[Across] = []
    for topic in topics:
        if topic and filters.topic and filters.topic != topic:
            continue
        built = _across_wanted(groups, topic)
        if built is None:
            continue
        wanted, terms = built
        narrowed = replace(filters, topic=topic or filters.topic)
        ids, total = matches(user, text, narrowed, limit, wanted.but_not(direct))
        if not total:
            continue
        # The terms' words marked in the passages, but not "de", "and", "en", …
        words = " ".join(w for w in WORD.findall(" ".join(terms)) if len(w) > 3)
        hits = [
            Hit(clause, highlight(clause.text, words, clause.language))
            for clause in _clauses(ids)
        ]
        found.append(Across(topic, terms, hits, total))
    return found
