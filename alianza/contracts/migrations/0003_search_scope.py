"""Who may read a clause, kept in the search index (see search.py): on SQLite the
FTS5 table gains a ``scope`` column (FTS5 tables cannot be altered, so it is made
again from the stems it holds); on PostgreSQL the words move to a narrow table of
their own, ``contracts_clause_search``, beside a ``scope``, in one GIN index. Both
are filled from the agreements' unions and their active shares into joint spaces."""

from django.db import migrations

AGREEMENT_SHARES = (
    "SELECT s.space_id FROM spaces_share s JOIN django_content_type t"
    " ON t.id = s.content_type_id AND t.app_label = 'contracts'"
    " AND t.model = 'agreement'"
    " WHERE s.object_id = CAST(a.id AS TEXT) AND s.withdrawn_at IS NULL"
)

SQLITE = [
    "CREATE VIRTUAL TABLE contracts_clause_fts_scoped USING fts5("
    "stems, scope, tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO contracts_clause_fts_scoped(rowid, stems, scope)"
    " SELECT f.rowid, f.stems, 'o' || a.organisation_id || coalesce("
    f"(SELECT ' ' || group_concat('s' || space_id, ' ') FROM ({AGREEMENT_SHARES})),"
    " '') FROM contracts_clause_fts f"
    " JOIN contracts_clause c ON c.id = f.rowid"
    " JOIN contracts_agreement a ON a.id = c.agreement_id",
    "DROP TRIGGER contracts_clause_fts_forget",
    "DROP TABLE contracts_clause_fts",
    "ALTER TABLE contracts_clause_fts_scoped RENAME TO contracts_clause_fts",
    "CREATE TRIGGER contracts_clause_fts_forget AFTER DELETE ON contracts_clause "
    "BEGIN DELETE FROM contracts_clause_fts WHERE rowid = old.id; END",
]
SQLITE_REVERSE = [
    "CREATE VIRTUAL TABLE contracts_clause_fts_plain USING fts5("
    "stems, tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO contracts_clause_fts_plain(rowid, stems)"
    " SELECT rowid, stems FROM contracts_clause_fts",
    "DROP TRIGGER contracts_clause_fts_forget",
    "DROP TABLE contracts_clause_fts",
    "ALTER TABLE contracts_clause_fts_plain RENAME TO contracts_clause_fts",
    "CREATE TRIGGER contracts_clause_fts_forget AFTER DELETE ON contracts_clause "
    "BEGIN DELETE FROM contracts_clause_fts WHERE rowid = old.id; END",
]
POSTGRESQL = [
    # The words leave the clause rows for a narrow table of their own, read newest
    # first without the clauses' text (see search._found_postgres).
    "DROP INDEX contracts_clause_search",
    "CREATE TABLE contracts_clause_search (id bigint PRIMARY KEY,"
    " agreement_id bigint NOT NULL, words tsvector NOT NULL, scope tsvector NOT NULL)",
    "INSERT INTO contracts_clause_search (id, agreement_id, words, scope)"
    " SELECT c.id, c.agreement_id, c.search_vector, array_to_tsvector("
    "ARRAY['o' || a.organisation_id] || coalesce((SELECT array_agg('s' || space_id)"
    f" FROM ({AGREEMENT_SHARES}) shares), ARRAY[]::text[]))"
    " FROM contracts_clause c JOIN contracts_agreement a ON a.id = c.agreement_id",
    "ALTER TABLE contracts_clause DROP COLUMN search_vector",
    "CREATE INDEX contracts_clause_search_words ON contracts_clause_search"
    " USING gin (words, scope)",
    "CREATE INDEX contracts_clause_search_agreement ON contracts_clause_search"
    " (agreement_id)",
    # No foreign key (a test's flush truncates the clauses alone): triggers forget.
    "CREATE FUNCTION contracts_clause_search_forget() RETURNS trigger"
    " LANGUAGE plpgsql AS $$ BEGIN"
    " IF TG_OP = 'TRUNCATE' THEN TRUNCATE contracts_clause_search;"
    " ELSE DELETE FROM contracts_clause_search WHERE id = OLD.id; END IF;"
    " RETURN NULL; END $$",
    "CREATE TRIGGER contracts_clause_search_forget AFTER DELETE ON contracts_clause"
    " FOR EACH ROW EXECUTE FUNCTION contracts_clause_search_forget()",
    "CREATE TRIGGER contracts_clause_search_truncate AFTER TRUNCATE ON contracts_clause"
    " FOR EACH STATEMENT EXECUTE FUNCTION contracts_clause_search_forget()",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER contracts_clause_search_truncate ON contracts_clause",
    "DROP TRIGGER contracts_clause_search_forget ON contracts_clause",
    "DROP FUNCTION contracts_clause_search_forget()",
    "DROP TABLE contracts_clause_search",
    "ALTER TABLE contracts_clause ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector(CASE language WHEN 'es' THEN 'spanish'::regconfig "
    "WHEN 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END, "
    "coalesce(heading, '') || ' ' || text)) STORED",
    "CREATE INDEX contracts_clause_search ON contracts_clause USING gin (search_vector)",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor) -> None:
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("contracts", "0002_search_index"),
        ("spaces", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
