"""Draft overdues: unpaid invoices watched before they are notified to the insurer.

A draft stops no cover and flags nothing late; notifying it does what a notification at once does,
judged on the day it is notified (domain.md, example 6); the daily job reminds the credit manager
before the notification deadline and tells them once the maximum extension period has ended.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.template.defaultfilters import date as date_filter
from moneyed import Money

from accounts.roles import TENANT_ADMIN
from buyers.models import Buyer
from claims.claims.models import Claim
from claims.claims.selectors import overdues_open_to_claims
from claims.overdues import services
from claims.overdues.models import Invoice, Overdue
from claims.overdues.selectors import overdues_for_tenant
from claims.overdues.services import InvoiceLine
from core import webhooks
from core.exceptions import DomainError
from core.models import Notification, WebhookDelivery
from core.tenancy import scopes_disabled, tenant_scope
from limits.models import CoverStop
from limits.selectors import cover_in_force
from tests.factories import api_error, api_messages, member
from tests.overdue_factories import post_declaration, saved_on

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]

DUE = date(2026, 1, 10)  # example 6: notify by 11 March 2026 (60 days); the maximum extension ends then too
API = "/api/v1/overdues/"



def line(number="F-1", due=DUE, amount="10000", outstanding=None):
    issued = due - timedelta(days=40)
    return InvoiceLine(number=number, invoice_date=issued, shipment_date=issued, due_date=due,
                       amount=Decimal(amount), outstanding=Decimal(outstanding or amount))


def draft(tenant, policy, buyer, lines=None, reference="DR-1"):
    """A draft saved on the day its first invoice was issued (it may be notified from that day on)."""
    lines = lines or [line()]
    with tenant_scope(tenant):
        overdue = services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=buyer,
                                           invoices=lines, reference=reference, draft=True)
    return saved_on(overdue, min(invoice.invoice_date for invoice in lines))


@pytest.fixture
def hook(tenant):
    with tenant_scope(tenant):
        return webhooks.create_endpoint(tenant=tenant, created_by=None, url="https://erp.example.com/hook",
                                        events=["overdue.notified", "overdue.cleared", "claim.deadline_approaching"])


@pytest.fixture
def outsider_draft(other_tenant, outsider_policy):
    hidden = Buyer.objects.create(legal_name="Secret Buyer AG", country="DE", registration_number="DE999",
                                  grade=3, status="confirmed")
    return draft(other_tenant, outsider_policy, hidden, [line("SECRET-1")])


# --- Services -----------------------------------------------------------------


def test_a_draft_stops_no_cover_and_flags_nothing(tenant, policy, buyer, limit, hook,
                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        overdue = draft(tenant, policy, buyer, [line("F-1"), line("F-2", due=date(2025, 6, 1))])
    assert overdue.state == Overdue.State.DRAFT and overdue.notified_on is None and overdue.cover_stop_id is None
    assert not Invoice.objects.filter(notified_late=True).exists()  # F-2 is long past its deadline
    assert not CoverStop.objects.exists()
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 11, 1)).amount == Money(50_000, "EUR")
    assert not Notification.objects.filter(event__startswith="overdue.").exists()
    assert not WebhookDelivery.objects.exists()


@pytest.mark.parametrize("notified_on,late", [(date(2026, 3, 11), False), (date(2026, 3, 12), True)])
def test_example_6_a_draft_notified_on_day_60_is_in_time_on_day_61_late(tenant, policy, buyer, limit, user, hook,
                                                                         notified_on, late):
    overdue = draft(tenant, policy, buyer)
    overdue = services.notify_overdue(overdue=overdue, notified_by=user, notified_on=notified_on)
    overdue.refresh_from_db()
    assert overdue.state == Overdue.State.OPEN and overdue.notified_on == notified_on and overdue.notified_by == user
    assert overdue.invoices.get().notified_late is late
    stop = CoverStop.objects.get(pk=overdue.cover_stop_id)
    assert stop.stopped_from == notified_on and stop.source_reference == f"overdue:{overdue.pk}"
    before = notified_on - timedelta(days=1)
    assert cover_in_force(policy=policy, buyer=buyer, on=before).amount == Money(50_000, "EUR")
    assert cover_in_force(policy=policy, buyer=buyer, on=notified_on).amount == Money(0, "EUR")
    (delivery,) = WebhookDelivery.objects.filter(event="overdue.notified")
    assert delivery.payload["notified_on"] == notified_on.isoformat()
    assert delivery.payload["invoices"][0]["notified_late"] is late
    assert Notification.objects.filter(event="overdue.notified", dedup_key=f"overdue-notified:{overdue.pk}").exists()


def test_notifying_judges_lateness_on_the_effective_due_date(tenant, policy, buyer, user):
    overdue = draft(tenant, policy, buyer)
    invoice = services.extend_due_date(invoice=overdue.invoices.get(), new_due_date=date(2026, 2, 9),
                                       requested_by=user)
    assert not invoice.notified_late  # a draft is judged only when notified
    overdue = services.notify_overdue(overdue=overdue, notified_by=user, notified_on=date(2026, 4, 10))
    assert not overdue.invoices.get().notified_late  # 9 February + 60 days = 10 April
    assert CoverStop.objects.get(pk=overdue.cover_stop_id).stopped_from == date(2026, 4, 10)


def test_invoices_added_to_a_draft_are_judged_when_it_is_notified(tenant, policy, buyer, user):
    overdue = draft(tenant, policy, buyer)
    services.add_invoices(overdue=overdue, invoices=[line("F-2", due=date(2025, 10, 1))], added_by=user)
    assert not Invoice.objects.filter(notified_late=True).exists() and not Notification.objects.exists()
    services.notify_overdue(overdue=overdue, notified_by=user, notified_on=date(2026, 3, 11))
    assert dict(overdue.invoices.values_list("number", "notified_late")) == {"F-1": False, "F-2": True}
    # The stop follows the oldest unpaid invoice: its maximum extension ended on 30 November 2025.
    assert CoverStop.objects.get().stopped_from == date(2025, 12, 1)


def test_a_draft_counts_as_the_buyers_open_overdue(tenant, policy, buyer):
    draft(tenant, policy, buyer)
    with pytest.raises(DomainError, match="draft overdue on this buyer exists"):
        services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=buyer,
                                 invoices=[line("F-9")], notified_on=date(2026, 2, 1))
    with pytest.raises(DomainError, match="draft overdue on this buyer exists"):
        draft(tenant, policy, buyer, [line("F-9")], reference="DR-2")
    with pytest.raises(IntegrityError), transaction.atomic():  # the database says so too
        Overdue.objects.create(tenant=tenant, policy=policy, buyer=buyer, currency="EUR",
                               state=Overdue.State.OPEN, notified_on=date(2026, 2, 1))
    assert Overdue.objects.count() == 1


def test_only_a_draft_may_lack_a_notification_date(tenant, policy, buyer):
    with pytest.raises(IntegrityError), transaction.atomic():
        Overdue.objects.create(tenant=tenant, policy=policy, buyer=buyer, currency="EUR", state=Overdue.State.OPEN)


def test_refused_notifications_change_nothing(tenant, policy, buyer, user, today):
    today(date(2026, 3, 1))
    overdue = draft(tenant, policy, buyer)
    with pytest.raises(DomainError, match="cannot be in the future"):
        services.notify_overdue(overdue=overdue, notified_by=user, notified_on=date(2026, 3, 2))
    overdue.refresh_from_db()
    assert overdue.state == Overdue.State.DRAFT and overdue.notified_on is None and not CoverStop.objects.exists()
    services.notify_overdue(overdue=overdue, notified_by=user)
    with pytest.raises(DomainError, match="already notified"):
        services.notify_overdue(overdue=overdue, notified_by=user)
    assert CoverStop.objects.count() == 1 and Overdue.objects.get().notified_on == date(2026, 3, 1)


def test_a_draft_fully_paid_is_cleared_without_cover_stop_or_webhook(tenant, policy, buyer, user, underwriter, hook):
    overdue = draft(tenant, policy, buyer, [line("OLD", amount="600"), line("NEW", due=date(2026, 2, 1), amount="400")])
    services.record_payment(overdue=overdue, amount=Decimal("700"), received_on=date(2026, 2, 5), recorded_by=user)
    assert dict(overdue.invoices.values_list("number", "outstanding")) == {"OLD": 0, "NEW": Decimal("300")}
    services.record_payment(overdue=overdue, amount=Decimal("300"), received_on=date(2026, 2, 6), recorded_by=user)
    overdue.refresh_from_db()
    assert overdue.state == Overdue.State.CLEARED and overdue.cleared_on == date(2026, 2, 6)
    assert overdue.notified_on is None and not CoverStop.objects.exists() and not WebhookDelivery.objects.exists()
    with pytest.raises(DomainError, match="paid before it was notified"):
        services.reinstate_cover(overdue=overdue, reinstated_by=underwriter)
    with pytest.raises(DomainError, match="already notified|Only a draft"):
        services.notify_overdue(overdue=overdue, notified_by=user)


def test_discarding_deletes_a_draft_and_its_invoices_only(tenant, policy, buyer, user):
    overdue = draft(tenant, policy, buyer)
    services.record_payment(overdue=overdue, amount=Decimal("10"), received_on=date(2026, 2, 5))
    services.discard_draft(overdue=overdue)
    assert not Overdue.objects.exists() and not Invoice.objects.exists()
    notified = draft(tenant, policy, buyer)
    services.notify_overdue(overdue=notified, notified_by=user, notified_on=date(2026, 2, 1))
    with pytest.raises(DomainError, match="Only a draft can be discarded"):
        services.discard_draft(overdue=notified)
    assert Overdue.objects.filter(pk=notified.pk).exists()


def test_claims_see_only_notified_overdues(tenant, policy, buyer, api_client):
    overdue = draft(tenant, policy, buyer)
    assert list(overdues_open_to_claims(tenant=tenant)) == []
    assert list(overdues_for_tenant(tenant=tenant)) == []
    assert list(overdues_for_tenant(tenant=tenant, include_drafts=True)) == [overdue]
    response = api_client.post("/api/v1/claims/", {"overdue": overdue.pk, "cause": "insolvency",
                                                   "event_date": "2026-02-01"}, format="json")
    assert response.status_code == 400 and "/overdue" in api_error(response)[1]
    assert not Claim.objects.exists()


# --- Browser ------------------------------------------------------------------


def form_data(policy, buyer, submit_as="draft", reference="DR-WEB"):
    return {"policy": policy.pk, "buyer": buyer.pk, "reference": reference, "submit_as": submit_as,
            "invoices-TOTAL_FORMS": "3", "invoices-INITIAL_FORMS": "0", "invoices-MIN_NUM_FORMS": "1",
            "invoices-MAX_NUM_FORMS": "200", "invoices-0-number": "F-1", "invoices-0-invoice_date": "2025-12-01",
            "invoices-0-shipment_date": "2025-12-01", "invoices-0-due_date": "2026-01-10",
            "invoices-0-amount": "10000", "invoices-0-outstanding": "10000"}


def test_draft_saved_in_the_browser_shows_its_deadlines_and_buttons(client_of_user, policy, buyer, today):
    today(date(2026, 3, 1))
    form = client_of_user.get("/overdues/new/").content.decode()
    assert "Save as draft (watch these invoices, notify later)" in form and "Notify the insurer now" in form
    response = post_declaration(client_of_user, "/overdues/new/", form_data(policy, buyer))
    overdue = Overdue.objects.get(reference="DR-WEB")
    assert response.status_code == 302 and response["Location"] == f"/overdues/{overdue.pk}/"
    assert overdue.state == Overdue.State.DRAFT and not CoverStop.objects.exists()
    page = client_of_user.get(f"/overdues/{overdue.pk}/").content.decode()
    assert "Draft saved" in page and "Discard the draft" in page and "Notify the insurer now" in page
    for deadline in (date(2026, 3, 11), date(2026, 6, 9), date(2026, 9, 7)):
        assert date_filter(deadline) in page
    listing = client_of_user.get("/overdues/").content.decode()
    assert "Not notified yet" in listing and f"Notify by {date_filter(date(2026, 3, 11))}" in listing
    assert "DR-WEB" in client_of_user.get("/overdues/?state=draft").content.decode()
    assert "DR-WEB" not in client_of_user.get("/overdues/?state=open").content.decode()


def test_csv_upload_saved_as_draft(client_of_user, policy, buyer):
    body = ("number,invoice_date,shipment_date,due_date,amount,outstanding\n"
            "A-1,2025-12-01,2025-12-01,2026-01-10,10000.00,10000.00\n")
    upload = SimpleUploadedFile("invoices.csv", body.encode(), content_type="text/csv")
    response = post_declaration(client_of_user, "/overdues/new/csv/", {"policy": policy.pk, "buyer": buyer.pk,
                                                                          "reference": "CSV-D", "submit_as": "draft",
                                                                          "file": upload})
    assert response.status_code == 302
    overdue = Overdue.objects.get(reference="CSV-D")
    assert overdue.state == Overdue.State.DRAFT and not overdue.invoices.get().notified_late


def test_an_unknown_choice_is_a_form_error_and_nothing_is_written(client_of_user, policy, buyer):
    response = client_of_user.post("/overdues/new/", form_data(policy, buyer, submit_as="later"))
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    assert not Overdue.objects.exists() and not Invoice.objects.exists()


@pytest.mark.parametrize("notified_on,late", [(date(2026, 3, 11), False), (date(2026, 3, 12), True)])
def test_notify_button_judges_the_day_it_is_pressed(client_of_user, user, tenant, policy, buyer, today,
                                                    notified_on, late):
    overdue = draft(tenant, policy, buyer)
    today(notified_on)
    response = client_of_user.post(f"/overdues/{overdue.pk}/notify/")
    assert response.status_code == 302 and response["Location"] == f"/overdues/{overdue.pk}/"
    overdue.refresh_from_db()
    assert overdue.state == Overdue.State.OPEN and overdue.notified_on == notified_on and overdue.notified_by == user
    assert overdue.invoices.get().notified_late is late
    page = client_of_user.get(f"/overdues/{overdue.pk}/").content.decode()
    assert "Overdue notified" in page and "Discard the draft" not in page
    again = client_of_user.post(f"/overdues/{overdue.pk}/notify/")
    assert again.status_code == 400 and "already notified" in again.content.decode()
    assert CoverStop.objects.count() == 1


def test_discard_button_deletes_the_draft(client_of_user, tenant, policy, buyer):
    overdue = draft(tenant, policy, buyer)
    response = client_of_user.post(f"/overdues/{overdue.pk}/discard/")
    assert response.status_code == 302 and response["Location"] == "/overdues/"
    assert not Overdue.objects.exists()


def test_outsider_gets_404_on_notify_and_discard(client_of_outsider, tenant, policy, buyer):
    overdue = draft(tenant, policy, buyer)
    assert client_of_outsider.post(f"/overdues/{overdue.pk}/notify/").status_code == 404
    assert client_of_outsider.post(f"/overdues/{overdue.pk}/discard/").status_code == 404
    assert client_of_outsider.get(f"/overdues/{overdue.pk}/").status_code == 404
    overdue.refresh_from_db()
    assert overdue.state == Overdue.State.DRAFT and not CoverStop.objects.exists()


def test_tenant_admin_sees_the_draft_but_cannot_notify_or_discard(tenant, client, policy, buyer):
    overdue = draft(tenant, policy, buyer)
    client.force_login(member(tenant, [TENANT_ADMIN]))
    page = client.get(f"/overdues/{overdue.pk}/")
    assert page.status_code == 200 and "Discard the draft" not in page.content.decode()
    assert client.post(f"/overdues/{overdue.pk}/notify/").status_code == 403
    assert client.post(f"/overdues/{overdue.pk}/discard/").status_code == 403
    assert Overdue.objects.get().state == Overdue.State.DRAFT


# --- API ----------------------------------------------------------------------


def api_body(policy, buyer, **extra):
    money = {"amount": "10000.00", "currency": "EUR"}
    return {"policy": policy.pk, "buyer": buyer.pk, "reference": "DR-API", **extra,
            "invoices": [{"number": "F-1", "invoice_date": "2025-12-01", "shipment_date": "2025-12-01",
                          "due_date": "2026-01-10", "amount": money, "outstanding": money}]}


def test_api_saves_a_draft_and_notifies_it_idempotently(api_client, tenant, policy, buyer, limit, today):
    today(date(2026, 3, 1))
    created = api_client.post(API, api_body(policy, buyer, draft=True), format="json")
    assert created.status_code == 201, created.json()
    data = created.json()
    assert data["state"] == "draft" and data["notified_on"] is None and data["notification_deadline"] == "2026-03-11"
    saved_on(Overdue.objects.get(pk=data["id"]), date(2026, 3, 1))  # `today` pins the day, not the clock
    assert not CoverStop.objects.exists()
    assert [o["id"] for o in api_client.get(API, {"state": "draft"}).json()["results"]] == [data["id"]]
    assert api_client.get(API, {"state": "open"}).json()["results"] == []
    today(date(2026, 3, 12))
    url = f"{API}{data['id']}/notify/"
    first = api_client.post(url, format="json", HTTP_IDEMPOTENCY_KEY="notify-1")
    assert first.status_code == 200, first.json()
    assert first.json()["state"] == "open" and first.json()["notified_on"] == "2026-03-12"
    assert first.json()["late_invoices"] == 1 and first.json()["notification_deadline"] is None
    replay = api_client.post(url, format="json", HTTP_IDEMPOTENCY_KEY="notify-1")
    assert replay.status_code == 200 and replay["Idempotent-Replayed"] == "true"
    again = api_client.post(url, format="json")
    assert again.status_code == 400 and "already notified" in api_messages(again)
    assert CoverStop.objects.count() == 1
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 12)).amount == Money(0, "EUR")


def test_api_bad_draft_flag_writes_nothing(api_client, policy, buyer):
    response = api_client.post(API, api_body(policy, buyer, draft="perhaps"), format="json")
    assert response.status_code == 400 and "/draft" in api_error(response)[1]
    assert not Overdue.objects.exists()


def test_api_discards_a_draft_only(api_client, tenant, policy, buyer, user):
    overdue = draft(tenant, policy, buyer)
    assert api_client.delete(f"{API}{overdue.pk}/").status_code == 204
    assert not Overdue.objects.exists()
    notified = draft(tenant, policy, buyer)
    services.notify_overdue(overdue=notified, notified_by=user, notified_on=date(2026, 2, 1))
    refused = api_client.delete(f"{API}{notified.pk}/")
    assert refused.status_code == 400 and Overdue.objects.filter(pk=notified.pk).exists()


def test_api_outsider_gets_404_on_notify_and_discard(api_client_of_outsider, api_client, tenant, policy, buyer,
                                                     outsider_draft):
    overdue = draft(tenant, policy, buyer)
    assert api_client_of_outsider.post(f"{API}{overdue.pk}/notify/", format="json").status_code == 404
    assert api_client_of_outsider.delete(f"{API}{overdue.pk}/").status_code == 404
    theirs = api_client_of_outsider.get(API, {"state": "draft"}).json()["results"]
    assert [o["id"] for o in theirs] == [outsider_draft.pk]
    assert [o["id"] for o in api_client.get(API, {"state": "draft"}).json()["results"]] == [overdue.pk]
    overdue.refresh_from_db()
    with scopes_disabled():
        assert overdue.state == Overdue.State.DRAFT and Overdue.objects.count() == 2


def test_a_draft_paid_in_full_says_cover_never_stopped(client_of_user, tenant, policy, buyer):
    overdue = draft(tenant, policy, buyer)
    response = client_of_user.post(f"/overdues/{overdue.pk}/payments/", {"amount": "10000", "received_on": "2026-02-05"})
    assert response.status_code == 302
    page = client_of_user.get(f"/overdues/{overdue.pk}/").content.decode()
    assert "Fully paid before it was notified: cover never stopped." in page and "Notify the insurer now" not in page


def test_a_draft_cannot_be_claimed_or_handed_to_collection(tenant, policy, buyer, user, client_of_underwriter):
    from datetime import date as _date

    from claims.claims import services as services_claims
    from recoveries import services as recovery_services

    watched = draft(tenant, policy, buyer)
    # The insurer learns of a draft only when it is notified.
    assert "DR-1" not in client_of_underwriter.get("/admin/claims/overdue/").content.decode()
    with pytest.raises(DomainError, match="Notify this overdue"):
        services_claims.file_claim(tenant=tenant, filed_by=user, overdue=watched, cause="insolvency",
                                   event_date=_date(2026, 2, 1), today=_date(2026, 2, 2))
    with pytest.raises(DomainError, match="Notify this overdue"):
        recovery_services.open_collection_case(overdue=watched)
