"""`manage.py load_exchange_rates FILE.csv`: all rows checked first, nothing written on any error,
upserted in bulk otherwise, and a second load of the same file changes nothing."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import ExchangeRate
from core.money import money, quantize_money
from core.rates import convert

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

GOOD = """date,base,quote,rate
2026-01-02,USD,EUR,0.9150
2026-01-02,GBP,EUR,1.1625
2026-01-05,USD,EUR,0.92
2026-01-05,EUR,JPY,163.25
"""


def write(tmp_path, text, name="rates.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load(path):
    out, err = StringIO(), StringIO()
    call_command("load_exchange_rates", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def rates():
    return {
        (r.base_currency, r.quote_currency, r.valid_on): r.rate
        for r in ExchangeRate.objects.all()
    }


def test_a_good_file_loads_every_rate_as_a_decimal(tmp_path):
    out, _ = load(write(tmp_path, GOOD))
    assert "4 created, 0 updated, 0 unchanged" in out
    assert rates() == {
        ("USD", "EUR", date(2026, 1, 2)): Decimal("0.915"),
        ("GBP", "EUR", date(2026, 1, 2)): Decimal("1.1625"),
        ("USD", "EUR", date(2026, 1, 5)): Decimal("0.92"),
        ("EUR", "JPY", date(2026, 1, 5)): Decimal("163.25"),
    }
    # Conversions use them at once (the inverse for JPY -> EUR).
    assert convert(money("1000", "USD"), to="EUR", on=date(2026, 1, 3)).amount == Decimal("915")
    assert quantize_money(convert(money("16325", "JPY"), to="EUR", on=date(2026, 1, 6))) == money("100", "EUR")


def test_loading_the_same_file_twice_changes_nothing(tmp_path):
    path = write(tmp_path, GOOD)
    load(path)
    before = {r.pk: (r.rate, r.created_at) for r in ExchangeRate.objects.all()}
    with CaptureQueriesContext(connection) as second:
        out, _ = load(path)
    assert "0 created, 0 updated, 4 unchanged" in out
    assert {r.pk: (r.rate, r.created_at) for r in ExchangeRate.objects.all()} == before
    assert not [q for q in second.captured_queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))]


def test_a_changed_rate_is_updated_and_a_new_one_created(tmp_path):
    load(write(tmp_path, GOOD))
    out, _ = load(write(tmp_path, "date,base,quote,rate\n2026-01-02,USD,EUR,0.9160\n2026-01-06,USD,EUR,0.93\n",
                        name="more.csv"))
    assert "1 created, 1 updated, 0 unchanged" in out
    assert rates()[("USD", "EUR", date(2026, 1, 2))] == Decimal("0.916")
    assert ExchangeRate.objects.count() == 5


def test_columns_may_come_in_any_order_with_a_bom_and_lower_case_codes(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_text("\ufeffrate,quote,base,date\n1.0825,usd,eur,2026-02-01\n\n", encoding="utf-8")
    out, _ = load(path)
    assert "1 created" in out
    assert rates() == {("EUR", "USD", date(2026, 2, 1)): Decimal("1.0825")}


def test_a_bad_file_reports_every_error_with_its_line_and_writes_nothing(tmp_path):
    ExchangeRate.objects.create(base_currency="USD", quote_currency="EUR", valid_on=date(2026, 1, 1), rate=Decimal("0.9"))
    bad = (
        "date,base,quote,rate\n"
        "2026-01-02,USD,EUR,0.91\n"  # line 2: fine, still not written
        "02/01/2026,USD,EUR,0.91\n"  # line 3: not an ISO date
        "2026-01-02,ZZZ,EUR,1.5\n"  # line 4: unknown currency
        "2026-01-02,GBP,EUR,-1.16\n"  # line 5: negative
        "2026-01-02,EUR,EUR,1\n"  # line 6: same currency
        "2026-01-02,CHF,EUR,abc\n"  # line 7: not a number
        "2026-02-30,CHF,EUR,1.02\n"  # line 8: no such day
        "2026-01-02,USD,EUR,0.92\n"  # line 9: same pair and day as line 2
        "2026-01-03,USD,EUR\n"  # line 10: a column short
        "2026-01-03,USD,EUR,0\n"  # line 11: zero
        "2026-01-03,SEK,EUR,0.00000000001\n"  # line 12: finer than the column keeps
    )
    path = write(tmp_path, bad)
    with pytest.raises(CommandError, match="10 error"):
        out, err = StringIO(), StringIO()
        try:
            call_command("load_exchange_rates", str(path), stdout=out, stderr=err)
        finally:
            errors = err.getvalue()
    for line in (3, 4, 5, 6, 7, 8, 9, 10, 11, 12):
        assert f"line {line}:" in errors
    assert "line 2:" not in errors
    assert "line 9: USD/EUR on 2026-01-02 already given on line 2" in errors
    assert "'ZZZ'" in errors and "-1.16" in errors
    assert rates() == {("USD", "EUR", date(2026, 1, 1)): Decimal("0.9")}


def test_a_float_looking_rate_is_read_as_the_exact_decimal(tmp_path):
    load(write(tmp_path, "date,base,quote,rate\n2026-01-02,USD,EUR,0.1000000001\n2026-01-02,CHF,EUR,1E+0\n"))
    assert rates()[("USD", "EUR", date(2026, 1, 2))] == Decimal("0.1000000001")
    assert rates()[("CHF", "EUR", date(2026, 1, 2))] == Decimal("1")


def test_a_file_without_the_header_is_refused(tmp_path):
    with pytest.raises(CommandError):
        load(write(tmp_path, "2026-01-02,USD,EUR,0.91\n"))
    assert not ExchangeRate.objects.exists()


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        load(tmp_path / "nope.csv")


def test_many_rows_load_in_a_few_bulk_statements(tmp_path):
    lines = ["date,base,quote,rate"] + [
        f"{date.fromordinal(date(2020, 1, 1).toordinal() + i).isoformat()},USD,EUR,0.{9000 + i % 999}"
        for i in range(2500)
    ]
    path = write(tmp_path, "\n".join(lines) + "\n")
    with CaptureQueriesContext(connection) as queries:
        out, _ = load(path)
    assert "2500 created" in out
    assert ExchangeRate.objects.count() == 2500
    # Batches (of 1,000; SQLite's parameter limit makes them smaller), not a query per row.
    assert len(queries.captured_queries) < 25
