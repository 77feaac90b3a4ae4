"""Overdue pages of the credit manager: list, declare (rows and CSV), detail with deadlines, payments, extensions."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import date as date_filter

from accounts.roles import TENANT_ADMIN
from buyers.models import Buyer
from claims.overdues import services
from claims.overdues.models import Invoice, Overdue
from core.tenancy import tenant_scope
from tests.factories import member
from tests.overdue_factories import declare, invoice_line, post_declaration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


def form_data(policy, buyer, rows, reference="OD-1"):
    data = {"policy": policy.pk, "buyer": buyer.pk, "reference": reference,
            "invoices-TOTAL_FORMS": str(max(len(rows), 3)), "invoices-INITIAL_FORMS": "0",
            "invoices-MIN_NUM_FORMS": "1", "invoices-MAX_NUM_FORMS": "200"}
    for i, row in enumerate(rows):
        data.update({f"invoices-{i}-{key}": value for key, value in row.items()})
    return data


def row(number="F-1", due="2026-01-10", amount="10000", outstanding="10000", invoice_date="2025-12-01"):
    return {"number": number, "invoice_date": invoice_date, "shipment_date": invoice_date, "due_date": due,
            "amount": amount, "outstanding": outstanding}


@pytest.fixture
def outsider_overdue(other_tenant, outsider_policy):
    hidden = Buyer.objects.create(legal_name="Secret Buyer AG", country="DE", registration_number="DE999",
                                  grade=3, status="confirmed")
    return declare(other_tenant, outsider_policy, hidden, [invoice_line("SECRET-1")], date(2026, 2, 1))


# Example 6 through the browser: the notification date is the day of the request.


@pytest.mark.parametrize("notified_on,late", [(date(2026, 3, 11), False), (date(2026, 3, 12), True)])
def test_example_6_declared_in_the_browser(client_of_user, policy, buyer, today, notified_on, late):
    today(notified_on)
    response = post_declaration(client_of_user, "/overdues/new/", form_data(policy, buyer, [row()]))
    assert response.status_code == 302
    overdue = Overdue.objects.get(reference="OD-1")
    assert response["Location"] == f"/overdues/{overdue.pk}/"
    assert overdue.notified_on == notified_on
    assert overdue.invoices.get().notified_late is late
    page = client_of_user.get(f"/overdues/{overdue.pk}/").content.decode()
    assert ("not covered unless the insurer waives the lateness" in page) is late
    # The four deadlines of a 10 January due date (domain.md, examples 6 and 7).
    for deadline in (date(2026, 3, 11), date(2026, 6, 9), date(2026, 9, 7)):
        assert date_filter(deadline) in page


def test_declare_page_lists_the_buyers_with_limits(client_of_user, limit, buyer):
    page = client_of_user.get("/overdues/new/")
    assert page.status_code == 200 and "Late Payer S.p.A." in page.content.decode()
    preselected = client_of_user.get(f"/overdues/new/?buyer={buyer.pk}")
    assert "Late Payer S.p.A." in preselected.content.decode()


@pytest.mark.parametrize(
    "bad,message",
    [
        (row(due="2025-11-30"), "The due date is before the invoice date."),
        (row(amount="-5", outstanding="1"), "Ensure this value is greater than or equal to 0"),
        (row(amount="100", outstanding="150"), "at most the invoice amount"),
        (row(due="not a date"), "Enter a valid date."),
    ],
)
def test_bad_rows_are_form_errors_and_nothing_is_written(client_of_user, policy, buyer, bad, message):
    response = client_of_user.post("/overdues/new/", form_data(policy, buyer, [row("OK-1"), bad | {"number": "BAD"}]))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Overdue.objects.exists() and not Invoice.objects.exists()


def test_no_invoice_row_filled_is_refused(client_of_user, policy, buyer):
    response = client_of_user.post("/overdues/new/", form_data(policy, buyer, []))
    assert response.status_code == 400 and not Overdue.objects.exists()


def test_a_second_open_overdue_on_the_buyer_is_a_form_error(client_of_user, tenant, policy, buyer):
    declare(tenant, policy, buyer, [invoice_line()], date(2026, 2, 1))
    response = client_of_user.post("/overdues/new/", form_data(policy, buyer, [row("F-9")], reference="OD-2"))
    assert response.status_code == 400 and "already open" in response.content.decode()
    assert Overdue.objects.count() == 1


def test_outsider_policy_is_not_a_valid_choice(client_of_user, outsider_policy, buyer):
    response = client_of_user.post("/overdues/new/", form_data(outsider_policy, buyer, [row()]))
    assert response.status_code == 400 and not Overdue.objects.filter(reference="OD-1").exists()


# CSV upload


def csv_file(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("invoices.csv", text.encode("utf-8"), content_type="text/csv")


HEADER = "number,invoice_date,shipment_date,due_date,amount,outstanding\n"


def test_csv_upload_declares_the_overdue(client_of_user, policy, buyer, today):
    today(date(2026, 3, 12))
    body = HEADER + "A-1,2025-12-01,2025-12-01,2026-01-10,10000.00,10000.00\nA-2,2026-01-05,2026-01-06,2026-02-05,500,200\n"
    response = post_declaration(client_of_user, "/overdues/new/csv/", {"policy": policy.pk, "buyer": buyer.pk,
                                                                          "reference": "CSV-1", "file": csv_file(body)})
    assert response.status_code == 302
    overdue = Overdue.objects.get(reference="CSV-1")
    assert dict(overdue.invoices.values_list("number", "notified_late")) == {"A-1": True, "A-2": False}
    assert overdue.invoices.get(number="A-2").outstanding == Decimal("200")


def test_csv_errors_are_shown_per_row_and_nothing_is_saved(client_of_user, policy, buyer):
    body = HEADER + ("A-1,2025-12-01,2025-12-01,2026-01-10,10000.00,10000.00\n"
                     "A-2,2026-01-05,2026-01-06,2025-12-31,500,200\n"
                     "A-3,2026-01-05,2026-01-06,2026-02-05,-5,1\n"
                     "A-1,2026-01-05,yesterday,2026-02-05,1.000,1\n")
    response = post_declaration(client_of_user, "/overdues/new/csv/",
                                {"policy": policy.pk, "buyer": buyer.pk, "file": csv_file(body)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was saved" in page
    assert "The due date is before the invoice date." in page
    assert "Write a positive amount" in page and "Write the date as YYYY-MM-DD." in page
    assert "Invoice number already on line 2." in page
    assert not Overdue.objects.exists() and not Invoice.objects.exists()


@pytest.mark.parametrize(
    "content,message",
    [
        (b"foo,bar\n1,2\n", "Missing columns"),
        (HEADER.encode(), "The file lists no invoice."),
        (b"\xff\xfe\x00n\x00u", "not UTF-8"),
        ((HEADER + "A-1," + "x" * 140_000 + "\n").encode(), "cannot be read as CSV"),
        ((HEADER + "A-1,2025-12-01,2025-12-01,2026-01-10,10\x00,10\n").encode(), "Write a positive amount"),
        ((HEADER + "A-1;2025-12-01;2025-12-01;2026-01-10;10;10\n").encode(), "Write the date as YYYY-MM-DD."),
    ],
)
def test_unreadable_csv_files_are_refused(client_of_user, policy, buyer, content, message):
    upload = SimpleUploadedFile("invoices.csv", content, content_type="text/csv")
    response = client_of_user.post("/overdues/new/csv/", {"policy": policy.pk, "buyer": buyer.pk, "file": upload})
    assert response.status_code == 400 and message in response.content.decode()
    assert not Overdue.objects.exists()


def test_csv_with_semicolons_and_a_bom_is_read(client_of_user, policy, buyer):
    body = "\ufeff" + HEADER.replace(",", ";") + "A-1;2025-12-01;2025-12-01;2026-01-10;10;10\n"
    response = post_declaration(client_of_user, "/overdues/new/csv/",
                                {"policy": policy.pk, "buyer": buyer.pk, "file": csv_file(body)})
    assert response.status_code == 302 and Invoice.objects.get().number == "A-1"


# List and detail


def test_list_shows_state_buyer_total_and_late_flags(client_of_user, tenant, policy, buyer, outsider_overdue):
    declare(tenant, policy, buyer, [invoice_line("L-1"), invoice_line("L-2", due=date(2026, 2, 10), amount="2500.50")],
            date(2026, 3, 12))
    page = client_of_user.get("/overdues/").content.decode()
    assert "Late Payer S.p.A." in page and "€12,500.50" in page and "1 late" in page
    assert "Secret Buyer" not in page
    assert "Secret Buyer" not in client_of_user.get("/overdues/?state=open").content.decode()


def test_list_query_count_does_not_grow_with_rows(client_of_user, tenant, policy, django_assert_num_queries):
    for n in range(30):
        b = Buyer.objects.create(legal_name=f"Buyer {n}", country="FR", registration_number=f"FR{n}", status="confirmed")
        lines = [invoice_line(f"I-{n}-a"), invoice_line(f"I-{n}-b")]
        if n % 2:
            declare(tenant, policy, b, lines, date(2026, 2, 1))
        else:  # drafts show their notification deadline, from the prefetched invoices
            services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=b, invoices=lines, draft=True)
    with django_assert_num_queries(10):
        response = client_of_user.get("/overdues/")
    assert response.status_code == 200 and "Buyer 29" in response.content.decode()
    assert response.content.decode().count("Not notified yet") == 15
    searched = client_of_user.get("/overdues/?q=Buyer 2&state=open").content.decode()
    assert "Buyer 29" in searched and "Buyer 1<" not in searched


def test_the_list_finds_overdues_as_the_limits_list_finds_limits(client_of_user, tenant, policy, outsider_policy):
    # One search for both lists: every word of the buyer's names with accents ignored, an identifier with or
    # without separators, or the insured's reference; never another insured's overdue.
    muller = Buyer.objects.create(legal_name="Müller Maschinenbau GmbH", country="DE", registration_number="HRB123456",
                                  status="confirmed")
    other = Buyer.objects.create(legal_name="Dupont SARL", country="FR", registration_number="FR999", status="confirmed")
    declare(tenant, policy, muller, [invoice_line("M-1")], date(2026, 2, 1))
    services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=other, reference="ERP-77",
                             invoices=[invoice_line("D-1")], draft=True)
    with tenant_scope(outsider_policy.tenant):
        declare(outsider_policy.tenant, outsider_policy, muller, [invoice_line("X-1")], date(2026, 2, 1))
    for q, found, hidden in (("muller maschinen", "Müller", "Dupont"), ("HRB 123.456", "Müller", "Dupont"),
                             ("erp-77", "Dupont", "Müller")):
        page = client_of_user.get("/overdues/", {"q": q}).content.decode()
        assert found in page and hidden not in page, q
    assert client_of_user.get("/overdues/", {"q": "muller"}).context["overdues"].count() == 1


def test_detail_query_count_does_not_grow_with_invoices(client_of_user, tenant, policy, buyer,
                                                        django_assert_num_queries):
    overdue = declare(tenant, policy, buyer, [invoice_line(f"I-{n}", amount="100") for n in range(30)], date(2026, 2, 1))
    for _ in range(5):
        services.record_payment(overdue=overdue, amount=Decimal("150"), received_on=date(2026, 2, 2))
    with django_assert_num_queries(13):
        response = client_of_user.get(f"/overdues/{overdue.pk}/")
    assert response.status_code == 200 and "I-29" in response.content.decode()


def test_outsider_gets_404_on_the_detail_and_its_forms(client_of_outsider, tenant, policy, buyer):
    overdue = declare(tenant, policy, buyer, [invoice_line()], date(2026, 2, 1))
    assert client_of_outsider.get(f"/overdues/{overdue.pk}/").status_code == 404
    assert client_of_outsider.post(f"/overdues/{overdue.pk}/payments/",
                                   {"amount": "10", "received_on": "2026-02-02"}).status_code == 404
    assert client_of_outsider.post(f"/overdues/{overdue.pk}/extension/", {}).status_code == 404
    assert "Late Payer" not in client_of_outsider.get("/overdues/").content.decode()


def test_tenant_admin_sees_but_cannot_declare(tenant, client, policy, buyer):
    client.force_login(member(tenant, [TENANT_ADMIN]))
    assert client.get("/overdues/").status_code == 200
    assert client.get("/overdues/new/").status_code == 403
    assert client.post("/overdues/new/", form_data(policy, buyer, [row()])).status_code == 403


def test_anonymous_is_sent_to_login(client):
    assert client.get("/overdues/").status_code == 302


# Payments and extensions on the detail page


def test_payment_form_allocates_and_clears(client_of_user, tenant, policy, buyer, today):
    today(date(2026, 3, 1))
    overdue = declare(tenant, policy, buyer, [invoice_line("OLD", amount="5000"), invoice_line("NEW", due=date(2026, 2, 10),
                                                                             amount="3000")], date(2026, 2, 20))
    new = overdue.invoices.get(number="NEW")
    r = client_of_user.post(f"/overdues/{overdue.pk}/payments/", {"amount": "1000", "received_on": "2026-02-25",
                                                                  "designated_invoice": new.pk})
    assert r.status_code == 302
    assert dict(overdue.invoices.values_list("number", "outstanding")) == {"OLD": Decimal("5000"), "NEW": Decimal("2000")}
    too_much = client_of_user.post(f"/overdues/{overdue.pk}/payments/", {"amount": "7000.01", "received_on": "2026-02-26"})
    assert too_much.status_code == 400 and "more than what is outstanding" in too_much.content.decode()
    future = client_of_user.post(f"/overdues/{overdue.pk}/payments/", {"amount": "1", "received_on": "2026-03-02"})
    assert future.status_code == 400 and "cannot be in the future" in future.content.decode()
    r = client_of_user.post(f"/overdues/{overdue.pk}/payments/", {"amount": "7000", "received_on": "2026-02-27"})
    assert r.status_code == 302
    overdue.refresh_from_db()
    assert overdue.state == Overdue.State.CLEARED
    page = client_of_user.get(f"/overdues/{overdue.pk}/").content.decode()
    assert "OLD: €5,000.00" in page and "Record a payment" not in page


def test_payment_with_another_overdues_invoice_is_refused(client_of_user, tenant, policy, buyer, outsider_overdue):
    overdue = declare(tenant, policy, buyer, [invoice_line()], date(2026, 2, 1))
    with tenant_scope(outsider_overdue.tenant):
        theirs = outsider_overdue.invoices.get()
    r = client_of_user.post(f"/overdues/{overdue.pk}/payments/", {"amount": "10", "received_on": "2026-02-02",
                                                                  "designated_invoice": theirs.pk})
    assert r.status_code == 400 and overdue.payments.count() == 0


def test_extension_within_60_days_counts_beyond_waits_for_consent(client_of_user, tenant, policy, buyer):
    overdue = declare(tenant, policy, buyer, [invoice_line()], date(2026, 3, 12))
    invoice = overdue.invoices.get()
    assert invoice.notified_late
    # 60 days after 10 January: counts, so the invoice was notified in time after all.
    r = client_of_user.post(f"/overdues/{overdue.pk}/extension/", {"invoice": invoice.pk, "new_due_date": "2026-03-11"})
    assert r.status_code == 302
    invoice.refresh_from_db()
    assert invoice.extended_due_date == date(2026, 3, 11) and not invoice.notified_late
    # 61 days: recorded, but the deadlines keep the original due date until an underwriter consents.
    r = client_of_user.post(f"/overdues/{overdue.pk}/extension/", {"invoice": invoice.pk, "new_due_date": "2026-03-12"})
    assert r.status_code == 302
    invoice.refresh_from_db()
    assert invoice.extended_due_date == date(2026, 3, 12) and invoice.notified_late
    assert "waits for the insurer's consent" in client_of_user.get(f"/overdues/{overdue.pk}/").content.decode()
    bad = client_of_user.post(f"/overdues/{overdue.pk}/extension/", {"invoice": invoice.pk, "new_due_date": "2026-01-01"})
    assert bad.status_code == 400 and "after the original due date" in bad.content.decode()


def test_the_only_policy_is_preselected_on_the_declaration(client_of_user, policy, outsider_policy):
    """Another tenant's policy does not count: the insured's one policy is chosen for it."""
    form = client_of_user.get("/overdues/new/").context["form"]
    assert form.initial["policy"] == policy.pk
    assert [choice.pk for choice in form.fields["policy"].queryset] == [policy.pk]
