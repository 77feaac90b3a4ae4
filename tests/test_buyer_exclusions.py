"""Excluded kinds of buyer (issue 10, item 8): besides excluded countries, a policy excludes companies related to
the insured, private individuals and public buyers unless its terms cover them. Checked when a limit is requested
(the form, the API, a CSV import) and when a claim is calculated, each on the terms of the day it names, with a
clear message. A relation is one insured's: the outsider selling to the same buyer is not excluded.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from django_scopes import scopes_disabled
from moneyed import Money

from buyers.models import Buyer, InsuredRelation
from claims.claims.calculation import calculate_claim
from claims.claims.models import Claim
from core.exceptions import DomainError
from core.tenancy import tenant_scope
from limits import services as limit_services
from limits.models import CreditLimit
from policies.endorsements import endorse_policy
from policies.models import Policy
from tests.claim_helpers import approve_limit, file_protracted_default, late_payer
from tests.factories import api_error
from tests.overdue_factories import declare, invoice

pytestmark = pytest.mark.django_db

JUNE_30, JULY_1 = date(2026, 6, 30), date(2026, 7, 1)


def request(tenant, policy, buyer, *, on=JUNE_30, amount=10_000):
    with tenant_scope(tenant):
        return limit_services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                            amount=Money(amount, policy.currency), terms_days=60, today=on)


def endorse(policy, day=JULY_1, **changes):
    with scopes_disabled():
        endorse_policy(policy=policy, effective_from=day, reason="Cover extended", made_by=None, **changes)
        return Policy.objects.get(pk=policy.pk)


@pytest.mark.parametrize("kind,message", [
    (Buyer.Kind.PRIVATE_INDIVIDUAL, "is a private individual: policy KR-TEST-001 does not cover private individuals."),
    (Buyer.Kind.PUBLIC_BODY, "is a public buyer: policy KR-TEST-001 does not cover public buyers."),
])
def test_a_limit_on_an_excluded_kind_of_buyer_is_refused_with_the_reason(tenant, policy, kind, message):
    buyer = late_payer(grade=2)
    Buyer.objects.filter(pk=buyer.pk).update(kind=kind)
    buyer.refresh_from_db()
    with pytest.raises(DomainError) as refused:
        request(tenant, policy, buyer)
    assert (refused.value.field, refused.value.code) == ("buyer", "buyer_excluded")
    assert refused.value.message == f"Late Payer S.p.A. {message}"
    with scopes_disabled():
        assert not CreditLimit.objects.filter(buyer=buyer).exists()


def test_the_exclusion_is_the_terms_of_the_request_day(tenant, policy):
    buyer = late_payer(grade=2)
    Buyer.objects.filter(pk=buyer.pk).update(kind=Buyer.Kind.PRIVATE_INDIVIDUAL)
    buyer.refresh_from_db()
    policy = endorse(policy, covers_private_individuals=True)
    with pytest.raises(DomainError):
        request(tenant, policy, buyer, on=JUNE_30)
    assert request(tenant, policy, buyer, on=JULY_1).limit.pk


def test_a_buyer_related_to_the_insured_is_excluded_for_it_alone(tenant, policy, other_tenant, outsider_policy):
    group_company = late_payer("Iberia Export Portugal Lda", "PT", grade=2)
    with scopes_disabled():
        InsuredRelation.objects.create(tenant=tenant, buyer=group_company, note="a subsidiary")
    with pytest.raises(DomainError) as refused:
        request(tenant, policy, group_company)
    assert "is related to you: policy KR-TEST-001 does not cover sales to companies of your own group." in \
        refused.value.message
    # The same buyer is an ordinary buyer of another insured.
    assert request(other_tenant, outsider_policy, group_company).limit.tenant_id == other_tenant.pk
    # Terms that cover related companies let the insured's own request through.
    policy = endorse(policy, covers_related_companies=True)
    assert request(tenant, policy, group_company, on=JULY_1).limit.pk


def test_the_api_answers_the_exclusion_on_the_buyer_in_the_readers_language(api_client, policy, today):
    today(JUNE_30)
    buyer = late_payer(grade=2)
    Buyer.objects.filter(pk=buyer.pk).update(kind=Buyer.Kind.PUBLIC_BODY)
    response = api_client.post("/api/v1/limits/", {"policy": policy.pk, "buyer": buyer.pk, "terms_days": 60,
                                                   "amount": {"amount": "10000.00", "currency": "EUR"}},
                               format="json", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    status, errors = api_error(response)
    assert list(errors) == ["/buyer"] and "póliza KR-TEST-001" in errors["/buyer"][0]


def test_a_csv_row_on_an_excluded_buyer_is_a_row_error(tenant, policy, user, today):
    from limits.bulk.resolve import resolve_rows

    today(JUNE_30)
    buyer = late_payer(grade=2)
    Buyer.objects.filter(pk=buyer.pk).update(kind=Buyer.Kind.PRIVATE_INDIVIDUAL)
    row = {"policy_number": policy.number, "buyer_country": "IT", "buyer_registration_number":
           buyer.registration_number, "amount": "10000.00", "currency": "EUR", "terms_days": "60", "reference": "X-1"}
    with tenant_scope(tenant):
        preview = resolve_rows(tenant=tenant, rows={2: row}, today=JUNE_30)
    (error,) = preview.rows[0].errors
    assert error.column == "buyer_country" and "private individual" in error.message


def test_a_claim_pays_nothing_on_shipments_while_the_buyers_kind_was_excluded(tenant, policy, underwriter):
    """Limit approved while the buyer was taken for a company; identified as a private individual later. The terms
    cover private individuals from 1 July: the 30 June shipment is excluded, the 1 July one covered."""
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    Buyer.objects.filter(pk=buyer.pk).update(kind=Buyer.Kind.PRIVATE_INDIVIDUAL)
    policy = endorse(policy, covers_private_individuals=True)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice("F-JUNE", shipped=JUNE_30, amount=10_000),
                                invoice("F-JULY", shipped=JULY_1, amount=10_000)])
    claim = file_protracted_default(tenant=tenant, overdue=overdue, by=None)
    with scopes_disabled():
        calculation = calculate_claim(claim=Claim.objects.select_related("policy", "buyer").get(pk=claim.pk))
    june, july = calculation.lines
    assert (june.invoice, june.covered.amount, june.indemnity.amount) == ("F-JUNE", 0, 0)
    assert (july.invoice, july.covered.amount, july.indemnity.amount) == ("F-JULY", Decimal("10000"),
                                                                         Decimal("9000"))
    assert [note.render() for note in june.notes] == ["a private individual: not covered by the policy"]
    with translation.override("zh-hans"):
        assert june.notes[0].render() != "a private individual: not covered by the policy"
    assert calculation.indemnity == Money(9000, "EUR")
