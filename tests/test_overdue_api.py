"""Overdues through the API: declare with nested invoices, deadlines, payments, more invoices, webhooks, cover."""

from datetime import date

import pytest
from moneyed import Money

from buyers.models import Buyer
from claims.overdues import services
from claims.overdues.models import Invoice, Overdue, OverduePayment
from claims.overdues.services import InvoiceLine
from core import webhooks
from core.models import WebhookDelivery
from core.tenancy import tenant_scope
from limits.selectors import cover_in_force
from tests import overdue_factories
from tests.factories import api_error, api_messages, money_json
from tests.overdue_factories import invoice_line

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]
URL = "/api/v1/overdues/"



def invoice(number="F-1", due="2026-01-10", amount="10000.00", outstanding=None, issued="2025-12-01"):
    return {"number": number, "invoice_date": issued, "shipment_date": issued, "due_date": due,
            "amount": money_json(amount), "outstanding": money_json(outstanding or amount)}


def body(policy, buyer, invoices, reference="OD-API-1"):
    return {"policy": policy.pk, "buyer": buyer.pk, "reference": reference, "invoices": invoices}


def declare(tenant, policy, buyer, numbers=("F-1",), notified_on=date(2026, 2, 1), due=date(2026, 1, 10)):
    """An overdue of 1,000 EUR invoices by number."""
    return overdue_factories.declare(tenant, policy, buyer, [invoice_line(n, due=due, amount=1000) for n in numbers],
                                     notified_on)


@pytest.fixture
def outsider_overdue(other_tenant, outsider_policy):
    hidden = Buyer.objects.create(legal_name="Secret Buyer AG", country="DE", registration_number="DE999",
                                  grade=3, status="confirmed")
    return declare(other_tenant, outsider_policy, hidden, ("SECRET-1",))


# Example 6 through the API, with the deadlines of each invoice


