"""Trigram index on the limits' references, PostgreSQL only.

The limits search matches part of a reference (`UPPER(reference) LIKE '%Q%'`), which no b-tree serves;
pg_trgm's GIN index does. SQLite (development, the test suite) keeps its plain scan: nothing
to do there, and nothing in the models changes.
"""

from django.db import migrations

# `reference__icontains` compares UPPER(reference): the index is on that expression.
INDEXES = [("limits_creditlimit", "limit_reference_trgm_idx", "UPPER(reference)")]


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
    dependencies = [("limits", "0004_limit_list_index")]

    operations = [migrations.RunPython(create, drop)]
