"""Full-text search of clauses: one interface, two engines.

SQLite (the default): an FTS5 virtual table ``contracts_clause_fts`` holds each
clause's stems (see :mod:`stemming`); the app writes it when clauses are saved and
a trigger forgets a clause when it is deleted. PostgreSQL: a generated ``tsvector``
column ``search_vector`` with a GIN index, built with the clause's language
configuration ('english', 'spanish' or 'french'). Both are created by migration
0002. Results are always scoped to the clauses the user may read.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Clause
from .stemming import WORD, query_stems, stem, stems

SNIPPET = 320


@dataclass
class Filters:
    employer: int | None = None
    country: str = ""
    organisation: int | None = None
    topic: str = ""
    effective_from: date | None = None
    expires_until: date | None = None

    def apply(self, clauses: QuerySet[Clause]) -> QuerySet[Clause]:
        if self.employer:
            clauses = clauses.filter(agreement__employer_id=self.employer)
        if self.country:
            clauses = clauses.filter(agreement__country=self.country)
        if self.organisation:
            clauses = clauses.filter(agreement__organisation_id=self.organisation)
        if self.topic:
            clauses = clauses.filter(topic=self.topic)
        if self.effective_from:
            clauses = clauses.filter(agreement__expires_on__gte=self.effective_from)
        if self.expires_until:
            clauses = clauses.filter(agreement__effective_on__lte=self.expires_until)
        return clauses


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def index(clauses: Iterable[Clause]) -> None:
    """Put clauses into the SQLite index (PostgreSQL computes its column itself)."""
    if is_postgres():
        return
    rows = [
        (c.pk, " ".join(stems(f"{c.heading} {c.text}", c.language))) for c in clauses
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT OR REPLACE INTO contracts_clause_fts(rowid, stems) VALUES (%s, %s)",
            rows,
        )


def _fts5_query(text: str) -> str:
    groups = []
    for variants in query_stems(text):
        groups.append("(" + " OR ".join(f'"{v}"' for v in sorted(variants)) + ")")
    return " AND ".join(groups)


def matching(clauses: QuerySet[Clause], text: str) -> QuerySet[Clause]:
    """``clauses`` narrowed to those that match the query ``text``."""
    if not WORD.search(text):
        return clauses.none()
    if is_postgres():
        # On the clause row itself (no self-join): the GIN index finds the rows.
        return clauses.extra(  # noqa: S610 - the query is a bound parameter
            where=[
                "contracts_clause.search_vector @@ (websearch_to_tsquery('english', %s)"
                " || websearch_to_tsquery('spanish', %s)"
                " || websearch_to_tsquery('french', %s))"
            ],
            params=[text, text, text],
        )
    else:
        condition = RawSQL(  # noqa: S611 - the query is a bound parameter
            "SELECT rowid FROM contracts_clause_fts WHERE contracts_clause_fts MATCH %s",
            [_fts5_query(text)],
        )
    return clauses.filter(pk__in=condition)


def highlight(text: str, query: str, language: str) -> SafeString:
    """A passage of ``text`` around the first match, matched words in ``<mark>``."""
    wanted = set().union(*query_stems(query))
    spans = [
        m.span() for m in WORD.finditer(text) if stem(m.group(), language) in wanted
    ]
    start = 0
    if spans and spans[0][0] > SNIPPET // 3:
        start = text.rfind(" ", 0, spans[0][0] - SNIPPET // 3) + 1
    end = min(len(text), start + SNIPPET)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for low, high in spans:
        if low < start or high > end:
            continue
        parts += [escape(text[cursor:low]), "<mark>", escape(text[low:high]), "</mark>"]
        cursor = high
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return mark_safe(re.sub(r"\s+", " ", "".join(parts)))  # noqa: S308 - escaped above


@dataclass
class Hit:
    clause: Clause
    passage: SafeString


#: Past this many matches the count reads "more than": counting every match of a
#: common word across thousands of agreements costs more than the reader gains.
COUNT_CAP = 1000


def search(
    clauses: QuerySet[Clause], text: str, filters: Filters, limit: int = 50
) -> tuple[list[Hit], int]:
    """The first ``limit`` hits among ``clauses`` (already scoped), newest agreements
    first, and how many there are (``COUNT_CAP + 1`` meaning more than the cap)."""
    found = matching(filters.apply(clauses), text)
    ids = list(found.order_by("-pk").values_list("pk", flat=True)[: COUNT_CAP + 1])
    # The page's rows apart: joined to the employer in one query with the text match,
    # SQLite's planner would run the match once per employer.
    rows = (
        Clause.objects.select_related("agreement__employer", "agreement__organisation")
        .defer("agreement__text")  # a whole agreement's text: not for a hit list
        .in_bulk(ids[:limit])
    )
    hits = [
        Hit(rows[pk], highlight(rows[pk].text, text, rows[pk].language))
        for pk in ids[:limit]
    ]
    return hits, len(ids)
