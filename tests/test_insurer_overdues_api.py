"""Underwriters' word on overdues through the insurer API (/api/v1/insurer/overdues/): the notified overdues of
every insured, waiving a late notification, consenting to an extension beyond the maximum, reinstating cover,
through claims.overdues.services as the overdue admin does."""

from datetime import date
from decimal import Decimal

import pytest
from moneyed import Money

from claims.overdues import services
from claims.overdues.models import Invoice, Overdue
from core.models import IdempotencyKey, WebhookDelivery, WebhookEndpoint
from core.tenancy import tenant_scope
from limits import services as limit_services
from limits.models import CoverStop
from limits.selectors import cover_in_force
from tests.buyer_factories import make_buyer
from tests.factories import api_error
from tests.insurer_uw_helpers import assert_only_underwriters
from tests.overdue_factories import declare, invoice_line

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

BASE = "/api/v1/insurer/overdues/"


def url(overdue, action=""):
    return f"{BASE}{overdue.pk}/" + (f"{action}/" if action else "")


def invoice_url(invoice, action):
    return f"{BASE}{invoice.overdue_id}/invoices/{invoice.pk}/{action}/"


@pytest.fixture
def late_overdue(tenant, policy, buyer):
    """Notified 12 March: LATE (due 10 January) is late, IN-TIME (due 10 February) is not."""
    return declare(tenant, policy, buyer, [invoice_line("LATE", due=date(2026, 1, 10)),
                                           invoice_line("IN-TIME", due=date(2026, 2, 10))], date(2026, 3, 12))


@pytest.fixture
def cleared(tenant, policy, buyer, today):
    """A 50,000 EUR limit, an overdue notified 2 March that stopped cover, paid 3 March."""
    with tenant_scope(tenant):
        limit_services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                     amount=Money(50_000, "EUR"), terms_days=60, today=date(2026, 1, 2))
    overdue = declare(tenant, policy, buyer, [invoice_line(due=date(2026, 2, 20))], date(2026, 3, 2))
    services.record_payment(overdue=overdue, amount=Decimal("10000"), received_on=date(2026, 3, 3))
    today(date(2026, 3, 10))
    return Overdue.objects.get(pk=overdue.pk)


def _invoices(overdue):
    return list(Invoice.objects.filter(overdue=overdue).order_by("pk")
                .values_list("lateness_waived", "lateness_waived_by", "extension_consented", "notified_late"))


def test_only_underwriters_reach_the_overdue_endpoints(late_overdue, user, outsider, api_client,
                                                       api_client_of_outsider, claims_handler):
    late = late_overdue.invoices.get(number="LATE")
    calls = [("get", BASE), ("get", url(late_overdue)), ("post", invoice_url(late, "waive-lateness")),
             ("post", invoice_url(late, "consent-extension")), ("post", url(late_overdue, "reinstate-cover"))]
    before = _invoices(late_overdue)
    assert_only_underwriters(calls, user=user, outsider=outsider, api_client=api_client,
                             api_client_of_outsider=api_client_of_outsider, claims_handler=claims_handler)
    assert _invoices(late_overdue) == before


def test_the_list_shows_every_insureds_notified_overdues(underwriter_api, late_overdue, tenant, other_tenant,
                                                         outsider_policy, buyer):
    theirs = declare(other_tenant, outsider_policy, buyer, [invoice_line("OTHER-1")], date(2026, 2, 1))
    with tenant_scope(tenant):
        draft = services.declare_overdue(tenant=tenant, notified_by=None, policy=late_overdue.policy,
                                         buyer=make_buyer(country="FR"), invoices=[invoice_line("D-1")], draft=True)
    response = underwriter_api.get(BASE)
    assert response.status_code == 200, response.content
    rows = response.json()["results"]
    assert [r["id"] for r in rows] == [theirs.pk, late_overdue.pk]  # oldest notification first; no draft
    assert rows[1]["late_invoices"] == 1 and rows[1]["tenant"] == tenant.legal_name
    assert [r["id"] for r in underwriter_api.get(f"{BASE}?tenant={other_tenant.pk}").json()["results"]] == [theirs.pk]
    assert underwriter_api.get(url(draft)).status_code == 404
    detail = underwriter_api.get(url(late_overdue)).json()
    assert [(i["number"], i["notified_late"]) for i in detail["invoices"]] == [("LATE", True), ("IN-TIME", False)]


