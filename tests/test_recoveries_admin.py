"""The claims handler's recovery page: ledger, recording recoveries, costs, settlements, collection."""

from datetime import date

import pytest
from django.test import Client

from recoveries.models import CollectionCase, Recovery
from tests.claim_helpers import paid_claim

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
TODAY = date.today().isoformat()


@pytest.fixture
def finance(tenant):
    from accounts.roles import FINANCE
    from tests.factories import member

    return member(tenant, [FINANCE])


@pytest.fixture
def handler_client(claims_handler):
    client = Client()
    client.force_login(claims_handler)
    return client


def page(claim):
    return f"/admin/recoveries/recovery/claim/{claim.pk}/"


def test_handler_records_a_recovery_and_sees_the_split(handler_client, tenant, finance, claims_handler, underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    response = handler_client.post(page(claim), {"form": "recovery", "recovery-amount": "5000",
                                                 "recovery-received_on": TODAY, "recovery-source": "liquidator"})
    assert response.status_code == 302
    text = handler_client.get(page(claim)).content.decode()
    assert "4,500.00" in text or "4500.00" in text


def test_bad_amount_is_a_form_error_and_nothing_is_written(handler_client, tenant, finance, claims_handler,
                                                           underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    response = handler_client.post(page(claim), {"form": "recovery", "recovery-amount": "-1",
                                                 "recovery-received_on": TODAY, "recovery-source": "buyer"})
    assert response.status_code == 200 and "greater than zero" in response.content.decode()
    assert not Recovery.objects.exists()


def test_collection_status_is_set_from_the_page(handler_client, tenant, finance, claims_handler, underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    handler_client.post(page(claim), {"form": "collection", "collection-status": "legal_action",
                                      "collection-agency": "Bufete Ruiz", "collection-note": "Lawsuit filed"})
    case = CollectionCase.objects.get()
    assert (case.status, case.agency, case.claim_id) == ("legal_action", "Bufete Ruiz", claim.pk)


def test_underwriter_cannot_record_recoveries(client_of_underwriter, tenant, finance, claims_handler, underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    response = client_of_underwriter.post(page(claim), {"form": "recovery", "recovery-amount": "10",
                                                        "recovery-received_on": TODAY, "recovery-source": "buyer"})
    assert response.status_code == 403
    assert not Recovery.objects.exists()


def test_an_overdue_is_handed_to_collection_before_any_claim(handler_client, tenant, policy, underwriter,
                                                             client_of_user, client_of_outsider):
    from tests.claim_helpers import approve_limit, late_payer
    from tests.overdue_factories import declare, invoice

    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer, invoices=[invoice(shipped=date(2026, 2, 1),
                                                                                   amount=10_000)])
    response = handler_client.post("/admin/recoveries/collectioncase/open/",
                                   {"overdue": overdue.pk, "agency": "Cobros Lisboa", "note": "Letter sent"})
    assert response.status_code == 302
    case = CollectionCase.objects.get()
    assert (case.overdue_id, case.claim_id, case.status_note) == (overdue.pk, None, "Letter sent")
    again = handler_client.post("/admin/recoveries/collectioncase/open/", {"overdue": overdue.pk})
    assert again.status_code == 200 and "already in collection" in again.content.decode()
    # The insured follows it on its recoveries page; another tenant does not see it.
    assert "Cobros Lisboa" in client_of_user.get("/recoveries/").content.decode()
    assert "Cobros Lisboa" not in client_of_outsider.get("/recoveries/").content.decode()


def test_unknown_overdue_is_a_form_error(handler_client):
    response = handler_client.post("/admin/recoveries/collectioncase/open/", {"overdue": 999})
    assert response.status_code == 200 and "No notified overdue" in response.content.decode()
    assert not CollectionCase.objects.exists()
