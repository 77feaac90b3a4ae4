"""Trigram index on the buyers' search text, PostgreSQL only.

Search matches words anywhere in the normalised names (`search_text LIKE '%word%'`), which no b-tree
serves; pg_trgm's GIN index does. SQLite (development, the test suite) keeps its plain scan: nothing
to do there, and nothing in the models changes.
"""

from django.db import migrations

INDEXES = [("buyers_buyer", "buyer_search_trgm_idx", "search_text")]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, name, expression in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression} gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _, name, _ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("buyers", "0003_search_and_list_indexes")]

    operations = [migrations.RunPython(create, drop)]