@pytest.mark.parametrize("notified_on,late", [(date(2026, 3, 11), False), (date(2026, 3, 12), True)])
def test_example_6_declared_through_the_api(api_client, policy, buyer, today, notified_on, late):
    today(notified_on)
    response = api_client.post(URL, body(policy, buyer, [invoice()]), format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["notified_on"] == notified_on.isoformat() and data["state"] == "open"
    assert data["late_invoices"] == int(late)
    (inv,) = data["invoices"]
    assert inv["notified_late"] is late
    assert inv["deadlines"] == {"due_date": "2026-01-10", "max_extension_end": "2026-03-11",
                                "notification_deadline": "2026-03-11", "waiting_period_end": "2026-06-09",
                                "claim_filing_deadline": "2026-09-07"}
    assert inv["amount"] == money_json("10000.00") and data["total_outstanding"] == money_json("10000.00")


@pytest.mark.parametrize(
    "bad,field,message",
    [
        (invoice(due="2025-11-30"), "due_date", "The due date is before the invoice date."),
        (invoice(amount="-5"), "amount", "The amount must not be negative."),
        (invoice(amount="0"), "amount", "The amount must be greater than zero."),
        (invoice(amount="100", outstanding="150"), "outstanding", "at most the invoice amount"),
        (invoice() | {"amount": {"amount": 1.5, "currency": "EUR"}}, "amount", "never a float"),
        (invoice(due="10/01/2026"), "due_date", "Date has wrong format"),
    ],
)
def test_bad_invoices_are_400_with_field_messages_and_nothing_written(api_client, policy, buyer, bad, field, message):
    response = api_client.post(URL, body(policy, buyer, [invoice("OK-1"), bad | {"number": "BAD"}]), format="json")
    assert response.status_code == 400
    code, errors = api_error(response)
    assert code == "validation_error"
    # Nested errors point at the invoice's position in the list.
    messages = errors[f"/invoices/1/{field}"]
    assert any(message in m for m in messages), messages
    assert not Overdue.objects.exists() and not Invoice.objects.exists()


def test_invoice_in_another_currency_is_refused(api_client, policy, buyer):
    usd = invoice() | {"amount": {"amount": "10.00", "currency": "USD"}, "outstanding": {"amount": "10.00", "currency": "USD"}}
    response = api_client.post(URL, body(policy, buyer, [usd]), format="json")
    assert response.status_code == 400 and "currency" in str(api_error(response)[1])
    assert not Overdue.objects.exists()


def test_no_invoice_and_unknown_policy_are_refused(api_client, policy, buyer, outsider_policy):
    assert api_client.post(URL, body(policy, buyer, []), format="json").status_code == 400
    response = api_client.post(URL, body(outsider_policy, buyer, [invoice()]), format="json")
    assert response.status_code == 400 and "/policy" in api_error(response)[1]
    assert not Overdue.objects.exists()


def test_second_open_overdue_on_the_buyer_is_a_400(api_client, tenant, policy, buyer):
    declare(tenant, policy, buyer)
    response = api_client.post(URL, body(policy, buyer, [invoice("F-9")]), format="json")
    assert response.status_code == 400
    assert "already open" in api_error(response)[1]["/buyer"][0]


def test_idempotency_key_replays_the_declaration(api_client, policy, buyer):
    first = api_client.post(URL, body(policy, buyer, [invoice()]), format="json", HTTP_IDEMPOTENCY_KEY="od-1")
    again = api_client.post(URL, body(policy, buyer, [invoice()]), format="json", HTTP_IDEMPOTENCY_KEY="od-1")
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true" and again.json()["id"] == first.json()["id"]
    assert Overdue.objects.count() == 1


# List, filters, detail


def test_list_filters_and_hides_the_outsiders(api_client, tenant, policy, buyer, outsider_overdue):
    other = Buyer.objects.create(legal_name="Other SARL", country="FR", registration_number="FR1", status="confirmed")
    mine = declare(tenant, policy, buyer)
    cleared = declare(tenant, policy, other, ("C-1",))
    services.record_payment(overdue=cleared, amount=Money(1000, "EUR").amount, received_on=date(2026, 2, 2))
    ids = {o["id"] for o in api_client.get(URL).json()["results"]}
    assert ids == {mine.pk, cleared.pk}
    assert [o["id"] for o in api_client.get(URL, {"state": "open"}).json()["results"]] == [mine.pk]
    assert [o["id"] for o in api_client.get(URL, {"buyer": other.pk}).json()["results"]] == [cleared.pk]
    assert api_client.get(URL, {"policy": outsider_overdue.policy_id}).json()["results"] == []
    assert api_client.get(URL, {"state": "nonsense"}).status_code == 400


def test_list_query_count_is_pinned(api_client, tenant, policy, django_assert_num_queries):
    for n in range(30):
        b = Buyer.objects.create(legal_name=f"Buyer {n}", country="FR", registration_number=f"FR{n}", status="confirmed")
        if not n % 2:
            declare(tenant, policy, b, (f"I-{n}-a", f"I-{n}-b"))
        else:  # drafts too: their notification deadline comes from the prefetched invoices
            services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=b, draft=True, invoices=[
                InvoiceLine(number="D-1", invoice_date=date(2025, 12, 1), shipment_date=date(2025, 12, 1),
                            due_date=date(2026, 1, 10), amount=Money(1000, "EUR").amount,
                            outstanding=Money(1000, "EUR").amount)])
    with django_assert_num_queries(8):
        response = api_client.get(URL)
    assert response.status_code == 200 and response.json()["count"] == 30
    results = response.json()["results"]
    assert results[0]["state"] == "draft" and results[0]["notification_deadline"] == "2026-03-11"
    assert results[-1]["invoice_count"] == 2


