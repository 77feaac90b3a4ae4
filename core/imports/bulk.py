"""Rows inserted in bulk, fast on PostgreSQL: their ids reserved from the table's sequence in one query, the
rows sent with one COPY whose text is built column by column, each column by a converter chosen once for its
field (no SQL compiled per value, no model instance per row).

Django's `bulk_create` spent ~45% of a limit import batch compiling values field by field, and building the
COPY text value by value still took ~32% of a buyer import (bench/RESULTS.md). `insert_rows` takes plain
tuples; `insert` takes model instances (and sets their pks). Elsewhere (SQLite) `bulk_create`, which gives the
same rows and ids. The COPY goes through the connection's execute wrappers and query log, so it is counted like
any other statement.
"""

import io
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal

from django.db import connection, models
from django.utils import timezone


def insert_rows(model, columns: Sequence[str], rows: Sequence[Sequence]) -> list[int]:
    """Insert `rows` (tuples of Python values in the order of `columns`: field names, foreign keys by their
    attname, e.g. `buyer_id`) and return their new ids, in order. A field not named takes its default, an
    auto_now(_add) one the moment of the insert: the row `bulk_create` would write for
    `model(**dict(zip(columns, row)))`."""
    if not rows:
        return []
    if connection.vendor != "postgresql":
        objs = [model(**dict(zip(columns, row, strict=True))) for row in rows]
        model.objects.bulk_create(objs)
        return [obj.pk for obj in objs]
    named = [model._meta.get_field(name) for name in columns]
    now = timezone.now()
    # Every other column is the same for each row: its text is made once.
    constant = [field for field in model._meta.concrete_fields if not field.primary_key and field not in named]
    suffix = "".join("\t" + _column_texts(field, [_default(field, now)])[0] for field in constant)
    texts = [_column_texts(field, [row[i] for row in rows]) for i, field in enumerate(named)]
    ids = _reserve_ids(model, len(rows))
    lines = map("\t".join, zip(map(str, ids), *texts, strict=True))
    _copy_lines(model, [model._meta.pk, *named, *constant], (line + suffix for line in lines))
    return ids


def insert(model, objs: Sequence[models.Model]) -> None:
    """Insert `objs` (unsaved instances of `model`) and set their pks, as `bulk_create` does."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objs)
        return
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    now = timezone.now()
    texts = [_column_texts(field, _instance_values(field, objs, now)) for field in fields]
    ids = _reserve_ids(model, len(objs))
    for pk, obj in zip(ids, objs, strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, connection.alias
    _copy_lines(model, [model._meta.pk, *fields], map("\t".join, zip(map(str, ids), *texts, strict=True)))


def _default(field, now):
    if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
        return now
    return field.get_default()


# Fields whose stored Python value is already what the column takes (text, numbers, dates, foreign key ids,
# country codes): read from the instance's __dict__ (no descriptor). The hot path: ~20 fields a row, 1,000
# rows a batch.
_PLAIN = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.DecimalField,
          models.DateField, models.ForeignKey)


def _instance_values(field, objs, now) -> list:
    attname = field.attname
    if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
        # What pre_save(add=True) sets, as bulk_create does: the same moment for the whole insert.
        for obj in objs:
            setattr(obj, attname, now)
        return [now] * len(objs)
    if isinstance(field, (*_PLAIN, models.JSONField)) and not isinstance(field, models.FileField):
        return [vars(obj)[attname] for obj in objs]
    return [field.pre_save(obj, True) for obj in objs]  # prepared for the database by the column's converter


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_SPECIAL = ("\\", "\t", "\n", "\r")


def _column_texts(field, values: list) -> list[str]:
    """One column's values in COPY's text format, by the converter of its field."""
    convert, text_like = _converter(field)
    if field.null or isinstance(field, models.JSONField):
        texts = [_NULL if value is None else convert(value) for value in values]
    else:
        texts = list(map(convert, values))
    if text_like:
        # Text may hold what COPY escapes; one look at the whole column spares a translate per value.
        joined = "".join(texts)
        if any(special in joined for special in _SPECIAL):
            texts = [text if value is None else text.translate(_ESCAPES) for value, text in zip(values, texts,
                                                                                                strict=True)]
    return texts


_NULL = "\\N"


def _converter(field) -> tuple[Callable, bool]:
    """The function giving a value's text, and whether that text may need COPY's escapes."""
    if isinstance(field, models.BooleanField):
        return _bool, False
    if isinstance(field, models.JSONField):
        encoder = field.encoder
        return (lambda value: json.dumps(value, cls=encoder)), True
    if isinstance(field, models.DateField):  # and DateTimeField
        return _iso, False
    if isinstance(field, models.IntegerField | models.DecimalField):
        return str, False
    if isinstance(field, _PLAIN) and not isinstance(field, models.FileField):
        return str, True
    return (lambda value: _text(field.get_db_prep_save(value, connection))), False


def _bool(value) -> str:
    return "t" if value else "f"


def _iso(value) -> str:
    return value.isoformat()


def _reserve_ids(model, count: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                       [model._meta.db_table, model._meta.pk.column, count])
        return [row[0] for row in cursor.fetchall()]


def _copy_lines(model, fields, lines) -> None:
    buffer = io.StringIO()
    for line in lines:
        buffer.write(line)
        buffer.write("\n")
    buffer.seek(0)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    _copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN", buffer)


def _copy(sql: str, buffer) -> None:
    with connection.cursor() as cursor:
        def executor(sql, params, many, context):
            return cursor.cursor.copy_expert(sql, buffer)

        if hasattr(cursor, "debug_sql"):  # the query log (tests' CaptureQueriesContext, DEBUG)
            with cursor.debug_sql(sql):
                cursor._execute_with_wrappers(sql, None, False, executor)
        else:
            cursor._execute_with_wrappers(sql, None, False, executor)


def _text(value) -> str:
    """A single value in COPY's text format."""
    if value is None:
        return _NULL
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | int):
        return str(value)
    return str(value).translate(_ESCAPES)


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
