"""Exact query counts of the list and detail endpoints (API and pages) with few rows and with many.

Each endpoint answers in the same number of queries with 3 rows as with 10: no query per row. The lists
already pinned next to their features (limits, buyers, overdues, claims, recoveries, collection cases,
turnover, webhooks, the dashboard, the insurer's queue) are not repeated here.
Every count is taken on a second request: a token's first use is recorded once, one write more.
A tenant's page counts one query for the top bar's unread notifications (core.selectors).
"""

from datetime import date, timedelta

import pytest
from moneyed import Money

from buyers.models import BuyerIdentifier
from claims.claims import services as claims
from claims.claims.models import DocumentKind
from limits import services as limits
from policies.premium.services import declare_turnover
from recoveries import services as recoveries
from tests.claim_helpers import (
    approve_limit,
    file_protracted_default,
    late_payer,
    paid_claim,
    pdf,
    upload_checklist,
)
from tests.factories import PolicyFactory, eur, logged_in
from tests.overdue_factories import declare, invoice

# Requests go through the middleware, which enters the requester's scope; set-up runs like a job.
pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
FEW, MANY = 3, 10
# Every page that reads a policy's terms loads its terms versions once, whatever the rows (issue 10: terms in time);
# a claim reads those of its own policy and of its overdue's.


@pytest.fixture
def pinned(django_assert_num_queries):
    def get(client, url, queries):
        client.get(url)
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200, response.content[:300]
        return response

    return get


def limits_on(tenant, policy, underwriter, n):
    return [approve_limit(tenant=tenant, policy=policy, buyer=late_payer(f"Buyer {policy.pk}-{i} GmbH", "DE"),
                          amount=10_000, underwriter=underwriter) for i in range(n)]


def claim_with_invoices(tenant, policy, underwriter, by, n):
    buyer = late_payer(f"Debtor {n} S.p.A.")
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=100_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer, invoices=[
        invoice(f"F-{i}", shipped=date(2026, 2, 1) + timedelta(days=i), amount=1_000) for i in range(n)])
    return file_protracted_default(tenant=tenant, overdue=overdue, by=by)


def add_documents(claim, by, n):
    for i in range(n):
        claims.upload_document(claim=claim, kind=DocumentKind.OTHER, uploaded=pdf(f"other-{i}.pdf"), uploaded_by=by)


# --- Policies and premium ------------------------------------------------------------------------------------

def test_policy_pages_and_api(pinned, api_client, client_of_user, tenant, underwriter):
    for n in (FEW, MANY):
        PolicyFactory.create_batch(n, tenant=tenant)
        policy = PolicyFactory(tenant=tenant)
        limits_on(tenant, policy, underwriter, n)
        pinned(client_of_user, "/policies/", 9)
        pinned(client_of_user, f"/policies/{policy.pk}/", 12)  # its periods, latest renewal offer, notice, loss payees
        pinned(api_client, f"/api/v1/policies/{policy.pk}/", 6)  # and its loss payees


def test_premium_page_and_api_with_few_and_many_declarations(pinned, api_client, client_of_user, tenant, user):
    for n in (FEW, MANY):
        policy = PolicyFactory(tenant=tenant)
        for month in range(1, n + 1):
            declare_turnover(tenant=tenant, declared_by=user, policy=policy, period_start=date(2026, month, 1),
                             country="ES", turnover=1000, today=date(2026, 12, 31))
        pinned(client_of_user, f"/policies/{policy.pk}/premium/", 15)  # the insurance periods
        pinned(api_client, f"/api/v1/policies/{policy.pk}/premium/", 9)


def test_policy_statement_page(pinned, client_of_user, tenant, policy, underwriter):
    for n in (FEW, MANY - FEW):
        limits_on(tenant, policy, underwriter, n)
        # 3 of them the insurance periods, the period's premium invoices and their payments.
        pinned(client_of_user, f"/recoveries/policies/{policy.pk}/", 16)


# --- Buyers and limits ---------------------------------------------------------------------------------------

def test_buyer_search_page_and_buyer_detail(pinned, api_client, client_of_user, tenant, policy, underwriter):
    for n in (FEW, MANY):
        limits_on(tenant, policy, underwriter, n)
        buyer = late_payer(f"Identified {n} GmbH", "DE")
        for i in range(n):
            BuyerIdentifier.objects.create(buyer=buyer, type=BuyerIdentifier.Type.DUNS, value=f"{n:02d}{i:07d}")
        pinned(client_of_user, "/buyers/?q=gmbh", 9)  # one looks up identifier holders first
        pinned(client_of_user, f"/buyers/{buyer.pk}/", 8)
        pinned(api_client, f"/api/v1/buyers/{buyer.pk}/", 5)