def test_detail_query_count_does_not_grow_with_invoices(api_client, tenant, policy, buyer,
                                                        django_assert_num_queries):
    overdue = declare(tenant, policy, buyer, [f"I-{n}" for n in range(30)])
    for _ in range(5):
        services.record_payment(overdue=overdue, amount=Money(700, "EUR").amount, received_on=date(2026, 2, 2))
    with django_assert_num_queries(9):
        response = api_client.get(f"{URL}{overdue.pk}/")
    assert len(response.json()["invoices"]) == 30 and len(response.json()["payments"]) == 5


def test_outsider_gets_404_everywhere(api_client_of_outsider, tenant, policy, buyer):
    overdue = declare(tenant, policy, buyer)
    assert api_client_of_outsider.get(f"{URL}{overdue.pk}/").status_code == 404
    pay = api_client_of_outsider.post(f"{URL}{overdue.pk}/payments/", {"amount": money_json(1), "received_on": "2026-02-02"},
                                      format="json")
    assert pay.status_code == 404
    add = api_client_of_outsider.post(f"{URL}{overdue.pk}/invoices/", {"invoices": [invoice("X")]}, format="json")
    assert add.status_code == 404
    assert api_client_of_outsider.get(URL).json()["results"] == []
    assert OverduePayment.objects.count() == 0 and overdue.invoices.count() == 1


# Payments and more invoices


def test_payments_allocate_and_clear_with_idempotency(api_client, tenant, policy, buyer, today):
    today(date(2026, 3, 1))
    overdue = declare(tenant, policy, buyer, ("OLD", "NEW"))
    new = overdue.invoices.get(number="NEW")
    url = f"{URL}{overdue.pk}/payments/"
    first = api_client.post(url, {"amount": money_json("400.00"), "received_on": "2026-02-25", "designated_invoice": new.pk},
                            format="json", HTTP_IDEMPOTENCY_KEY="pay-1")
    assert first.status_code == 201
    again = api_client.post(url, {"amount": money_json("400.00"), "received_on": "2026-02-25", "designated_invoice": new.pk},
                            format="json", HTTP_IDEMPOTENCY_KEY="pay-1")
    assert again.status_code == 201 and OverduePayment.objects.count() == 1
    (payment,) = first.json()["payments"]
    assert payment["allocations"] == [{"invoice": new.pk, "invoice_number": "NEW", "amount": money_json("400.00")}]
    too_much = api_client.post(url, {"amount": money_json("1600.01"), "received_on": "2026-02-26"}, format="json")
    assert too_much.status_code == 400 and "more than what is outstanding" in api_messages(too_much)
    negative = api_client.post(url, {"amount": money_json("-1"), "received_on": "2026-02-26"}, format="json")
    assert negative.status_code == 400 and "/amount" in api_error(negative)[1]
    cleared = api_client.post(url, {"amount": money_json("1600.00"), "received_on": "2026-02-27"}, format="json")
    assert cleared.status_code == 201 and cleared.json()["state"] == "cleared"


def test_payment_designating_another_overdues_invoice_is_refused(api_client, tenant, policy, buyer, outsider_overdue):
    overdue = declare(tenant, policy, buyer)
    with tenant_scope(outsider_overdue.tenant):
        theirs = outsider_overdue.invoices.get()
    response = api_client.post(f"{URL}{overdue.pk}/payments/", {
        "amount": money_json(10), "received_on": "2026-02-02", "designated_invoice": theirs.pk,
    }, format="json")
    assert response.status_code == 400 and "/designated_invoice" in api_error(response)[1]
    assert OverduePayment.objects.count() == 0


