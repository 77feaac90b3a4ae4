"""Money in the API (issue 12): every endpoint that takes an amount refuses a malformed one with a 400 and a
message on the field, and writes nothing. Only an object {"amount": "<plain decimal string>", "currency":
"<ISO 4217>"} is money; places at most the currency's minor unit, digits within the column (17, 3 places)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework import serializers

from accounts.roles import CLAIMS_HANDLER
from claims.claims.models import Claim
from claims.overdues.models import Overdue, OverduePayment
from core.api.fields import MoneyField
from limits.models import CreditLimit
from policies.premium.models import TurnoverDeclaration
from recoveries.models import CollectionCost, Recovery, Settlement
from tests.claim_helpers import paid_claim
from tests.factories import api_error, insurer_token_client

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
TODAY = timezone.localdate()

MALFORMED = [
    pytest.param("12.00", id="a string, not an object"),
    pytest.param(12, id="a number, not an object"),
    pytest.param(["12.00", "EUR"], id="a list"),
    pytest.param({}, id="no keys"),
    pytest.param({"amount": "12.00"}, id="no currency"),
    pytest.param({"currency": "EUR"}, id="no amount"),
    pytest.param({"amount": "12.00", "currency": "EUR", "rate": "1"}, id="an unknown key"),
    pytest.param({"amount": 12, "currency": "EUR"}, id="amount an integer"),
    pytest.param({"amount": 12.5, "currency": "EUR"}, id="amount a float"),
    pytest.param({"amount": True, "currency": "EUR"}, id="amount a boolean"),
    pytest.param({"amount": None, "currency": "EUR"}, id="amount null"),
    pytest.param({"amount": {"value": "1"}, "currency": "EUR"}, id="amount an object"),
    pytest.param({"amount": "1e3", "currency": "EUR"}, id="exponent"),
    pytest.param({"amount": "1e20", "currency": "EUR"}, id="huge exponent"),
    pytest.param({"amount": "NaN", "currency": "EUR"}, id="NaN"),
    pytest.param({"amount": "Infinity", "currency": "EUR"}, id="Infinity"),
    pytest.param({"amount": "  12", "currency": "EUR"}, id="leading spaces"),
    pytest.param({"amount": "12,5", "currency": "EUR"}, id="decimal comma"),
    pytest.param({"amount": "1,000.00", "currency": "EUR"}, id="thousands separator"),
    pytest.param({"amount": "", "currency": "EUR"}, id="empty"),
    pytest.param({"amount": "100000000000000000000", "currency": "EUR"}, id="beyond the column"),
    pytest.param({"amount": "9" * 5000, "currency": "EUR"}, id="5000 digits"),
    pytest.param({"amount": "12.345", "currency": "EUR"}, id="three places in EUR"),
    pytest.param({"amount": "12.00", "currency": "XYZ"}, id="unknown currency"),
    pytest.param({"amount": "12.00", "currency": 978}, id="currency a number"),
    pytest.param({"amount": "12.00", "currency": None}, id="currency null"),
    pytest.param({"amount": "12.00", "currency": "EURO"}, id="currency too long"),
]


@pytest.fixture
def claim(tenant, finance, claims_handler, underwriter):
    return paid_claim(tenant, finance, claims_handler, underwriter)


@pytest.fixture
def insurer_api(db):
    return insurer_token_client([CLAIMS_HANDLER])


def _tenant_endpoints(claim):
    policy, overdue = claim.policy, claim.overdue
    invoice = {"number": "F-9", "invoice_date": (TODAY - timedelta(days=90)).isoformat(),
               "shipment_date": (TODAY - timedelta(days=90)).isoformat(),
               "due_date": (TODAY - timedelta(days=30)).isoformat(),
               "amount": {"amount": "100.00", "currency": "EUR"}, "outstanding": {"amount": "100.00", "currency": "EUR"}}
    limit = {"policy": policy.pk, "buyer": overdue.buyer_id, "terms_days": 60}
    return {
        "limit request": ("/api/v1/limits/", limit, "amount", CreditLimit),
        "discretionary limit": ("/api/v1/limits/discretionary/", limit, "amount", CreditLimit),
        "turnover": ("/api/v1/turnover-declarations/",
                     {"policy": policy.pk, "period_start": "2026-01-01", "country": "IT"}, "turnover",
                     TurnoverDeclaration),
        "invoice amount": ("/api/v1/overdues/", {"policy": policy.pk, "buyer": overdue.buyer_id,
                                                 "invoices": [invoice]}, "invoices/0/amount", Overdue),
        "invoice outstanding": ("/api/v1/overdues/", {"policy": policy.pk, "buyer": overdue.buyer_id,
                                                      "invoices": [invoice]}, "invoices/0/outstanding", Overdue),
        "payment": (f"/api/v1/overdues/{overdue.pk}/payments/", {"received_on": TODAY.isoformat()}, "amount",
                    OverduePayment),
        "direct recovery": (f"/api/v1/claims/{claim.pk}/recoveries/", {"received_on": TODAY.isoformat()}, "amount",
                            Recovery),
    }


def _insurer_endpoints(claim):
    base = f"/api/v1/insurer/claims/{claim.pk}"
    return {
        "approve": (f"{base}/approve/", {"override_reason": "Agreed"}, "amount", Claim),
        "pay": (f"{base}/pay/", {"paid_on": TODAY.isoformat()}, "amount", Claim),
        "recovery": (f"{base}/recoveries/", {"received_on": TODAY.isoformat(), "source": "liquidator"}, "amount",
                     Recovery),
        "collection cost": (f"{base}/collection-costs/", {"incurred_on": TODAY.isoformat(), "kind": "legal"},
                            "amount", CollectionCost),
        "settlement": (f"{base}/settlements/", {"settled_on": TODAY.isoformat(), "to_insurer": False}, "amount",
                       Settlement),
    }


def _set(body: dict, path: str, value) -> dict:
    """`body` with `value` at `path` ("invoices/0/amount")."""
    import copy

    body = copy.deepcopy(body)
    *parents, leaf = [int(part) if part.isdigit() else part for part in path.split("/")]
    node = body
    for part in parents:
        node = node[part]
    node[leaf] = value
    return body


def _assert_refused(client, url, body, pointer, model):
    rows_before = model.objects.count()
    history_before = getattr(model, "history", None) and model.history.count()
    response = client.post(url, body, format="json")
    assert response.status_code == 400, response.content
    code, messages = api_error(response)
    assert code == "validation_error" and messages.get(f"/{pointer}"), messages
    assert model.objects.count() == rows_before
    if history_before is not None:
        assert model.history.count() == history_before


@pytest.mark.parametrize("money", MALFORMED)
@pytest.mark.parametrize("endpoint", ["limit request", "discretionary limit", "turnover", "invoice amount",
                                      "invoice outstanding", "payment", "direct recovery"])
def test_tenant_endpoints_refuse_malformed_money(api_client, claim, endpoint, money):
    url, body, pointer, model = _tenant_endpoints(claim)[endpoint]
    _assert_refused(api_client, url, _set(body, pointer, money), pointer, model)


@pytest.mark.parametrize("money", MALFORMED)
@pytest.mark.parametrize("endpoint", ["approve", "pay", "recovery", "collection cost", "settlement"])
def test_insurer_endpoints_refuse_malformed_money(insurer_api, claim, endpoint, money):
    url, body, pointer, model = _insurer_endpoints(claim)[endpoint]
    _assert_refused(insurer_api, url, _set(body, pointer, money), pointer, model)


def test_a_limit_of_1e20_is_refused_before_anything_is_saved(api_client, claim):
    """Issue 12: on SQLite the request was saved and decided, then the response crashed; now a field message."""
    url, body, pointer, _model = _tenant_endpoints(claim)["limit request"]
    before = CreditLimit.objects.count()
    response = api_client.post(url, _set(body, pointer, {"amount": "100000000000000000000.00", "currency": "EUR"}),
                               format="json")
    assert response.status_code == 400
    assert "too large" in api_error(response)[1]["/amount"][0]
    assert CreditLimit.objects.count() == before


# The field's rules, one by one


def _parse(data, **kwargs):
    field = MoneyField(**kwargs)
    return field.run_validation(data)


@pytest.mark.parametrize("amount,currency", [("1500", "JPY"), ("12.50", "EUR"), ("12.5", "EUR"), ("0", "EUR"),
                                             ("99999999999999.99", "EUR"), ("1.23", "KWD"), ("1.234", "KWD"),
                                             ("99999999999999.999", "KWD"), ("12.00", "eur")])
def test_plain_decimal_strings_within_the_currency_and_the_column_are_money(amount, currency):
    money = _parse({"amount": amount, "currency": currency})
    assert (str(money.amount), money.currency.code) == (amount, currency.upper())


@pytest.mark.parametrize("amount,currency,message", [
    ("1500.5", "JPY", "JPY amounts have no decimals."),
    ("12.345", "EUR", "At most 2 decimal places are allowed."),
    # KWD has three places, and so do the money columns: a fourth is the currency's bound.
    ("1.2345", "KWD", "At most 3 decimal places are allowed."),
    ("100000000000000", "EUR", "The amount is too large: at most 14 digits before the decimal point."),
    ("-5", "EUR", "The amount must not be negative."),
    ("1E3", "EUR", "Write the amount as a decimal string"),
])
def test_each_rule_has_its_message(amount, currency, message):
    with pytest.raises(serializers.ValidationError) as refused:
        _parse({"amount": amount, "currency": currency})
    assert str(refused.value.detail[0]).startswith(message)


def test_a_field_bounded_by_its_column_refuses_what_the_column_cannot_hold():
    from limits.models import LimitDecision

    field = MoneyField.for_column(LimitDecision._meta.get_field("amount"))
    assert (field.max_digits, field.decimal_places) == (17, 3)
    narrow = MoneyField(max_digits=5, decimal_places=2)
    assert str(narrow.run_validation({"amount": "999.99", "currency": "EUR"}).amount) == "999.99"
    with pytest.raises(serializers.ValidationError):
        narrow.run_validation({"amount": "1000", "currency": "EUR"})


def test_an_outsider_cannot_pay_into_anothers_overdue(api_client_of_outsider, claim):
    response = api_client_of_outsider.post(f"/api/v1/overdues/{claim.overdue.pk}/payments/",
                                           {"amount": {"amount": "1e3", "currency": "EUR"},
                                            "received_on": TODAY.isoformat()}, format="json")
    assert response.status_code == 404
    assert not OverduePayment.objects.filter(overdue=claim.overdue).exists()


# The browser forms read amounts the same way: a form error, never a 500, nothing written


FORM_AMOUNTS = ["1e3", "NaN", "Infinity", "12,5", "1,000.00", "12.345", "100000000000000", "9" * 5000, "0x10"]


@pytest.mark.parametrize("amount", FORM_AMOUNTS)
def test_limit_request_form_refuses_malformed_amounts(client_of_user, claim, amount):
    before = CreditLimit.objects.count()
    response = client_of_user.post("/limits/request/", {"buyer": claim.overdue.buyer_id, "policy": claim.policy.pk,
                                                        "amount": amount, "terms_days": "60"})
    assert response.status_code in (200, 400)
    assert response.context["form"].errors["amount"]
    assert CreditLimit.objects.count() == before


@pytest.mark.parametrize("amount", FORM_AMOUNTS)
def test_payment_form_refuses_malformed_amounts(client_of_user, claim, amount):
    response = client_of_user.post(f"/overdues/{claim.overdue.pk}/payments/",
                                   {"amount": amount, "received_on": TODAY.isoformat()})
    assert response.status_code in (200, 400)
    assert response.context["payment_form"].errors["amount"]
    assert not OverduePayment.objects.filter(overdue=claim.overdue).exists()


def test_a_jpy_policy_takes_no_cents_in_the_form(client_of_user, claim):
    claim.policy.currency = "JPY"
    claim.policy.save(update_fields=["currency"])
    response = client_of_user.post("/limits/request/", {"buyer": claim.overdue.buyer_id, "policy": claim.policy.pk,
                                                        "amount": "1000.50", "terms_days": "60"})
    assert response.context["form"].errors["amount"] == ["JPY amounts have no decimals."]
