"""PostgreSQL's clause index also holds the words of each clause that have accents,
folded (lower case, no accents), as SQLite's stems are, so that a search for
*antiguedad* finds *antigüedad* (see search_index.WORDS_OF_CLAUSE and search_index.folded_words).
SQLite's index needs nothing."""

from django.db import migrations

BATCH = 500


def fold_the_words(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from alianza.contracts.search_index import WORDS_OF_CLAUSE, folded_words

    Clause = apps.get_model("contracts", "Clause")
    rows = Clause.objects.order_by("pk").values_list("pk", "heading", "text")
    batch: list[tuple[int, str]] = []

    def write() -> None:
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE contracts_clause_search s SET words = {WORDS_OF_CLAUSE}"  # noqa: S608 - values are bound
                " FROM contracts_clause c"
                " JOIN unnest(%s::bigint[], %s::text[]) AS f(id, folded) ON f.id = c.id"
                " WHERE s.id = c.id",
                [[pk for pk, _f in batch], [folded for _pk, folded in batch]],
            )
        batch.clear()

    for pk, heading, text in rows.iterator(chunk_size=BATCH):
        folded = folded_words(heading, text)
        if not folded:
            continue  # nothing to fold: its words as written are indexed already
        batch.append((pk, folded))
        if len(batch) >= BATCH:
            write()
    if batch:
        write()


class Migration(migrations.Migration):
    dependencies = [("contracts", "0004_folded_titles_for_search")]

    operations = [migrations.RunPython(fold_the_words, migrations.RunPython.noop)]
