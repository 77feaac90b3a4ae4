"""The dates of a notification (domain.md, Overdues): its invoices were issued and shipped on or before the
notification date (today for a draft) and within the policy period, and a draft is not notified before it was
saved. Checked once (claims.overdues.invoice_rules.check_invoice_lines); the service, the page, the API and the
CSV import show the message on the invoice's field, and nothing is written.

Dates are relative to the day the suite runs: the pages and the API notify today.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from claims.overdues import services
from claims.overdues.models import Invoice, Overdue
from claims.overdues.services import InvoiceLine
from core.exceptions import DomainError
from core.tenancy import tenant_scope
from limits.models import CoverStop
from tests.factories import PolicyFactory, api_error
from tests.overdue_factories import saved_on

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
ENDED = TODAY - timedelta(days=30)  # the last day of `ended_policy`
ISSUED = TODAY - timedelta(days=200)


def iso(day: date) -> str:
    return day.isoformat()


GOOD = {"number": "OK-1", "invoice_date": iso(ISSUED), "shipment_date": iso(ISSUED),
        "due_date": iso(ISSUED + timedelta(days=60)), "amount": "10000", "outstanding": "10000"}
EARLY = GOOD | {"invoice_date": "2025-12-01", "shipment_date": "2025-12-01", "due_date": "2026-01-10"}
TOMORROW = TODAY + timedelta(days=1)
AFTER_END = ENDED + timedelta(days=1)

# (what the insured typed, the service's messages by field) on a notification today under a policy that ended
# on ENDED; the due date is moved along so that only the rule under test is broken.
RULES = [
    ({"invoice_date": iso(TOMORROW), "shipment_date": iso(TOMORROW), "due_date": iso(TOMORROW)}, {
        "invoice_date": f"The invoice was issued after the notification date ({iso(TODAY)}).",
        "shipment_date": f"The invoice was shipped after the notification date ({iso(TODAY)}).",
    }),
    ({"shipment_date": iso(TOMORROW)}, {
        "shipment_date": f"The invoice was shipped after the notification date ({iso(TODAY)}).",
    }),
    ({"invoice_date": iso(AFTER_END), "due_date": iso(AFTER_END + timedelta(days=5))}, {
        "invoice_date": f"The invoice was issued after the policy ended ({iso(ENDED)}).",
    }),
    ({"shipment_date": iso(AFTER_END)}, {
        "shipment_date": f"The invoice was shipped after the policy ended ({iso(ENDED)}).",
    }),
]


@pytest.fixture
def ended_policy(tenant):
    return PolicyFactory(tenant=tenant, start_date=TODAY - timedelta(days=395), end_date=ENDED)


def bad(changes):
    return GOOD | {"number": "BAD"} | changes


def line(values) -> InvoiceLine:
    return InvoiceLine(number=values["number"], invoice_date=date.fromisoformat(values["invoice_date"]),
                       shipment_date=date.fromisoformat(values["shipment_date"]),
                       due_date=date.fromisoformat(values["due_date"]), amount=Decimal(values["amount"]),
                       outstanding=Decimal(values["outstanding"]))


def nothing_written():
    return not Overdue.objects.exists() and not Invoice.objects.exists() and not CoverStop.objects.exists()


def declare(tenant, policy, buyer, rows, **kwargs):
    return services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=buyer,
                                    invoices=[line(values) for values in rows], **kwargs)


# --- the service at its boundaries ------------------------------------------------------------


@pytest.mark.usefixtures("in_tenant_scope")
@pytest.mark.parametrize("changes,expected", RULES)
def test_the_service_names_the_invoice_and_its_field(tenant, ended_policy, buyer, changes, expected):
    with pytest.raises(DomainError) as refused:
        declare(tenant, ended_policy, buyer, [GOOD, bad(changes)])
    assert refused.value.fields == {f"invoices[1].{name}": [message] for name, message in expected.items()}
    assert refused.value.message == " ".join(f"Invoice BAD: {message}" for message in expected.values())
    assert nothing_written()


@pytest.mark.usefixtures("in_tenant_scope")
def test_invoices_of_the_notification_day_and_of_the_policys_last_day_are_accepted(tenant, policy, buyer):
    notified_on = date(2026, 3, 11)
    last = EARLY | {"number": "LAST", "invoice_date": "2026-03-11", "shipment_date": "2026-03-11",
                   "due_date": "2026-04-30"}
    overdue = declare(tenant, policy, buyer, [EARLY, last], notified_on=notified_on)
    assert overdue.invoices.count() == 2
    with pytest.raises(DomainError) as refused:
        declare(tenant, PolicyFactory(tenant=tenant, end_date=date(2026, 3, 10)), buyer, [last],
                notified_on=notified_on)
    assert set(refused.value.fields) == {"invoices[0].invoice_date", "invoices[0].shipment_date"}


@pytest.mark.usefixtures("in_tenant_scope")
def test_a_backdated_notification_refuses_invoices_shipped_after_it(tenant, policy, buyer):
    shipped = GOOD | {"shipment_date": "2026-03-12", "invoice_date": "2026-03-12", "due_date": "2026-04-30"}
    with pytest.raises(DomainError) as refused:
        declare(tenant, policy, buyer, [shipped], notified_on=date(2026, 3, 11))
    assert refused.value.fields == {
        "invoices[0].invoice_date": ["The invoice was issued after the notification date (2026-03-11)."],
        "invoices[0].shipment_date": ["The invoice was shipped after the notification date (2026-03-11)."],
    }


@pytest.mark.usefixtures("in_tenant_scope")
def test_a_draft_refuses_invoices_of_tomorrow_and_after_the_policys_end(tenant, ended_policy, buyer):
    with pytest.raises(DomainError) as refused:
        declare(tenant, ended_policy, buyer, [bad({"shipment_date": iso(TOMORROW)}), bad({"number": "B2",
                "shipment_date": iso(AFTER_END)})], draft=True)
    assert refused.value.fields == {
        "invoices[0].shipment_date": ["The shipment date is in the future."],
        "invoices[1].shipment_date": [f"The invoice was shipped after the policy ended ({iso(ENDED)})."],
    }
    assert nothing_written()


@pytest.mark.usefixtures("in_tenant_scope")
def test_invoices_added_to_an_open_overdue_keep_the_rules(tenant, ended_policy, buyer):
    overdue = declare(tenant, ended_policy, buyer, [GOOD])
    with pytest.raises(DomainError) as refused:
        services.add_invoices(overdue=overdue, invoices=[line(bad({"shipment_date": iso(AFTER_END)}))],
                              added_by=None)
    assert list(refused.value.fields) == ["invoices[0].shipment_date"]
    assert overdue.invoices.count() == 1


# --- notifying a draft ---------------------------------------------------------------------------


@pytest.mark.usefixtures("in_tenant_scope")
def test_a_draft_is_not_notified_before_the_day_it_was_saved(tenant, policy, buyer):
    draft = declare(tenant, policy, buyer, [EARLY | {"invoice_date": "2026-01-05", "shipment_date": "2026-01-05",
                                                    "due_date": "2026-02-05"}], draft=True)
    saved_on(draft, date(2026, 3, 1))
    with pytest.raises(DomainError) as refused:
        services.notify_overdue(overdue=draft, notified_by=None, notified_on=date(2026, 2, 28))
    assert (refused.value.field, refused.value.message) == (
        "notified_on", "The notification date cannot be before the draft was saved (2026-03-01).")
    draft.refresh_from_db()
    assert draft.state == Overdue.State.DRAFT and not CoverStop.objects.exists()
    # The day it was saved is accepted.
    services.notify_overdue(overdue=draft, notified_by=None, notified_on=date(2026, 3, 1))
    draft.refresh_from_db()
    assert (draft.state, draft.notified_on) == (Overdue.State.OPEN, date(2026, 3, 1))


@pytest.mark.usefixtures("in_tenant_scope")
def test_notifying_a_draft_refuses_its_invoices_shipped_after_the_notification(tenant, policy, buyer):
    draft = declare(tenant, policy, buyer, [EARLY], draft=True)
    saved_on(draft, date(2026, 3, 1))
    services.add_invoices(overdue=draft, added_by=None, invoices=[line(EARLY | {
        "number": "LATER", "invoice_date": "2026-03-20", "shipment_date": "2026-03-20", "due_date": "2026-05-01"})])
    with pytest.raises(DomainError) as refused:
        services.notify_overdue(overdue=draft, notified_by=None, notified_on=date(2026, 3, 10))
    assert refused.value.fields == {
        "invoices[1].invoice_date": ["The invoice was issued after the notification date (2026-03-10)."],
        "invoices[1].shipment_date": ["The invoice was shipped after the notification date (2026-03-10)."],
    }
    draft.refresh_from_db()
    assert draft.state == Overdue.State.DRAFT and not CoverStop.objects.exists()


# --- the page, the API, the CSV ------------------------------------------------------------------


def form_data(policy, buyer, rows):
    data = {"policy": policy.pk, "buyer": buyer.pk, "reference": "OD-1", "invoices-TOTAL_FORMS": "3",
            "invoices-INITIAL_FORMS": "0", "invoices-MIN_NUM_FORMS": "1", "invoices-MAX_NUM_FORMS": "200"}
    for index, values in enumerate(rows):
        data.update({f"invoices-{index}-{key}": value for key, value in values.items()})
    return data


def nothing_written_for(tenant):
    with tenant_scope(tenant):
        return nothing_written()


@pytest.mark.parametrize("changes,expected", RULES)
def test_the_page_shows_the_message_on_the_row_and_field(client_of_user, tenant, ended_policy, buyer, changes,
                                                         expected):
    response = client_of_user.post("/overdues/new/", form_data(ended_policy, buyer, [GOOD, bad(changes)]))
    assert response.status_code == 400
    good_row, bad_row = response.context["rows"].forms[:2]
    assert good_row.errors == {} and bad_row.errors == {name: [message] for name, message in expected.items()}
    assert nothing_written_for(tenant)


@pytest.mark.parametrize("changes,expected", RULES)
def test_the_api_points_at_the_invoice_and_its_field(api_client, tenant, ended_policy, buyer, changes, expected):
    def money(amount):
        return {"amount": amount, "currency": "EUR"}

    invoices = [values | {"amount": money(values["amount"]), "outstanding": money(values["outstanding"])}
                for values in (GOOD, bad(changes))]
    response = api_client.post("/api/v1/overdues/", {"policy": ended_policy.pk, "buyer": buyer.pk,
                                                     "invoices": invoices}, format="json")
    assert response.status_code == 400
    assert api_error(response) == ("validation_error",
                                   {f"/invoices/1/{name}": [message] for name, message in expected.items()})
    assert nothing_written_for(tenant)


def csv_upload(*rows):
    header = ",".join(GOOD)
    text = "\n".join([header] + [",".join(values.values()) for values in rows]) + "\n"
    return SimpleUploadedFile("invoices.csv", text.encode("utf-8"), content_type="text/csv")


@pytest.mark.parametrize("changes,expected", RULES)
def test_the_csv_import_shows_the_message_by_line_and_column(client_of_user, tenant, ended_policy, buyer, changes,
                                                             expected):
    response = client_of_user.post("/overdues/new/csv/", {"policy": ended_policy.pk, "buyer": buyer.pk,
                                                          "file": csv_upload(GOOD, bad(changes))})
    assert response.status_code == 400
    assert [(e.line, e.column, e.message) for e in response.context["errors"]] == [
        (3, name, message) for name, message in expected.items()
    ]
    assert nothing_written_for(tenant)


def test_the_csv_import_of_a_draft_says_in_the_future(client_of_user, tenant, ended_policy, buyer):
    response = client_of_user.post("/overdues/new/csv/", {
        "policy": ended_policy.pk, "buyer": buyer.pk, "submit_as": "draft",
        "file": csv_upload(bad({"shipment_date": iso(TOMORROW)}))})
    assert [(e.line, e.column, e.message) for e in response.context["errors"]] == [
        (2, "shipment_date", "The shipment date is in the future.")]
    assert nothing_written_for(tenant)


def test_an_outsider_cannot_declare_on_the_insureds_policy(api_client_of_outsider, tenant, ended_policy, buyer):
    invoice = GOOD | {"amount": {"amount": "10000", "currency": "EUR"},
                      "outstanding": {"amount": "10000", "currency": "EUR"}}
    response = api_client_of_outsider.post("/api/v1/overdues/", {"policy": ended_policy.pk, "buyer": buyer.pk,
                                                                  "invoices": [invoice]}, format="json")
    assert response.status_code == 400 and "/policy" in api_error(response)[1]
    assert nothing_written_for(tenant)
