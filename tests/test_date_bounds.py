"""Dates within sane bounds (issue 12): none before 1900-01-01, none more than 50 years ahead, in every API field,
form and CSV cell, with a message on the field and nothing written. The domain's own date rules are tested
with their services."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from rest_framework import serializers

from claims.overdues.invoice_csv import parse_invoices
from claims.overdues.models import Overdue, OverduePayment
from core.api.fields import BoundedDateField
from core.dates import BoundedDateFormField, latest, out_of_bounds
from tests.claim_helpers import paid_claim
from tests.factories import api_error

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
TODAY = timezone.localdate()
ABSURD = ["0001-01-01", "1899-12-31", (TODAY + timedelta(days=365 * 51)).isoformat(), "9999-12-31"]


@pytest.fixture
def claim(tenant, finance, claims_handler, underwriter):
    return paid_claim(tenant, finance, claims_handler, underwriter)


def _invoice(**dates):
    values = {"number": "F-9", "invoice_date": (TODAY - timedelta(days=90)).isoformat(),
              "shipment_date": (TODAY - timedelta(days=90)).isoformat(),
              "due_date": (TODAY - timedelta(days=30)).isoformat()}
    money = {"amount": "100.00", "currency": "EUR"}
    return values | dates | {"amount": money, "outstanding": money}


@pytest.mark.parametrize("day", ABSURD)
@pytest.mark.parametrize("field", ["invoice_date", "shipment_date", "due_date"])
def test_an_invoice_date_out_of_bounds_is_refused_in_the_api(api_client, claim, field, day):
    before = Overdue.objects.count()
    response = api_client.post("/api/v1/overdues/", {"policy": claim.policy.pk, "buyer": claim.overdue.buyer_id,
                                                     "draft": True, "invoices": [_invoice(**{field: day})]},
                               format="json")
    assert response.status_code == 400
    code, errors = api_error(response)
    assert code == "validation_error"
    assert errors[f"/invoices/0/{field}"][0].startswith("Give a date between 1900-01-01 and ")
    assert Overdue.objects.count() == before


@pytest.mark.parametrize("day", ABSURD)
def test_a_payment_date_out_of_bounds_is_refused_in_the_api_and_the_form(api_client, client_of_user, claim, day):
    url = f"/overdues/{claim.overdue.pk}/payments/"
    response = api_client.post(f"/api{url.replace('/overdues', '/v1/overdues')}",
                               {"amount": {"amount": "1.00", "currency": "EUR"}, "received_on": day}, format="json")
    assert "/received_on" in api_error(response)[1]
    page = client_of_user.post(url, {"amount": "1.00", "received_on": day})
    assert page.context["payment_form"].errors["received_on"]
    assert not OverduePayment.objects.filter(overdue=claim.overdue).exists()


def test_a_query_date_out_of_bounds_is_refused(api_client, limit):
    response = api_client.get(f"/api/v1/limits/{limit.pk}/cover/", {"on": "0001-01-01"})
    assert response.status_code == 400 and "/on" in api_error(response)[1]


def test_an_outsider_gets_not_found_before_any_date_is_read(api_client_of_outsider, claim):
    response = api_client_of_outsider.post(f"/api/v1/overdues/{claim.overdue.pk}/payments/",
                                           {"amount": {"amount": "1.00", "currency": "EUR"},
                                            "received_on": "0001-01-01"}, format="json")
    assert response.status_code == 404


def test_a_csv_date_out_of_bounds_is_a_row_error():
    text = ("number,invoice_date,shipment_date,due_date,amount,outstanding\n"
            "F-1,0001-01-01,2026-01-01,2026-02-01,100.00,100.00\n")
    parsed = parse_invoices(io.BytesIO(text.encode()))
    assert not parsed.lines
    assert [(e.line, e.column) for e in parsed.errors] == [(2, "invoice_date")]
    assert parsed.errors[0].message.startswith("Give a date between 1900-01-01")


@pytest.mark.parametrize("day,accepted", [
    (date(1900, 1, 1), True), (date(1899, 12, 31), False), (TODAY, True),
    (latest(), True), (latest() + timedelta(days=1), False),
])
def test_the_bounds_are_inclusive(day, accepted):
    field, form_field = BoundedDateField(), BoundedDateFormField()
    if accepted:
        assert field.run_validation(day.isoformat()) == day
        assert form_field.clean(day.isoformat()) == day
    else:
        with pytest.raises(serializers.ValidationError):
            field.run_validation(day.isoformat())
        with pytest.raises(Exception, match="Give a date between"):
            form_field.clean(day.isoformat())


def test_fifty_years_ahead_of_a_29_february_is_the_28th():
    assert latest(date(2028, 2, 29)) == date(2078, 2, 28)


def test_every_admin_form_bounds_its_dates():
    """One entry in the admin's table of form fields (core/admin_config.py) covers every ModelAdmin."""
    from django.contrib import admin
    from django.db import models

    date_fields = [(model_admin, field) for model, model_admin in admin.site._registry.items()
                   for field in model._meta.concrete_fields
                   if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField)
                   and field.editable and not field.choices]
    assert len(date_fields) > 20  # policies, limits, overdues, invoices, claims, recoveries, premium...
    unbounded = [f"{field.model.__name__}.{field.name}" for model_admin, field in date_fields
                 if not isinstance(model_admin.formfield_for_dbfield(field, request=None), BoundedDateFormField)]
    assert unbounded == []


@pytest.mark.parametrize("day", ["0001-01-01", (TODAY + timedelta(days=365 * 51)).isoformat()])
def test_an_admin_date_out_of_bounds_is_a_form_error(client_of_underwriter, tenant, day):
    from policies.models import Policy
    from tests.factories import admin_policy_form

    response = client_of_underwriter.post("/admin/policies/policy/add/", admin_policy_form(tenant, start_date=day))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["start_date"] == [out_of_bounds(date.fromisoformat(day))]
    assert not Policy.objects.filter(number="P-ADMIN").exists()


def test_a_filter_date_out_of_bounds_is_a_400_on_its_parameter(api_client, api_client_of_outsider, policy):
    response = api_client.get("/api/v1/policies/?active_on=0001-01-01")
    code, pointers = api_error(response)
    assert response.status_code == 400 and list(pointers) == ["/active_on"]
    # Within the bounds the filter answers: the tenant finds its policy, the outsider nothing of the tenant's.
    in_force = f"/api/v1/policies/?active_on={policy.start_date.isoformat()}"
    assert [row["id"] for row in api_client.get(in_force).json()["results"]] == [policy.pk]
    assert policy.pk not in [row["id"] for row in api_client_of_outsider.get(in_force).json()["results"]]
