"""simple-history rows written set-based: one INSERT ... SELECT from the rows just written, whatever their
number (no model instance per row). What each save of the single path would have recorded."""

from django.db import connection


def copy_history(model, ids: list[int], *, history_type: str, when, user, overrides: dict | None = None,
                 override_params: list | tuple = (), change_reason: str = "") -> None:
    """History rows of `model`'s rows `ids` as they are now; `overrides` replaces columns by SQL expressions
    (their `override_params` first), e.g. the state a row had before the save being recorded."""
    if not ids:
        return
    historical = model.history.model
    quote = connection.ops.quote_name
    tracked = [field.column for field in historical.tracked_fields]
    overrides = overrides or {}
    select = [overrides.get(column, quote(column)) for column in tracked]
    history_date = historical._meta.get_field("history_date").get_db_prep_value(when, connection)
    params = [*override_params, history_date, change_reason, history_type, getattr(user, "pk", None), *ids]
    columns = ", ".join([*(quote(column) for column in tracked), "history_date", "history_change_reason",
                         "history_type", "history_user_id"])
    sql = (f"INSERT INTO {quote(historical._meta.db_table)} ({columns}) "
           f"SELECT {', '.join(select)}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} "
           f"WHERE id IN ({', '.join(['%s'] * len(ids))}) ORDER BY id")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
