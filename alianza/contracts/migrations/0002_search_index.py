"""The full-text index of clauses, different on each engine (see search.py)."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE contracts_clause_fts USING fts5("
    "stems, tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER contracts_clause_fts_forget AFTER DELETE ON contracts_clause "
    "BEGIN DELETE FROM contracts_clause_fts WHERE rowid = old.id; END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS contracts_clause_fts_forget",
    "DROP TABLE IF EXISTS contracts_clause_fts",
]
POSTGRESQL = [
    "ALTER TABLE contracts_clause ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector(CASE language WHEN 'es' THEN 'spanish'::regconfig "
    "WHEN 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END, "
    "coalesce(heading, '') || ' ' || text)) STORED",
    "CREATE INDEX contracts_clause_search ON contracts_clause USING gin (search_vector)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS contracts_clause_search",
    "ALTER TABLE contracts_clause DROP COLUMN IF EXISTS search_vector",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor) -> None:
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("contracts", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
