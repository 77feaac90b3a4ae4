"""`manage.py backtest_scorecard`: generate a portfolio, decide every row with the scorecard the insurer set,
write one decision per request, report bad rows on stderr, evaluate against defaults; nothing is written
to the database.
"""

import csv
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from limits.models import LimitDecision, Scorecard
from limits.scorecard.portfolio import COLUMNS

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("backtest_scorecard", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_generate_decide_and_evaluate_without_writing(tmp_path):
    portfolio, truth, decisions = tmp_path / "requests.csv", tmp_path / "truth.csv", tmp_path / "decisions.csv"
    run("--generate", "300", "--seed", "5", "--portfolio", str(portfolio), "--truth", str(truth))
    with portfolio.open() as source:
        assert tuple(csv.DictReader(source).fieldnames) == COLUMNS  # exactly the input columns, no hidden truth
    Scorecard.objects.create(version=3, name="Live", is_active=True, max_automatic_amount=Decimal(100_000))
    out, err = run("--portfolio", str(portfolio), "--out", str(decisions), "--evaluate", str(truth))
    assert "scorecard v3" in out and err == ""
    with decisions.open() as source:
        rows = list(csv.DictReader(source))
    assert len(rows) == 300 and tuple(rows[0]) == ("request_id", "decision", "decided_amount", "score", "reason_codes")
    assert {r["decision"] for r in rows} <= {"approved", "partial", "conditional", "refused", "referred"}
    assert all(r["reason_codes"] for r in rows if r["decision"] in ("partial", "conditional", "refused"))
    figures = json.loads(out[out.index("{"):])
    assert 0 <= figures["automatic_share"] <= 1 and figures["adverse_with_reasons"] == 1.0
    assert not LimitDecision.objects.exists()
    assert Scorecard.objects.get().first_used_at is None  # a back-test does not freeze a version


def test_a_bad_row_goes_to_stderr_and_the_rest_is_decided(tmp_path):
    portfolio, decisions = tmp_path / "requests.csv", tmp_path / "decisions.csv"
    run("--generate", "3", "--portfolio", str(portfolio))
    lines = portfolio.read_text().splitlines()
    lines[2] = lines[2].replace(",EUR,", ",XXX,")
    portfolio.write_text("\n".join(lines) + "\n")
    out, err = run("--portfolio", str(portfolio), "--out", str(decisions))
    assert "line 3 (R000002): currency: no exchange rate from XXX" in err
    assert "2 request(s) decided, 1 row error(s)" in out
    assert len(decisions.read_text().splitlines()) == 3  # the header and two decisions


def test_a_file_without_the_columns_is_a_clear_error(tmp_path):
    portfolio = tmp_path / "requests.csv"
    portfolio.write_text("request_id,buyer_country\nR1,DE\n")
    with pytest.raises(CommandError, match="missing columns: buyer_sector_nace"):
        run("--portfolio", str(portfolio))
    with pytest.raises(CommandError, match="Cannot read"):
        run("--portfolio", str(tmp_path / "absent.csv"))


def test_a_spreadsheets_file_is_decided_the_same_semicolons_bom_case_order_and_extra_columns(tmp_path):
    """"Any file in the format above": the file as a spreadsheet saves it decides as the plain one does."""
    portfolio, plain_out, odd, odd_out = (tmp_path / name for name in ("p.csv", "p-out.csv", "odd.csv", "odd-out.csv"))
    run("--generate", "40", "--seed", "8", "--portfolio", str(portfolio))
    run("--portfolio", str(portfolio), "--out", str(plain_out))
    with portfolio.open() as source:
        rows = list(csv.DictReader(source))
    columns = [*reversed(COLUMNS), "comment"]
    with odd.open("w", encoding="utf-8-sig", newline="") as target:
        target.write(";".join(f" {name.upper()} " for name in columns) + "\r\n")
        for row in rows:
            target.write(";".join([*(row[name] for name in reversed(COLUMNS)), "note"]) + "\r\n")
    out, err = run("--portfolio", str(odd), "--out", str(odd_out))
    assert err == "" and "40 request(s) decided, 0 row error(s)" in out
    assert odd_out.read_text() == plain_out.read_text()