def test_waiving_a_late_notification(underwriter_api, late_overdue):
    late, in_time = late_overdue.invoices.get(number="LATE"), late_overdue.invoices.get(number="IN-TIME")
    refused = underwriter_api.post(invoice_url(in_time, "waive-lateness"), format="json")
    assert refused.status_code == 400 and "notified in time" in api_error(refused)[1][""][0]
    response = underwriter_api.post(invoice_url(late, "waive-lateness"), format="json",
                                    HTTP_IDEMPOTENCY_KEY="waive-1")
    assert response.status_code == 200, response.content
    assert response.json()["late_invoices"] == 0
    late.refresh_from_db()
    assert late.lateness_waived and late.lateness_waived_by == underwriter_api.acting_user
    replay = underwriter_api.post(invoice_url(late, "waive-lateness"), format="json", HTTP_IDEMPOTENCY_KEY="waive-1")
    assert replay.status_code == 200 and replay["Idempotent-Replayed"] == "true"
    assert IdempotencyKey.objects.get(key="waive-1").tenant_id == late_overdue.tenant_id
    again = underwriter_api.post(invoice_url(late, "waive-lateness"), format="json")
    assert again.status_code == 400 and "already waived" in api_error(again)[1][""][0]


def test_an_invoice_of_another_overdue_is_404(underwriter_api, late_overdue, tenant, policy, buyer, other_tenant,
                                              outsider_policy):
    theirs = declare(other_tenant, outsider_policy, buyer, [invoice_line("OTHER-1", due=date(2026, 1, 2))],
                     date(2026, 3, 12))
    their_invoice = theirs.invoices.get()
    response = underwriter_api.post(f"{BASE}{late_overdue.pk}/invoices/{their_invoice.pk}/waive-lateness/",
                                    format="json")
    assert response.status_code == 404
    assert not Invoice.objects.get(pk=their_invoice.pk).lateness_waived


def test_consenting_to_an_extension_beyond_the_maximum(underwriter_api, tenant, policy, buyer, user):
    overdue = declare(tenant, policy, buyer, [invoice_line("A"), invoice_line("B")], date(2026, 3, 12))
    a, b = overdue.invoices.get(number="A"), overdue.invoices.get(number="B")
    services.extend_due_date(invoice=a, new_due_date=date(2026, 4, 30), requested_by=user)
    services.extend_due_date(invoice=b, new_due_date=date(2026, 2, 1), requested_by=user)
    within = underwriter_api.post(invoice_url(b, "consent-extension"), format="json")
    assert within.status_code == 400 and "needs no consent" in api_error(within)[1][""][0]
    response = underwriter_api.post(invoice_url(a, "consent-extension"), format="json")
    assert response.status_code == 200, response.content
    row = next(i for i in response.json()["invoices"] if i["number"] == "A")
    assert row["extension_consented"] and not row["extension_pending_consent"]
    a.refresh_from_db()
    # With consent the extension moves every deadline: notified on 12 March, due 30 April, in time.
    assert a.extension_consented and not a.notified_late


def test_reinstating_cover_on_a_cleared_overdue(underwriter_api, cleared, tenant, policy, buyer,
                                                django_capture_on_commit_callbacks):
    hook = WebhookEndpoint.objects.create(tenant=tenant, url="https://hooks.example/kredo",
                                          events=["overdue.cover_reinstated"], secret="s" * 32)
    too_early = underwriter_api.post(url(cleared, "reinstate-cover"), {"reinstated_on": "2026-03-01"}, format="json")
    assert too_early.status_code == 400 and "/reinstated_on" in api_error(too_early)[1], api_error(too_early)
    assert CoverStop.objects.get(pk=cleared.cover_stop_id).lifted_on is None
    with django_capture_on_commit_callbacks(execute=False):
        response = underwriter_api.post(url(cleared, "reinstate-cover"), {}, format="json")
    assert response.status_code == 200, response.content
    stop = CoverStop.objects.get(pk=cleared.cover_stop_id)
    assert (stop.lifted_on, stop.lifted_by) == (date(2026, 3, 10), underwriter_api.acting_user)
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 10)).amount == Money(50_000, "EUR")
    assert WebhookDelivery.objects.filter(endpoint=hook, event="overdue.cover_reinstated").count() == 1
    twice = underwriter_api.post(url(cleared, "reinstate-cover"), {}, format="json")
    assert twice.status_code == 400 and "already reinstated" in api_error(twice)[1][""][0]


def test_an_open_overdue_keeps_its_cover_stop(underwriter_api, late_overdue):
    response = underwriter_api.post(url(late_overdue, "reinstate-cover"), {"reinstated_on": "1800-01-01"},
                                    format="json")
    assert response.status_code == 400 and "/reinstated_on" in api_error(response)[1]
    response = underwriter_api.post(url(late_overdue, "reinstate-cover"), {}, format="json")
    assert response.status_code == 400 and "only once the overdue is cleared" in api_error(response)[1][""][0]
    assert CoverStop.objects.get(pk=late_overdue.cover_stop_id).lifted_on is None
    assert underwriter_api.post(f"{BASE}{late_overdue.pk + 999}/reinstate-cover/", {},
                                format="json").status_code == 404
