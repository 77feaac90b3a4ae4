"""A bank as loss payee (issue 10, item 7): an endorsement assigns the indemnity on one buyer, or on the whole
policy, to the financing bank; the bank is told of limit decisions, overdues and claims on what it finances
(e-mail in its language, webhook at its own receiver), claims paid while it runs are paid to it, and the claim
and the policy show it. The outsider's book never reaches the bank, and the bank's receiver is not the insured's.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_scopes import scopes_disabled
from moneyed import Money

from claims.claims import services as claims
from core.exceptions import DomainError
from core.models import OutboxMessage, WebhookDelivery, WebhookEndpoint
from core.tenancy import tenant_scope
from policies.loss_payees import services
from policies.loss_payees.models import LossPayee, LossPayeeNotice
from policies.loss_payees.receivers import EMAIL_TASK, email_loss_payee_notices, tell_loss_payees
from tests.claim_helpers import approve_limit, complete_claim, late_payer
from tests.overdue_factories import declare, invoice

pytestmark = pytest.mark.django_db

IBAN = "DE89370400440532013000"
OTHER_IBAN = "GB82WEST12345698765432"


def assign(policy, buyer=None, *, bank="Banco Financiador", iban=IBAN, day=date(2026, 1, 1), **extra):
    extra.setdefault("contact_email", "trade.finance@banco.example")
    with scopes_disabled():
        payee = services.assign_loss_payee(policy=policy, buyer=buyer, bank_name=bank, iban=iban, effective_from=day,
                                           reason="Receivables financing agreement 2026-17", made_by=None, **extra)
    policy.tenant.refresh_from_db()  # the flag the receivers read, on the instance the tests hold
    return payee


def notices(**filters):
    with scopes_disabled():
        return list(LossPayeeNotice.objects.filter(**filters).order_by("pk"))


# Assigning


@pytest.mark.parametrize("iban,bic,field", [("DE89370400440532013001", "", "iban"), ("DE89", "", "iban"),
                                            (IBAN, "NOTABIC!", "bic")])
def test_a_mistyped_account_is_refused_on_its_field_and_nothing_is_written(policy, iban, bic, field):
    with pytest.raises(DomainError) as refused:
        assign(policy, iban=iban, bic=bic)
    assert refused.value.field == field
    with scopes_disabled():
        assert not LossPayee.objects.exists()
    policy.tenant.refresh_from_db()
    assert policy.tenant.has_loss_payees is False


def test_an_assignment_takes_effect_within_the_period_and_one_runs_at_a_time(policy):
    with pytest.raises(DomainError) as refused:
        assign(policy, day=date(2025, 12, 31))
    assert refused.value.field == "effective_from"
    first = assign(policy, iban=" de89 3704 0044 0532 0130 00 ")  # typed with spaces, stored compact
    assert first.iban == IBAN
    with pytest.raises(DomainError) as clash:
        assign(policy, bank="Another Bank", iban=OTHER_IBAN, day=date(2026, 3, 1))
    assert clash.value.code == "loss_payee_exists"
    # The database keeps one running assignment per scope, whatever the path.
    with scopes_disabled(), pytest.raises(IntegrityError), transaction.atomic():
        LossPayee.objects.create(tenant=policy.tenant, policy=policy, bank_name="Other", iban=OTHER_IBAN,
                                 contact_email="x@bank.example", effective_from=date(2026, 5, 1), reason="r")


def test_a_released_assignment_makes_room_for_the_next(policy):
    first = assign(policy)
    with scopes_disabled():
        services.release_loss_payee(payee=first, ended_on=date(2026, 2, 28), reason="Facility repaid", made_by=None)
        with pytest.raises(DomainError):
            services.release_loss_payee(payee=first, ended_on=date(2026, 3, 1), reason="again", made_by=None)
    with pytest.raises(DomainError):  # overlaps the released one's last day
        assign(policy, bank="Next Bank", iban=OTHER_IBAN, day=date(2026, 2, 28))
    assert assign(policy, bank="Next Bank", iban=OTHER_IBAN, day=date(2026, 3, 1)).bank_name == "Next Bank"


# Telling the bank


def test_the_bank_is_told_of_decisions_on_what_it_finances_by_email_in_its_language_and_webhook(
        tenant, policy, underwriter, other_tenant, outsider_policy, mailoutbox, today):
    today(date(2026, 1, 2))
    financed, other = late_payer("Financed SpA"), late_payer("Unfinanced SpA")
    payee = assign(policy, financed, language="es", webhook_url="https://bank.example/kredo")
    with scopes_disabled():
        own = WebhookEndpoint.objects.create(tenant=tenant, url="https://erp.example/kredo", events=["limit.decided"])
    approve_limit(tenant=tenant, policy=policy, buyer=financed, amount=30_000, underwriter=underwriter)
    approve_limit(tenant=tenant, policy=policy, buyer=other, amount=30_000, underwriter=underwriter)
    approve_limit(tenant=other_tenant, policy=outsider_policy, buyer=financed, amount=30_000, underwriter=underwriter)

    (notice,) = notices(payee=payee)
    assert notice.event == "limit.decided" and notice.params["buyer"] == "Financed SpA"
    with scopes_disabled():
        to_bank = list(WebhookDelivery.objects.filter(endpoint=payee.webhook_endpoint))
        to_insured = WebhookDelivery.objects.filter(endpoint=own)
        assert [d.payload["buyer"]["legal_name"] for d in to_bank] == ["Financed SpA"]
        # The insured's own receiver still hears of both limits; the bank's only of the one it finances.
        assert to_insured.count() == 2
        assert OutboxMessage.objects.filter(task_name=EMAIL_TASK, payload={"notice_ids": [notice.pk]}).exists()
    with scopes_disabled():  # as the outbox worker runs it
        email_loss_payee_notices(notice_ids=[notice.pk])
        email_loss_payee_notices(notice_ids=[notice.pk])  # a message delivered twice sends once
    (mail,) = mailoutbox
    assert mail.to == ["trade.finance@banco.example"]
    assert "Financed SpA" in mail.subject and "póliza KR-TEST-001" in mail.subject and "Iberia Export" in mail.subject


def test_a_buyers_own_bank_comes_before_the_policys(tenant, policy, underwriter, today):
    today(date(2026, 1, 2))
    financed, other = late_payer("Financed SpA"), late_payer("Other SpA")
    whole = assign(policy, bank="Policy Bank")
    own = assign(policy, financed, bank="Buyer Bank", iban=OTHER_IBAN)
    approve_limit(tenant=tenant, policy=policy, buyer=financed, amount=30_000, underwriter=underwriter)
    approve_limit(tenant=tenant, policy=policy, buyer=other, amount=30_000, underwriter=underwriter)
    assert [n.params["buyer"] for n in notices(payee=own)] == ["Financed SpA"]
    assert [n.params["buyer"] for n in notices(payee=whole)] == ["Other SpA"]


def test_before_it_takes_effect_and_after_its_release_the_bank_hears_nothing(tenant, policy, underwriter, today):
    payee = assign(policy, late_payer("Financed SpA"), day=date(2026, 3, 1))
    with scopes_disabled():
        buyer = payee.buyer
    today(date(2026, 2, 28))
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=30_000, underwriter=underwriter,
                  effective=date(2026, 2, 28))
    assert notices(payee=payee) == []


def test_a_tenant_without_a_loss_payee_pays_no_query_for_the_banks(tenant, django_assert_num_queries):
    assert tenant.has_loss_payees is False
    with django_assert_num_queries(0):
        tell_loss_payees(WebhookEndpoint, tenant=tenant, event="limit.decided",
                         items=[("e1", {"policy": "KR-TEST-001", "buyer": {"id": 1}})])


def test_the_banks_receiver_is_not_the_insureds_to_manage(tenant, policy, api_client):
    payee = assign(policy, webhook_url="https://bank.example/kredo")
    body = api_client.get("/api/v1/webhooks/endpoints/").json()
    assert payee.webhook_endpoint_id not in [e["id"] for e in body["results"]]
    assert api_client.get(f"/api/v1/webhooks/endpoints/{payee.webhook_endpoint_id}/").status_code == 404


# Paying the bank, and showing it


def _paid_claim(tenant, policy, buyer, finance, handler, underwriter, paid_on):
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=10_000)])
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=handler)
    with scopes_disabled():
        claim = claims.approve_claim(claim=claim, approved_by=handler)
        return claims.record_claim_payment(claim=claim, amount=Money(claim.approved_indemnity, claim.currency),
                                           paid_on=paid_on, recorded_by=handler)


def test_a_claim_paid_while_the_assignment_runs_is_paid_to_the_bank_and_says_so(
        tenant, policy, finance, claims_handler, underwriter, api_client, api_client_of_outsider, client_of_user):
    buyer = late_payer("Financed SpA")
    payee = assign(policy, buyer)
    claim = _paid_claim(tenant, policy, buyer, finance, claims_handler, underwriter, paid_on=timezone.localdate())
    assert claim.paid_to == payee and claim.paid_amount == Decimal("9000.00")

    body = api_client.get(f"/api/v1/claims/{claim.pk}/").json()
    assert body["paid_to"] == {"bank_name": "Banco Financiador", "iban": IBAN, "bic": ""}
    assert "Banco Financiador, loss payee (DE89370400440532013000)" in client_of_user.get(
        f"/claims/{claim.pk}/").content.decode()
    policy_body = api_client.get(f"/api/v1/policies/{policy.pk}/").json()
    assert [(p["bank_name"], p["buyer_id"], p["ended_on"]) for p in policy_body["loss_payees"]] == [
        ("Banco Financiador", buyer.pk, None)]
    assert "Banco Financiador" in client_of_user.get(f"/policies/{policy.pk}/").content.decode()
    # The policy statement too, page and CSV.
    statement = client_of_user.get(f"/recoveries/policies/{policy.pk}/").content.decode()
    assert f"paid to Banco Financiador ({IBAN}), loss payee" in statement
    csv_text = client_of_user.get(f"/recoveries/policies/{policy.pk}/statement.csv").content.decode()
    assert f"Financed SpA paid to Banco Financiador ({IBAN})" in csv_text
    assert api_client_of_outsider.get(f"/api/v1/claims/{claim.pk}/").status_code == 404
    assert api_client_of_outsider.get(f"/api/v1/policies/{policy.pk}/").status_code == 404


def test_a_claim_paid_after_the_release_is_paid_to_the_insured(tenant, policy, finance, claims_handler, underwriter,
                                                               api_client):
    buyer = late_payer("Financed SpA")
    payee = assign(policy, buyer)
    with scopes_disabled():
        services.release_loss_payee(payee=payee, ended_on=date(2026, 5, 31), reason="Facility repaid", made_by=None)
    claim = _paid_claim(tenant, policy, buyer, finance, claims_handler, underwriter, paid_on=timezone.localdate())
    assert claim.paid_to is None
    assert api_client.get(f"/api/v1/claims/{claim.pk}/").json()["paid_to"] is None


# The admin


def test_an_underwriter_assigns_in_the_admin_and_a_bad_iban_is_a_form_error(client_of_underwriter, policy, tenant):
    form = {"policy": policy.pk, "bank_name": "Banco Financiador", "iban": "DE00 0000", "contact_email": "a@b.example",
            "language": "es", "effective_from": "2026-01-01", "reason": "Financing 17"}
    refused = client_of_underwriter.post("/admin/policies/losspayee/add/", form)
    assert refused.status_code == 400 and "This is not a valid IBAN" in refused.content.decode()
    with scopes_disabled():
        assert not LossPayee.objects.exists()
    done = client_of_underwriter.post("/admin/policies/losspayee/add/", {**form, "iban": IBAN})
    with scopes_disabled():
        payee = LossPayee.objects.get()
    assert done.status_code == 302 and payee.language == "es"
    released = client_of_underwriter.post(f"/admin/policies/losspayee/{payee.pk}/release/",
                                          {"ended_on": "2026-06-30", "reason": "Repaid"})
    payee.refresh_from_db()
    assert released.status_code == 302 and payee.ended_on == date(2026, 6, 30)
    with tenant_scope(tenant):
        assert tenant.has_loss_payees is False  # the fixture's instance; the database says:
    tenant.refresh_from_db()
    assert tenant.has_loss_payees is True


def test_a_claims_handler_sees_but_does_not_assign(client, claims_handler, policy):
    from tests.factories import logged_in

    handler = logged_in(claims_handler)
    assert handler.get("/admin/policies/losspayee/").status_code == 200
    assert handler.get("/admin/policies/losspayee/add/").status_code == 403
