"""Model instances inserted in bulk, fast on PostgreSQL: their ids reserved from the table's sequence in one
query, the rows sent with one COPY, each value prepared by its field once (no SQL compiled per value).

Django's `bulk_create` spent ~45% of a limit import batch compiling values field by field (bench/RESULTS.md);
COPY takes the rows as text. Elsewhere (SQLite) `bulk_create`, which gives the same rows and ids. The COPY
goes through the connection's execute wrappers and query log, so it is counted like any other statement.
"""

import io
import json
from collections.abc import Sequence
from datetime import date, datetime

from django.db import connection, models
from django.utils import timezone


def insert(model, objs: Sequence[models.Model]) -> None:
    """Insert `objs` (unsaved instances of `model`) and set their pks, as `bulk_create` does."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objs)
        return
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    ids = _reserve_ids(model, len(objs))
    buffer = io.StringIO()
    now = timezone.now()
    columns = [_column(field, now) for field in fields]
    write = buffer.write
    for pk, obj in zip(ids, objs, strict=True):
        obj.pk = pk
        write("\t".join([str(pk), *(column(obj) for column in columns)]))
        write("\n")
        obj._state.adding, obj._state.db = False, connection.alias
    buffer.seek(0)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in [model._meta.pk.column, *(field.column for field in fields)])
    _copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN", buffer)


def _reserve_ids(model, count: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                       [model._meta.db_table, model._meta.pk.column, count])
        return [row[0] for row in cursor.fetchall()]


def _copy(sql: str, buffer) -> None:
    with connection.cursor() as cursor:
        def executor(sql, params, many, context):
            return cursor.cursor.copy_expert(sql, buffer)

        if hasattr(cursor, "debug_sql"):  # the query log (tests' CaptureQueriesContext, DEBUG)
            with cursor.debug_sql(sql):
                cursor._execute_with_wrappers(sql, None, False, executor)
        else:
            cursor._execute_with_wrappers(sql, None, False, executor)


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _text(value) -> str:
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).translate(_ESCAPES)


# Fields whose stored Python value is already what the column takes (text, numbers, dates, foreign key ids,
# country codes): read from the instance's __dict__ (no descriptor), written as text. The hot path: ~20 fields
# a row, 1,000 rows a batch.
_PLAIN = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.DecimalField,
          models.DateField, models.ForeignKey)


def _column(field, now):
    """A function of the instance giving the field's value in COPY's text format."""
    attname = field.attname
    if isinstance(field, models.JSONField):
        return lambda obj: _json(vars(obj)[attname], field)
    if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
        # What pre_save(add=True) sets, as bulk_create does: the same moment for the whole insert.
        stamp = now.isoformat()
        return lambda obj: setattr(obj, attname, now) or stamp
    if isinstance(field, _PLAIN) and not isinstance(field, models.FileField):
        return lambda obj: _text(vars(obj)[attname])
    return lambda obj: _text(field.get_db_prep_save(field.pre_save(obj, True), connection))


def _json(value, field) -> str:
    return "\\N" if value is None else json.dumps(value, cls=field.encoder).translate(_ESCAPES)


def update(model, objs: Sequence[models.Model], field_names: Sequence[str]) -> None:
    """One UPDATE ... FROM (VALUES ...) of `field_names` for `objs`, whatever their number: what `bulk_update`
    does with one CASE per field and row, which costs seconds per thousand rows to compile."""
    if not objs:
        return
    fields = [model._meta.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    cast = connection.vendor == "postgresql"  # VALUES' parameters are untyped there; SQLite takes them as they are

    def slot(field):
        return f"CAST(%s AS {field.db_type(connection)})" if cast else "%s"

    pk = model._meta.pk
    row = "(" + ", ".join(slot(field) for field in [pk, *fields]) + ")"
    params = []
    for obj in objs:
        params.append(obj.pk)
        params.extend(field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields)
    names = ["id", *(f"c{i}" for i in range(len(fields)))]
    table = quote(model._meta.db_table)
    assignments = ", ".join(f"{quote(field.column)} = v.c{i}" for i, field in enumerate(fields))
    sql = (f"WITH v ({', '.join(names)}) AS (VALUES {', '.join([row] * len(objs))}) "
           f"UPDATE {table} SET {assignments} FROM v WHERE {table}.{quote(pk.column)} = v.id")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