def test_limit_detail_with_few_and_many_decisions(pinned, api_client, client_of_user, tenant, policy, underwriter):
    for n in (FEW, MANY):
        [limit] = limits_on(tenant, policy, underwriter, 1)
        for i in range(n):
            limits.reduce_limit(limit=limit, decided_by=underwriter, amount=eur(9_000 - 500 * i),
                                reason_codes=["payment_behaviour"], notified_on=date(2026, 3, 1 + i))
        pinned(client_of_user, f"/limits/{limit.pk}/", 12)
        pinned(api_client, f"/api/v1/limits/{limit.pk}/", 5)
        pinned(api_client, f"/api/v1/limits/{limit.pk}/cover/?on=2026-03-20", 9)


def test_exposure_page(pinned, tenant, policy, underwriter):
    client = logged_in(underwriter)
    for n in (FEW, MANY - FEW):
        limits_on(tenant, policy, underwriter, n)
        # exposure by buyer: totals per currency, the number of buyers, the top rows, their insureds and names
        pinned(client, "/admin/exposure/", 10)


def test_tenant_exposure_api_with_few_and_many_buyers_in_two_currencies(pinned, api_client, tenant, policy,
                                                                        underwriter):
    from tests.limit_factories import make_limit

    usd = PolicyFactory(tenant=tenant, currency="USD")  # no USD rate: looked up once, reported apart
    for n in (FEW, MANY):
        for buyer in [late_payer(f"Exposed {n}-{i} GmbH", "DE") for i in range(n)]:
            make_limit(policy, buyer, 1_000)
            make_limit(usd, buyer, 500)
        # The token with its tenant, its user's and its groups' permissions; the sums in one query; the rates come
        # from the read cache (core.readcache), the missing USD rate included.
        pinned(api_client, "/api/v1/exposure/?page_size=5", 4)
        pinned(api_client, "/api/v1/exposure/?by=country", 4)


# --- Claims and recoveries -----------------------------------------------------------------------------------

def test_claim_detail_calculation_and_review_with_few_and_many_invoices_and_documents(
        pinned, api_client, client_of_user, tenant, policy, user, underwriter, claims_handler):
    handler = logged_in(claims_handler)
    for n in (FEW, MANY):
        claim = claim_with_invoices(tenant, policy, underwriter, user, n)
        upload_checklist(claim, user)
        add_documents(claim, user, n)
        claim = claims.submit_claim(claim=claim, submitted_by=user, today=claim.date_of_loss)
        # The checklist and the calculation read the documents, requests and invoices claim_detail prefetched;
        # each reads the policy's insurance periods once (the claim's period: its oldest shipment's), and whether
        # the buyer is related to the insured (an excluded kind of buyer).
        pinned(client_of_user, f"/claims/{claim.pk}/", 19)
        pinned(api_client, f"/api/v1/claims/{claim.pk}/", 16)
        pinned(api_client, f"/api/v1/claims/{claim.pk}/calculation/", 14)
        pinned(handler, f"/admin/claims/claim/{claim.pk}/review/", 24)


def test_recourse_statement_with_few_and_many_recoveries(pinned, client_of_user, tenant, finance, claims_handler,
                                                         underwriter):
    for n in (FEW, MANY):
        claim = paid_claim(tenant, finance, claims_handler, underwriter)
        for i in range(n):
            recoveries.record_recovery(claim=claim, amount=Money(100 + i, "EUR"), received_on=date.today(),
                                       source="buyer")
            recoveries.record_collection_cost(claim=claim, amount=eur(10), incurred_on=date.today(), kind="other")
        pinned(client_of_user, f"/recoveries/claims/{claim.pk}/", 12)


def test_claim_and_overdue_lists_with_few_and_many_rows(pinned, api_client, client_of_user, tenant, policy, user,
                                                        underwriter, outsider_policy, outsider):
    # The lists pinned next to their features count one size; here 3 and 10 rows give the same count, and
    # another insured's rows neither show nor cost a query.
    for _ in range(MANY):
        claim_with_invoices(outsider_policy.tenant, outsider_policy, underwriter, outsider, 1)
    for total, n in ((FEW, FEW), (MANY, MANY - FEW)):
        for _ in range(n):
            claim_with_invoices(tenant, policy, underwriter, user, 2)
        pinned(client_of_user, "/claims/", 11)
        pinned(client_of_user, "/overdues/", 10)
        pinned(api_client, "/api/v1/overdues/", 7)
        assert pinned(api_client, "/api/v1/claims/", 7).json()["count"] == total
