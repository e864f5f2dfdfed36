"""Writing the clause search index: each clause's words and its *scope* (who may
read it), when clauses are saved and whenever an agreement is shared or unshared.
The reading side is :mod:`search`; the design is told in its docstring."""

from collections.abc import Iterable

from django.db import connection

from .models import Agreement, Clause
from .stemming import WORD, fold, stems


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def agreement_scopes(agreement_ids: Iterable[int]) -> dict[int, list[str]]:
    """The scope words of each agreement: its union, the spaces it is shared into."""
    from django.contrib.contenttypes.models import ContentType

    from alianza.spaces.models import Share

    ids = list(agreement_ids)
    scopes = {
        pk: [f"o{org}"]
        for pk, org in Agreement.objects.filter(pk__in=ids).values_list(
            "pk", "organisation_id"
        )
    }
    shares = Share.objects.active().filter(
        content_type=ContentType.objects.get_for_model(Agreement),
        object_id__in=[str(pk) for pk in ids],
    )
    for object_id, space_id in shares.values_list("object_id", "space_id"):
        scopes.get(int(object_id), []).append(f"s{space_id}")
    return scopes


#: PostgreSQL: a clause's words (``c``, a row of ``contracts_clause``), in its
#: language's configuration, as written, and those with accents folded too
#: (``f.folded``: lower case without accents, see :func:`alianza.lib.folding.fold`),
#: so that *antiguedad* finds *antigüedad* as on SQLite, whose stems are folded.
WORDS_OF_CLAUSE = (
    "to_tsvector(CASE c.language WHEN 'es' THEN 'spanish'::regconfig"
    " WHEN 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END,"
    " coalesce(c.heading, '') || ' ' || c.text)"
    " || to_tsvector(CASE c.language WHEN 'es' THEN 'spanish'::regconfig"
    " WHEN 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END, f.folded)"
)


def folded_words(heading: str, text: str) -> str:
    """What ``f.folded`` is for a clause: the words that folding changes (*antigüedad*
    → *antiguedad*), folded; the others are indexed as written already (nothing, for
    most English clauses). A query with accents is also asked folded (see
    ``Wanted.words_of``), so a clause written without them is found too."""
    changed: dict[str, None] = {}
    for word in WORD.findall(f"{heading} {text}"):
        folded = fold(word)
        if folded != word.lower():
            changed[folded] = None
    return " ".join(changed)


def index(clauses: Iterable[Clause]) -> None:
    """Put new clauses into the index, with their agreements' scope."""
    clauses = list(clauses)
    scopes = agreement_scopes({c.agreement_id for c in clauses})
    if is_postgres():
        with connection.cursor() as cursor:
            for agreement_id, words in scopes.items():
                mine = [c for c in clauses if c.agreement_id == agreement_id]
                cursor.execute(
                    "INSERT INTO contracts_clause_search (id, agreement_id, words, scope)"  # noqa: S608 - values are bound
                    f" SELECT c.id, c.agreement_id, {WORDS_OF_CLAUSE},"
                    " array_to_tsvector(%s) FROM contracts_clause c"
                    " JOIN unnest(%s::bigint[], %s::text[]) AS f(id, folded)"
                    " ON f.id = c.id WHERE c.agreement_id = %s"
                    " ON CONFLICT (id) DO UPDATE"
                    " SET words = EXCLUDED.words, scope = EXCLUDED.scope",
                    [
                        words,
                        [c.pk for c in mine],
                        [folded_words(c.heading, c.text) for c in mine],
                        agreement_id,
                    ],
                )
        return
    rows = [
        (
            c.pk,
            " ".join(stems(f"{c.heading} {c.text}", c.language)),
            " ".join(scopes[c.agreement_id]),
        )
        for c in clauses
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT OR REPLACE INTO contracts_clause_fts(rowid, stems, scope)"
            " VALUES (%s, %s, %s)",
            rows,
        )


def refresh_scope(agreement_ids: Iterable[int]) -> None:
    """Write the scope of these agreements' clauses again (after a share changed)."""
    write_scope(agreement_scopes(agreement_ids))


def write_scope(scopes: dict[int, list[str]]) -> None:
    """Write these scope words on each agreement's clauses in the index."""
    with connection.cursor() as cursor:
        for agreement_id, words in scopes.items():
            if is_postgres():
                cursor.execute(
                    "UPDATE contracts_clause_search SET scope = array_to_tsvector(%s)"
                    " WHERE agreement_id = %s",
                    [words, agreement_id],
                )
            else:
                cursor.execute(
                    "UPDATE contracts_clause_fts SET scope = %s WHERE rowid IN"
                    " (SELECT id FROM contracts_clause WHERE agreement_id = %s)",
                    [" ".join(words), agreement_id],
                )
