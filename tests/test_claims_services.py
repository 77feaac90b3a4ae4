"""Claims through the services: worked examples 1, 2, 3, 5, 7 and 9, states, roles, documents, liability."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from moneyed import Money

from accounts.roles import CLAIMS_HANDLER
from claims.claims import services as claims
from claims.claims.models import Cause, Claim, ClaimDocument, ClaimTransition, DocumentKind
from claims.overdues import services as overdue_services
from core.exceptions import DomainError
from core.models import Notification
from limits import services as limit_services
from tests.claim_helpers import (
    approve_limit,
    complete_claim,
    file_protracted_default,
    late_payer,
    pdf,
    upload_checklist,
)
from tests.factories import PolicyFactory, UserFactory, eur
from tests.overdue_factories import declare, invoice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


@pytest.fixture
def handler(db):
    return UserFactory(is_staff=True, roles=[CLAIMS_HANDLER])


@pytest.fixture
def buyer(db):
    return late_payer()


def approved(claim, handler, **kwargs):
    return claims.approve_claim(claim=claim, approved_by=handler, **kwargs)


# Worked examples, each from the overdue through the approved claim.

@pytest.mark.parametrize(
    "cover,unpaid,limit,indemnity",
    [
        ("90", 10_000, 50_000, "9000.00"),  # example 1
        ("85", 25_000, 50_000, "21250.00"),  # example 2
        ("90", 120_000, 100_000, "90000.00"),  # example 3: capped at the limit
    ],
)
def test_examples_1_2_3_through_the_services(tenant, finance, handler, underwriter, cover, unpaid, limit, indemnity):
    policy = PolicyFactory(tenant=tenant, percentage_of_cover_commercial=Decimal(cover))
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=limit, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=unpaid)])
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=handler)
    assert claim.calculated_indemnity == Decimal(indemnity)
    claim = approved(claim, handler)
    assert claim.state == Claim.State.APPROVED and claim.approved_indemnity == Decimal(indemnity)


@pytest.mark.parametrize("shipped,covered,indemnity", [(date(2026, 2, 20), "80000", "72000.00"),
                                                       (date(2026, 3, 5), "40000", "36000.00")])
def test_example_5_reduction_applies_to_shipments_from_its_effective_date(
        tenant, policy, buyer, finance, handler, underwriter, shipped, covered, indemnity):
    limit = approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=100_000, underwriter=underwriter)
    limit_services.reduce_limit(limit=limit, decided_by=underwriter, amount=eur(40_000), reason_codes=["buyer_grade"],
                                notified_on=date(2026, 2, 28), effective_date=date(2026, 3, 1))
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer, invoices=[invoice(shipped=shipped, amount=80_000)])
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=handler)
    assert Decimal(claim.calculation["covered_loss"]["amount"]) == Decimal(covered)
    assert claim.calculated_indemnity == Decimal(indemnity)


def test_example_9_buyer_payment_before_the_claim_reduces_the_loss(tenant, policy, buyer, finance, handler,
                                                                   underwriter):
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=10_000)])
    overdue_services.record_payment(overdue=overdue, amount=Decimal(4_000), received_on=date(2026, 5, 1))
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=handler)
    assert claim.calculated_indemnity == Decimal("5400.00")


def test_example_9_recovery_before_payment_recalculates_and_a_full_one_withdraws(
        tenant, policy, buyer, finance, handler, underwriter):
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=10_000)])
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=handler)
    claim = claims.record_recovery_before_payment(claim=claim, amount=eur(4_000))
    assert claim.calculated_indemnity == Decimal("5400.00")
    claim = claims.record_recovery_before_payment(claim=claim, amount=eur(6_000))
    assert claim.state == Claim.State.WITHDRAWN


# Example 7: the filing window of a protracted default, at its boundary days.

@pytest.fixture
def overdue_due_10_january(tenant, buyer, underwriter):
    policy = PolicyFactory(tenant=tenant, start_date=date(2025, 7, 1), end_date=date(2026, 6, 30))
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter,
                  effective=date(2025, 7, 2))
    return declare(tenant=tenant, policy=policy, buyer=buyer, notified_on=date(2026, 2, 1),
                   invoices=[invoice(shipped=date(2025, 11, 11), due=date(2026, 1, 10), amount=10_000)])


@pytest.mark.parametrize("today,error", [(date(2026, 6, 8), "from 2026-06-09"), (date(2026, 6, 9), None),
                                         (date(2026, 9, 7), None), (date(2026, 9, 8), "was 2026-09-07")])
def test_example_7_protracted_default_filing_window(tenant, finance, overdue_due_10_january, today, error):
    file = dict(tenant=tenant, filed_by=finance, overdue=overdue_due_10_january, cause=Cause.PROTRACTED_DEFAULT,
                today=today)
    if error:
        with pytest.raises(DomainError, match=error):
            claims.file_claim(**file)
        assert not Claim.objects.exists()
    else:
        claim = claims.file_claim(**file)
        assert claim.date_of_loss == date(2026, 6, 9)  # the end of the waiting period


def test_insolvency_is_claimed_at_once_with_the_insolvency_date_as_date_of_loss(tenant, finance,
                                                                                 overdue_due_10_january):
    claim = claims.file_claim(tenant=tenant, filed_by=finance, overdue=overdue_due_10_january,
                              cause=Cause.INSOLVENCY, event_date=date(2026, 2, 3), today=date(2026, 2, 5))
    assert claim.date_of_loss == date(2026, 2, 3)
    assert DocumentKind.DECREE in claim.required_documents


def test_insolvency_needs_its_date(tenant, finance, overdue_due_10_january):
    with pytest.raises(DomainError) as err:
        claims.file_claim(tenant=tenant, filed_by=finance, overdue=overdue_due_10_january, cause=Cause.INSOLVENCY,
                          today=date(2026, 2, 5))
    assert err.value.field == "event_date"


def test_submitting_after_the_filing_deadline_is_refused(tenant, finance, overdue_due_10_january):
    claim = claims.file_claim(tenant=tenant, filed_by=finance, overdue=overdue_due_10_january,
                              cause=Cause.PROTRACTED_DEFAULT, today=date(2026, 9, 1))
    with pytest.raises(DomainError, match="last day to file"):
        claims.submit_claim(claim=claim, submitted_by=finance, today=date(2026, 9, 8))
    claim.refresh_from_db()
    assert claim.state == Claim.State.DRAFT and claim.filed_on is None


def test_one_live_claim_per_overdue(tenant, finance, overdue_due_10_january):
    file_protracted_default(tenant=tenant, overdue=overdue_due_10_january, by=finance)
    with pytest.raises(DomainError, match="already open"):
        file_protracted_default(tenant=tenant, overdue=overdue_due_10_january, by=finance)


def test_another_tenants_overdue_cannot_be_claimed(outsider, other_tenant, tenant, overdue_due_10_january):
    with pytest.raises(DomainError, match="Unknown overdue"):
        claims.file_claim(tenant=other_tenant, filed_by=outsider, overdue=overdue_due_10_january,
                          cause=Cause.PROTRACTED_DEFAULT, today=date(2026, 6, 10))


# Documents and the checklist.

@pytest.fixture
def draft(tenant, finance, overdue_due_10_january):
    return file_protracted_default(tenant=tenant, overdue=overdue_due_10_january, by=finance)


@pytest.mark.parametrize(
    "upload,message",
    [
        (SimpleUploadedFile("virus.exe", b"MZ\x90\x00"), "not accepted"),
        (SimpleUploadedFile("fake.pdf", b"MZ\x90\x00 not a pdf"), "not a .pdf file"),
        (SimpleUploadedFile("empty.pdf", b""), "empty"),
    ],
)
def test_wrong_uploads_are_refused_and_nothing_is_stored(draft, finance, upload, message):
    with pytest.raises(DomainError, match=message) as err:
        claims.upload_document(claim=draft, kind=DocumentKind.CONTRACT, uploaded=upload, uploaded_by=finance)
    assert err.value.field == "file"
    assert not ClaimDocument.objects.exists()


def test_too_large_upload_is_refused(draft, finance, settings):
    settings.CLAIM_DOCUMENT_MAX_BYTES = 100
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"x" * 200)
    with pytest.raises(DomainError, match="largest accepted"):
        claims.upload_document(claim=draft, kind=DocumentKind.CONTRACT, uploaded=big, uploaded_by=finance)
    assert not ClaimDocument.objects.exists()


def test_requested_documents_keep_the_file_incomplete_until_uploaded(draft, finance, handler):
    upload_checklist(draft, finance)
    claims.submit_claim(claim=draft, submitted_by=finance, today=draft.date_of_loss)
    claim = claims.request_documents(claim=draft, kinds=[DocumentKind.DEBT_ACKNOWLEDGEMENT],
                                     note="Please send the signed acknowledgement.", requested_by=handler)
    assert claim.state == Claim.State.INCOMPLETE and claim.payment_due_on is None
    assert not claims.checklist_satisfied(claim=claim)
    with pytest.raises(DomainError, match="still missing"):
        claims.confirm_complete(claim=claim, confirmed_by=handler)
    claims.upload_document(claim=claim, kind=DocumentKind.DEBT_ACKNOWLEDGEMENT, uploaded=pdf(), uploaded_by=finance)
    claim.refresh_from_db()
    # The upload that satisfies the checklist completes the file and starts the payment clock (30 days).
    assert claim.state == Claim.State.COMPLETE
    assert (claim.payment_due_on - claim.complete_on).days == 30


def test_submitted_file_with_missing_documents_cannot_be_confirmed(draft, finance, handler):
    claims.upload_document(claim=draft, kind=DocumentKind.CONTRACT, uploaded=pdf(), uploaded_by=finance)
    claims.submit_claim(claim=draft, submitted_by=finance, today=draft.date_of_loss)
    with pytest.raises(DomainError, match="Proof of delivery"):
        claims.confirm_complete(claim=draft, confirmed_by=handler)


# States and roles.

def test_transitions_are_allowed_only_from_the_right_state(draft, handler):
    with pytest.raises(DomainError) as err:
        approved(draft, handler)
    assert err.value.code == "invalid_state"


def test_transitions_are_allowed_only_to_the_right_role(draft, finance, handler):
    upload_checklist(draft, finance)
    with pytest.raises(DomainError) as err:
        claims.submit_claim(claim=draft, submitted_by=handler, today=draft.date_of_loss)
    assert err.value.code == "permission_denied"
    claims.submit_claim(claim=draft, submitted_by=finance, today=draft.date_of_loss)
    claims.confirm_complete(claim=draft, confirmed_by=handler)
    with pytest.raises(DomainError) as err:
        approved(draft, finance)
    assert err.value.code == "permission_denied"
    draft.refresh_from_db()
    assert draft.state == Claim.State.COMPLETE


def test_every_transition_is_in_the_audit_trail_and_the_insured_hears_of_payment(
        tenant, policy, buyer, finance, handler, underwriter, django_capture_on_commit_callbacks):
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=10_000)])
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=handler)
    approved(claim, handler)
    claims.record_claim_payment(claim=claim, amount=eur(9_000), paid_on=date.today(), recorded_by=handler,
                                reference="PAY-1")
    trail = list(ClaimTransition.objects.filter(claim=claim).values_list("source", "target"))
    assert trail == [("", "draft"), ("draft", "submitted"), ("submitted", "complete"), ("complete", "approved"),
                     ("approved", "paid")]
    assert Notification.objects.filter(tenant=tenant, event="claim.paid").count() == 1
    overdue.refresh_from_db()
    assert overdue.state == overdue.State.CLAIMED


def test_payment_must_be_the_approved_amount(tenant, policy, buyer, finance, handler, underwriter):
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=10_000)])
    claim = approved(complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=handler), handler)
    with pytest.raises(DomainError, match="approved indemnity"):
        claims.record_claim_payment(claim=claim, amount=eur(8_000), paid_on=date.today(), recorded_by=handler)
    claim.refresh_from_db()
    assert claim.state == Claim.State.APPROVED and claim.paid_on is None


def test_override_needs_a_reason(tenant, policy, buyer, finance, handler, underwriter):
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=10_000)])
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=handler)
    with pytest.raises(DomainError) as err:
        approved(claim, handler, amount=eur(8_500))
    assert err.value.field == "override_reason"
    claim = approved(claim, handler, amount=eur(8_500), override_reason="Set-off of a credit note agreed.")
    assert claim.approved_indemnity == Decimal("8500.00") and claim.calculated_indemnity == Decimal("9000.00")


def test_maximum_liability_per_period_caps_the_indemnity(tenant, finance, handler, underwriter):
    # Minimum premium 5,000 x 2 = 10,000 of liability for the period.
    policy = PolicyFactory(tenant=tenant, max_liability_multiple=Decimal("2"))
    first, second = late_payer("First SpA"), late_payer("Second SpA")
    for buyer in (first, second):
        approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    claim_1 = complete_claim(tenant=tenant, finance=finance, handler=handler, overdue=declare(
        tenant=tenant, policy=policy, buyer=first, invoices=[invoice(shipped=date(2026, 2, 1), amount=8_000)]))
    approved(claim_1, handler)  # 7,200 used
    claim_2 = complete_claim(tenant=tenant, finance=finance, handler=handler, overdue=declare(
        tenant=tenant, policy=policy, buyer=second, invoices=[invoice(shipped=date(2026, 2, 1), amount=8_000)]))
    assert claim_2.calculated_indemnity == Decimal("2800.00")
    with pytest.raises(DomainError) as err:
        approved(claim_2, handler, amount=eur(7_200), override_reason="ex gratia")
    assert err.value.code == "max_liability"
    assert Money(claim_2.calculated_indemnity, "EUR") == eur(2_800)


def test_rejection_needs_a_reason_the_insured_sees(draft, finance, handler):
    claims.submit_claim(claim=draft, submitted_by=finance, today=draft.date_of_loss)
    with pytest.raises(DomainError):
        claims.reject_claim(claim=draft, reason=" ", rejected_by=handler)
    claim = claims.reject_claim(claim=draft, reason="Goods never delivered.", rejected_by=handler)
    assert claim.state == Claim.State.REJECTED
    # A rejected claim frees the overdue for a new claim.
    file_protracted_default(tenant=claim.tenant, overdue=claim.overdue, by=finance)


def test_the_calculation_shown_is_live_until_decided_then_the_decisions_snapshot(tenant, policy, buyer, finance,
                                                                                  handler, underwriter):
    from claims.claims.calculation import calculation_for_display

    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=10_000)])
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=handler)
    overdue_services.record_payment(overdue=overdue, amount=Decimal(4_000), received_on=date(2026, 5, 1))
    shown, stored = calculation_for_display(claim)
    assert not stored and shown["indemnity"]["amount"] == "5400.00"  # the buyer's payment shows at once
    claim = approved(claim, handler)
    overdue_services.record_payment(overdue=overdue, amount=Decimal(1_000), received_on=date(2026, 5, 2))
    shown, stored = calculation_for_display(claim)
    assert stored and shown["indemnity"]["amount"] == "5400.00"  # what was decided, not a later figure


def test_a_political_claim_is_paid_at_the_political_percentage_less_the_non_qualifying_loss(
        tenant, finance, handler, underwriter):
    # domain.md, Policy terms: cover for political risk has its own percentage; the non-qualifying loss is
    # deducted once per claim.
    policy = PolicyFactory(tenant=tenant, percentage_of_cover_political=Decimal("95"),
                           non_qualifying_loss_amount=Decimal("250"))
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=10_000)])
    # Notified 2 May (due date + 30): not before the notification, whatever the cause.
    with pytest.raises(DomainError, match="the day the overdue was notified"):
        claims.file_claim(tenant=tenant, filed_by=finance, overdue=overdue, cause=Cause.POLITICAL,
                          event_date=date(2026, 4, 1), today=date(2026, 5, 1))
    claim = claims.file_claim(tenant=tenant, filed_by=finance, overdue=overdue, cause=Cause.POLITICAL,
                              event_date=date(2026, 4, 1), today=date(2026, 5, 2))
    assert DocumentKind.OFFICIAL_DOCUMENT in claim.required_documents
    claims.submit_claim(claim=claim, submitted_by=finance, today=date(2026, 5, 2))
    claim.refresh_from_db()
    assert claim.calculated_indemnity == Decimal("9250.00")  # 10,000 x 95% - 250
