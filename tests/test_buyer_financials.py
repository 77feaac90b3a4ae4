"""Buyers' financial statements per year (buyers.financials): the rules, the table's constraints, the CSV
import (all or nothing, every row error at once) and the underwriters' admin. Statements are insurer data:
no insured reaches them.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from buyers.financials.csv_import import import_financial_statements_csv
from buyers.financials.models import FinancialStatement
from buyers.financials.services import record_financial_statement
from core.exceptions import DomainError
from tests.buyer_factories import BuyerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

FIGURES = {
    "revenue": Decimal("12000000.00"), "equity": Decimal("3000000.00"), "total_assets": Decimal("9000000.00"),
    "current_assets": Decimal("5000000.00"), "current_liabilities": Decimal("4000000.00"),
    "net_income": Decimal("400000.00"), "ebitda": Decimal("900000.00"),
}
YEAR = date.today().year - 1


def test_a_second_statement_for_the_year_replaces_the_first_and_keeps_history(muller, underwriter):
    record_financial_statement(buyer=muller, year=YEAR, currency="eur", recorded_by=underwriter, **FIGURES)
    restated = record_financial_statement(buyer=muller, year=YEAR, currency="EUR", recorded_by=underwriter,
                                          **{**FIGURES, "net_income": Decimal("-150000.00")})
    assert FinancialStatement.objects.filter(buyer=muller).count() == 1
    assert (restated.currency, restated.net_income) == ("EUR", Decimal("-150000.00"))
    assert restated.history.count() == 2


@pytest.mark.parametrize("change,field", [
    ({"revenue": Decimal("-1")}, "revenue"),
    ({"current_liabilities": Decimal("-0.01")}, "current_liabilities"),
    ({"current_assets": Decimal("9000000.01")}, "current_assets"),
    ({"year": date.today().year + 1}, "year"),
    ({"currency": "EURO"}, "currency"),
])
def test_bad_figures_are_refused_on_their_field(muller, change, field):
    values = {"year": YEAR, "currency": "EUR", **FIGURES, **change}
    with pytest.raises(DomainError) as refused:
        record_financial_statement(buyer=muller, **values)
    assert refused.value.field == field
    assert not FinancialStatement.objects.exists()


def test_negative_equity_and_losses_are_allowed(muller):
    statement = record_financial_statement(buyer=muller, year=YEAR, currency="EUR", **{
        **FIGURES, "equity": Decimal("-500000"), "net_income": Decimal("-800000"), "ebitda": Decimal("-100000")})
    assert statement.equity == Decimal("-500000")


@pytest.mark.parametrize("change", [{"revenue": Decimal("-1")}, {"total_assets": Decimal("-1")},
                                    {"current_assets": Decimal("9000001")}, {"currency": "eu"}, {"year": 1800}])
def test_the_table_refuses_what_the_service_refuses(muller, change):
    with pytest.raises(IntegrityError), transaction.atomic():
        FinancialStatement.objects.create(buyer=muller, **{"year": YEAR, "currency": "EUR", **FIGURES, **change})


def test_one_statement_per_buyer_and_year_in_the_table(muller):
    FinancialStatement.objects.create(buyer=muller, year=YEAR, currency="EUR", **FIGURES)
    with pytest.raises(IntegrityError), transaction.atomic():
        FinancialStatement.objects.create(buyer=muller, year=YEAR, currency="USD", **FIGURES)


# --- CSV import ------------------------------------------------------------------------------------

HEADER = ("buyer_country,buyer_registration_number,buyer_vat_number,year,currency,revenue,equity,total_assets,"
          "current_assets,current_liabilities,net_income,ebitda")


def _csv(*rows):
    return "\n".join([HEADER, *rows]).encode()


def test_csv_import_records_each_row_by_registration_or_vat(muller):
    iberian = BuyerFactory(legal_name="Aceros SA", country="ES", registration_number="A28015865", vat_number="ESA28015865")
    result = import_financial_statements_csv(file=_csv(
        f"DE,HRB 123.456,,{YEAR},EUR,12000000,3000000,9000000,5000000,4000000,400000,900000",
        f"ES,,ESA28015865,{YEAR},EUR,800000.50,-20000,500000,300000,350000,-45000.25,10000",
    ))
    assert result.errors == [] and result.recorded == 2
    assert FinancialStatement.objects.get(buyer=iberian).net_income == Decimal("-45000.25")
    assert FinancialStatement.objects.get(buyer=muller).source == FinancialStatement.Source.CSV


def test_csv_import_reports_every_row_error_and_writes_nothing(muller):
    result = import_financial_statements_csv(file=_csv(
        f"DE,HRB 123.456,,{YEAR},EUR,12000000,3000000,9000000,5000000,4000000,400000,900000",
        f"DE,HRB 999.999,,{YEAR},EUR,1,1,1,1,1,1,1",
        f"DE,HRB 123.456,,{YEAR - 1},EUR,\"1,000\",-1,9000000,5000000,-4,400000,900000",
        f"DE,HRB 123.456,,{YEAR},EUR,12000000,3000000,9000000,5000000,4000000,400000,900000",
    ))
    found = {(error.line, error.column) for error in result.errors}
    assert found == {(3, "buyer_registration_number"), (4, "revenue"), (4, "current_liabilities"), (5, "year")}
    assert not FinancialStatement.objects.exists()


def test_csv_without_the_columns_says_which_are_missing():
    result = import_financial_statements_csv(file=b"buyer_country,year\nDE,2024\n")
    assert len(result.errors) == 1 and "Missing columns" in result.errors[0].message
    assert "ebitda" in result.errors[0].message


def test_csv_that_is_not_utf8_is_a_clear_error():
    result = import_financial_statements_csv(file=HEADER.encode() + b"\nDE,M\xfcller\n")
    assert "UTF-8" in result.errors[0].message


# --- the underwriters' admin; insureds never reach it ------------------------------------------

ADMIN = "/admin/buyers/financialstatement/"


def test_underwriter_records_a_statement_and_sees_it_on_the_buyer(client_of_underwriter, muller):
    data = {"buyer": muller.pk, "year": YEAR, "currency": "EUR", **{k: str(v) for k, v in FIGURES.items()}}
    refused = client_of_underwriter.post(f"{ADMIN}add/", {**data, "revenue": "-5"})
    assert refused.status_code == 200 and refused.context["adminform"].form.errors["revenue"]
    assert client_of_underwriter.post(f"{ADMIN}add/", data).status_code == 302
    statement = FinancialStatement.objects.get(buyer=muller, year=YEAR)
    assert statement.recorded_by is not None
    page = client_of_underwriter.get(f"/admin/buyers/buyer/{muller.pk}/change/").content.decode()
    assert "12000000" in page.replace(",", "").replace(".00", "")


def test_underwriter_imports_a_csv_in_the_admin(client_of_underwriter, muller):
    upload = SimpleUploadedFile("statements.csv", _csv(
        f"DE,HRB123456,,{YEAR},EUR,12000000,3000000,9000000,5000000,4000000,400000,900000"))
    response = client_of_underwriter.post(f"{ADMIN}import-csv/", {"file": upload})
    assert response.status_code == 302
    assert FinancialStatement.objects.filter(buyer=muller).count() == 1
    bad = SimpleUploadedFile("bad.csv", _csv(f"DE,HRB123456,,{YEAR},EUR,-1,1,1,1,1,1,1"))
    response = client_of_underwriter.post(f"{ADMIN}import-csv/", {"file": bad})
    assert response.status_code == 400 and "cannot be negative" in response.content.decode()


def test_insureds_users_never_reach_the_statements(client_of_user, client_of_outsider, muller):
    FinancialStatement.objects.create(buyer=muller, year=YEAR, currency="EUR", **FIGURES)
    for client in (client_of_user, client_of_outsider):
        assert client.get(ADMIN).status_code == 302  # to the admin's login
        assert client.get(f"{ADMIN}import-csv/").status_code == 302


@pytest.mark.parametrize("value, code_word", [("123456789012345678901", "digits"), ("1.234", "places"),
                                              ("1e6", "decimal")])
def test_csv_amounts_beyond_the_column_or_the_currency_are_row_errors_not_database_errors(muller, value, code_word):
    """Read as every typed amount is (core.amounts.parse_amount): a 21-digit revenue or a third decimal would
    otherwise reach numeric(18, 2) and fail or round on writing."""
    result = import_financial_statements_csv(file=_csv(
        f"DE,HRB 123.456,,{YEAR},EUR,{value},3000000,9000000,5000000,4000000,400000,900000"))
    assert [(error.line, error.column) for error in result.errors] == [(2, "revenue")]
    assert code_word in result.errors[0].message
    assert not FinancialStatement.objects.exists()
