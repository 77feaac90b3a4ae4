"""The underwriter's overdue screens: invoices read-only, waive lateness, consent to extensions, reinstate cover."""

from datetime import date
from decimal import Decimal

import pytest
from moneyed import Money

from buyers.models import Buyer
from claims.overdues import services
from claims.overdues.models import Invoice, Overdue
from limits import services as limit_services
from limits.selectors import cover_in_force
from tests.factories import UserFactory
from tests.overdue_factories import declare, invoice_line

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
OVERDUES = "/admin/claims/overdue/"
INVOICES = "/admin/claims/invoice/"


def act(client, url, action, objects):
    return client.post(url, {"action": action, "_selected_action": [o.pk for o in objects]}, follow=True)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_underwriter_sees_overdues_of_all_tenants_with_read_only_invoices(
    client_of_underwriter, tenant, policy, buyer, other_tenant, outsider_policy
):
    mine = declare(tenant, policy, buyer, [invoice_line()], date(2026, 3, 12))
    declare(other_tenant, outsider_policy, buyer, [invoice_line("OTHER-1")], date(2026, 2, 1))
    listing = client_of_underwriter.get(OVERDUES)
    assert listing.status_code == 200 and listing.context["cl"].result_count == 2
    page = client_of_underwriter.get(f"{OVERDUES}{mine.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "F-1" in html and 'name="invoices-0-amount"' not in html and 'name="invoices-0-outstanding"' not in html
    assert client_of_underwriter.get(f"{OVERDUES}add/").status_code == 403


def test_waive_lateness_action_reports_each_refusal(client_of_underwriter, tenant, policy, buyer):
    overdue = declare(tenant, policy, buyer, [invoice_line("LATE", due=date(2026, 1, 10)),
                                              invoice_line("IN-TIME", due=date(2026, 2, 10))], date(2026, 3, 12))
    late, in_time = overdue.invoices.get(number="LATE"), overdue.invoices.get(number="IN-TIME")
    response = act(client_of_underwriter, INVOICES, "waive_lateness", [late, in_time])
    assert response.status_code == 200
    texts = messages_of(response)
    assert "Lateness waived on 1 invoice(s)." in texts
    assert "IN-TIME: This invoice was notified in time." in texts
    late.refresh_from_db()
    assert late.lateness_waived and late.lateness_waived_by.is_staff
    again = act(client_of_underwriter, INVOICES, "waive_lateness", [late])
    assert "LATE: The lateness was already waived." in messages_of(again)


def test_consent_to_an_extension_beyond_the_maximum(client_of_underwriter, tenant, policy, buyer, user):
    overdue = declare(tenant, policy, buyer, [invoice_line("A"), invoice_line("B")], date(2026, 3, 12))
    a, b = overdue.invoices.get(number="A"), overdue.invoices.get(number="B")
    services.extend_due_date(invoice=a, new_due_date=date(2026, 4, 30), requested_by=user)
    services.extend_due_date(invoice=b, new_due_date=date(2026, 2, 1), requested_by=user)
    response = act(client_of_underwriter, INVOICES, "consent_extension", [a, b])
    texts = messages_of(response)
    assert "Extension consented on 1 invoice(s)." in texts
    assert any(t.startswith("B: ") and "needs no consent" in t for t in texts)
    a.refresh_from_db()
    # With consent the extension moves every deadline: notified on 12 March, due 30 April, in time.
    assert a.extension_consented and not a.notified_late


def test_reinstate_cover_action_on_cleared_overdues_only(client_of_underwriter, tenant, policy, buyer, today):
    limit_services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                 amount=Money(50_000, "EUR"), terms_days=60, today=date(2026, 1, 2))
    other = Buyer.objects.create(legal_name="Still Open SA", country="FR", registration_number="FR1", status="confirmed")
    cleared = declare(tenant, policy, buyer, [invoice_line(due=date(2026, 2, 20))], date(2026, 3, 2))
    still_open = declare(tenant, policy, other, [invoice_line()], date(2026, 3, 2))
    services.record_payment(overdue=cleared, amount=Decimal("10000"), received_on=date(2026, 3, 3))
    today(date(2026, 3, 10))
    response = act(client_of_underwriter, OVERDUES, "reinstate_cover", [cleared, still_open])
    assert response.status_code == 200
    texts = messages_of(response)
    assert "Cover reinstated on 1 overdue(s)." in texts
    assert any("only once the overdue is cleared" in t for t in texts)
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 10)).amount == Money(50_000, "EUR")
    twice = act(client_of_underwriter, OVERDUES, "reinstate_cover", [cleared])
    assert any("already reinstated" in t for t in messages_of(twice))


def test_staff_without_the_permission_cannot_waive(client, tenant, policy, buyer):
    from django.contrib.auth.models import Permission

    clerk = UserFactory(is_staff=True)
    clerk.user_permissions.add(*Permission.objects.filter(content_type__app_label="claims",
                                                          codename__in=["view_invoice", "view_overdue"]))
    client.force_login(clerk)
    overdue = declare(tenant, policy, buyer, [invoice_line()], date(2026, 3, 12))
    invoice = overdue.invoices.get()
    listing = client.get(INVOICES)
    assert listing.status_code == 200 and "waive_lateness" not in listing.content.decode()
    act(client, INVOICES, "waive_lateness", [invoice])
    assert not Invoice.objects.get(pk=invoice.pk).lateness_waived
    assert Overdue.objects.get(pk=overdue.pk).state == Overdue.State.OPEN
