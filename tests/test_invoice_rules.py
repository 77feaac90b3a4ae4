"""The rules of an overdue's invoices are the service's (check_invoice_lines); the page, the API and the CSV
import show its messages on the invoice's field, and nothing is written."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from claims.overdues import services
from claims.overdues.models import Invoice, Overdue
from claims.overdues.services import InvoiceLine
from core.exceptions import DomainError
from tests.factories import api_error, api_problem

pytestmark = pytest.mark.django_db

DUE_BEFORE_ISSUE = "The due date is before the invoice date."
AMOUNT_NOT_POSITIVE = "The amount must be greater than zero."
OUTSTANDING_OUT_OF_RANGE = "The outstanding amount must be above zero and at most the invoice amount."

# (field, what the insured typed in that field, the service's messages by field); the invoice is otherwise
# fine: issued 1 December 2025, due 10 January 2026, 10,000 outstanding of 10,000.
RULES = [
    ("due_date", "2025-11-30", {"due_date": DUE_BEFORE_ISSUE}),
    # Nothing can be outstanding on an invoice of 0 either.
    ("amount", "0", {"amount": AMOUNT_NOT_POSITIVE, "outstanding": OUTSTANDING_OUT_OF_RANGE}),
    ("outstanding", "0", {"outstanding": OUTSTANDING_OUT_OF_RANGE}),
    ("outstanding", "10000.01", {"outstanding": OUTSTANDING_OUT_OF_RANGE}),
]
GOOD = {"number": "OK-1", "invoice_date": "2025-12-01", "shipment_date": "2025-12-01", "due_date": "2026-01-10",
        "amount": "10000", "outstanding": "10000"}


def bad(field, value):
    return GOOD | {"number": "BAD", field: value}


def line(values) -> InvoiceLine:
    return InvoiceLine(number=values["number"], invoice_date=date.fromisoformat(values["invoice_date"]),
                       shipment_date=date.fromisoformat(values["shipment_date"]),
                       due_date=date.fromisoformat(values["due_date"]), amount=Decimal(values["amount"]),
                       outstanding=Decimal(values["outstanding"]))


def nothing_written():
    return not Overdue.objects.exists() and not Invoice.objects.exists()


@pytest.mark.parametrize("field,value,expected", RULES)
def test_the_service_names_the_invoice_and_its_field(tenant, policy, buyer, field, value, expected):
    with pytest.raises(DomainError) as refused:
        services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=buyer,
                                 invoices=[line(GOOD), line(bad(field, value))], notified_on=date(2026, 2, 1))
    assert refused.value.fields == {f"invoices[1].{name}": [message] for name, message in expected.items()}
    assert refused.value.message == " ".join(f"Invoice BAD: {message}" for message in expected.values())
    assert nothing_written()


def test_the_service_reports_every_problem_of_every_invoice_at_once():
    lines = [line(bad("due_date", "2025-11-30")), line(GOOD | {"number": " ", "amount": "0", "outstanding": "5"})]
    with pytest.raises(DomainError) as refused:
        services.check_invoice_lines(lines)
    assert refused.value.fields == {
        "invoices[0].due_date": [DUE_BEFORE_ISSUE],
        "invoices[1].number": ["The invoice number is required."],
        "invoices[1].amount": [AMOUNT_NOT_POSITIVE],
        "invoices[1].outstanding": [OUTSTANDING_OUT_OF_RANGE],
    }
    assert refused.value.message.startswith(f"Invoice BAD: {DUE_BEFORE_ISSUE} Invoice 2: ")


def form_data(policy, buyer, rows):
    data = {"policy": policy.pk, "buyer": buyer.pk, "reference": "OD-1", "invoices-TOTAL_FORMS": "3",
            "invoices-INITIAL_FORMS": "0", "invoices-MIN_NUM_FORMS": "1", "invoices-MAX_NUM_FORMS": "200"}
    for index, values in enumerate(rows):
        data.update({f"invoices-{index}-{key}": value for key, value in values.items()})
    return data


@pytest.mark.parametrize("field,value,expected", RULES)
def test_the_page_shows_the_message_on_the_row_and_field(client_of_user, policy, buyer, field, value, expected):
    response = client_of_user.post("/overdues/new/", form_data(policy, buyer, [GOOD, bad(field, value)]))
    assert response.status_code == 400
    good_row, bad_row = response.context["rows"].forms[:2]
    assert good_row.errors == {} and bad_row.errors == {name: [message] for name, message in expected.items()}
    assert expected[field] in response.content.decode()
    assert nothing_written()


@pytest.mark.parametrize("field,value,expected", RULES)
def test_the_api_points_at_the_invoice_and_its_field(api_client, policy, buyer, field, value, expected):
    def money(amount):
        return {"amount": amount, "currency": "EUR"}

    invoices = [values | {"amount": money(values["amount"]), "outstanding": money(values["outstanding"])}
                for values in (GOOD, bad(field, value))]
    response = api_client.post("/api/v1/overdues/", {"policy": policy.pk, "buyer": buyer.pk, "invoices": invoices},
                               format="json")
    assert response.status_code == 400
    assert api_problem(response)["detail"] == " ".join(f"Invoice BAD: {message}" for message in expected.values())
    assert api_error(response) == ("validation_error",
                                   {f"/invoices/1/{name}": [message] for name, message in expected.items()})
    assert nothing_written()


def test_an_outsider_cannot_declare_on_the_insureds_policy(api_client_of_outsider, policy, buyer):
    response = api_client_of_outsider.post("/api/v1/overdues/", {"policy": policy.pk, "buyer": buyer.pk,
                                                                  "invoices": []}, format="json")
    assert response.status_code == 400 and "/policy" in api_error(response)[1]
    assert nothing_written()


def csv_upload(*rows):
    header = ",".join(GOOD)
    text = "\n".join([header] + [",".join(values.values()) for values in rows]) + "\n"
    return SimpleUploadedFile("invoices.csv", text.encode("utf-8"), content_type="text/csv")


@pytest.mark.parametrize("field,value,expected", RULES)
def test_the_csv_import_shows_the_message_by_line_and_column(client_of_user, policy, buyer, field, value, expected):
    response = client_of_user.post("/overdues/new/csv/", {"policy": policy.pk, "buyer": buyer.pk,
                                                          "file": csv_upload(GOOD, bad(field, value))})
    assert response.status_code == 400
    assert [(e.line, e.column, e.message) for e in response.context["errors"]] == [
        (3, name, message) for name, message in expected.items()
    ]
    assert nothing_written()


def test_the_csv_import_shows_rule_and_reading_problems_together_in_line_order(client_of_user, policy, buyer):
    upload = csv_upload(bad("due_date", "2025-11-30") | {"number": "A-1"}, GOOD | {"due_date": "soon"})
    response = client_of_user.post("/overdues/new/csv/", {"policy": policy.pk, "buyer": buyer.pk, "file": upload})
    assert [(e.line, e.column, e.message) for e in response.context["errors"]] == [
        (2, "due_date", DUE_BEFORE_ISSUE), (3, "due_date", "Write the date as YYYY-MM-DD."),
    ]