def test_added_invoices_are_judged_against_the_day_they_are_added(api_client, tenant, policy, buyer, today):
    overdue = declare(tenant, policy, buyer, ("F-1",), notified_on=date(2026, 2, 1))
    today(date(2026, 3, 12))
    url = f"{URL}{overdue.pk}/invoices/"
    response = api_client.post(url, {"invoices": [invoice("F-2", due="2026-01-10"), invoice("F-3", due="2026-02-01")]},
                               format="json")
    assert response.status_code == 201, response.json()
    late = {inv["number"]: inv["notified_late"] for inv in response.json()["invoices"]}
    assert late == {"F-1": False, "F-2": True, "F-3": False}
    duplicate = api_client.post(url, {"invoices": [invoice("F-2")]}, format="json")
    assert duplicate.status_code == 400 and overdue.invoices.count() == 3
    bad = api_client.post(url, {"invoices": [invoice("F-4", due="2025-01-01")]}, format="json")
    assert bad.status_code == 400 and overdue.invoices.count() == 3


# Cover in force and webhooks


def test_cover_is_zero_after_the_notification_and_back_after_reinstatement(
    api_client, tenant, policy, buyer, limit, underwriter, today
):
    today(date(2026, 3, 2))
    response = api_client.post(URL, body(policy, buyer, [invoice(due="2026-02-20")]), format="json")
    assert response.status_code == 201
    overdue = Overdue.objects.get(pk=response.json()["id"])
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 1)).amount == Money(50_000, "EUR")
    after = cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 2))
    assert after.stopped and after.amount == Money(0, "EUR")
    paid = api_client.post(f"{URL}{overdue.pk}/payments/", {"amount": money_json("10000.00"), "received_on": "2026-03-02"},
                           format="json")
    assert paid.json()["state"] == "cleared"
    # Cleared is not enough: cover stays stopped until the underwriter reinstates it.
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 5)).amount == Money(0, "EUR")
    services.reinstate_cover(overdue=overdue, reinstated_by=underwriter, on=date(2026, 3, 10))
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 9)).amount == Money(0, "EUR")
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 10)).amount == Money(50_000, "EUR")


def test_webhooks_announce_notified_cleared_and_reinstated(
    api_client, tenant, policy, buyer, limit, underwriter, today, django_capture_on_commit_callbacks
):
    assert {"overdue.notified", "overdue.cleared", "overdue.cover_reinstated"} <= set(webhooks.EVENTS)
    events = ["overdue.notified", "overdue.cleared", "overdue.cover_reinstated"]
    webhooks.create_endpoint(tenant=tenant, created_by=None, url="https://erp.example.com/hook", events=events)
    today(date(2026, 3, 2))
    overdue_id = api_client.post(URL, body(policy, buyer, [invoice(due="2026-02-20")]), format="json").json()["id"]
    api_client.post(f"{URL}{overdue_id}/payments/", {"amount": money_json("10000.00"), "received_on": "2026-03-02"},
                    format="json")
    services.reinstate_cover(overdue=Overdue.objects.get(pk=overdue_id), reinstated_by=underwriter,
                             on=date(2026, 3, 10))
    deliveries = {d.event: d.payload for d in WebhookDelivery.objects.filter(tenant=tenant)}
    assert set(deliveries) == set(events)
    assert deliveries["overdue.notified"]["cover_stopped_from"] == "2026-03-02"
    assert deliveries["overdue.notified"]["invoices"][0]["number"] == "F-1"
    assert deliveries["overdue.cleared"]["state"] == "cleared"
    assert deliveries["overdue.cover_reinstated"]["cover_reinstated_on"] == "2026-03-10"


def test_overdue_events_are_offered_to_subscribers(api_client):
    names = {event["name"] for event in api_client.get("/api/v1/webhooks/events/").json()}
    assert {"overdue.notified", "overdue.cleared", "overdue.cover_reinstated"} <= names


def test_a_rolled_back_declaration_sends_no_webhook(api_client, tenant, policy, buyer):
    webhooks.create_endpoint(tenant=tenant, created_by=None, url="https://erp.example.com/hook",
                             events=["overdue.notified"])
    bad = api_client.post(URL, body(policy, buyer, [invoice(), invoice()]), format="json")  # same number twice
    assert bad.status_code == 400 and "listed twice" in api_messages(bad)
    assert not WebhookDelivery.objects.exists() and not Overdue.objects.exists()
