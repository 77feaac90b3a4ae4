"""manage.py generate_load at a small size on the test database: the rows are what the services would have
written (the selectors, cover in force and the claim calculation work on them, each insured sees only its
own), and a seed always gives the same data."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from accounts.models import Tenant
from buyers.models import Buyer
from buyers.selectors import search_buyers
from claims.claims.calculation import calculate_claim
from claims.claims.models import Claim, ClaimTransition
from claims.overdues.models import Invoice, Overdue
from core.tenancy import tenant_scope
from limits.exposure import BUYER, tenant_exposure
from limits.models import CoverStop, CreditLimit, LimitDecision
from limits.selectors import cover_in_force, limits_for_tenant, search_limits
from portal.loadgen import LoadSizes, generate
from portal.loadgen.batch import Progress

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
SIZES = LoadSizes(buyers=300, limits=400, overdues=60, invoices=150, claims=25, tenants=2)
TODAY = date(2026, 6, 15)


@pytest.fixture
def load():
    return generate(sizes=SIZES, seed=7, today=TODAY, progress=Progress(quiet=True))


def test_the_sizes_asked_for_are_generated(load):
    large, outsider = load.tenant_ids
    assert Buyer.objects.count() == 300
    assert CreditLimit.objects.filter(tenant_id=large).count() == 400
    assert CreditLimit.objects.filter(tenant_id=outsider).count() == 20  # a twentieth of the large insured's
    assert Overdue.objects.count() == 60 and Invoice.objects.count() == 150 and Claim.objects.count() == 25
    assert CoverStop.objects.count() == 60


def test_buyers_are_found_by_name_and_identifier_as_users_search(load):
    buyer = Buyer.objects.filter(status=Buyer.Status.CONFIRMED).order_by("pk")[5]
    tenant = Tenant.objects.get(pk=load.large_tenant_id)
    first_word = buyer.legal_name.split()[0]
    assert buyer in search_buyers(tenant=tenant, query=f"{first_word.upper()} {buyer.legal_name.split()[2]}")
    assert list(search_buyers(tenant=tenant, query=buyer.registration_number.lower())) == [buyer]


def test_each_insured_sees_its_own_limits_only(load):
    large, outsider = (Tenant.objects.get(pk=pk) for pk in load.tenant_ids)
    limit = CreditLimit.objects.filter(tenant=outsider, state="in_force").select_related("buyer").first()
    with tenant_scope(large):
        assert limits_for_tenant(tenant=large).count() == 400
        assert limit not in search_limits(tenant=large, q=limit.buyer.registration_number)
        rows = tenant_exposure(tenant=large, by=BUYER)
    with tenant_scope(outsider):
        assert limit in search_limits(tenant=outsider, q=limit.buyer.registration_number)
    in_force = CreditLimit.objects.filter(tenant=large, state="in_force")
    assert sum(r.limits for r in rows) == in_force.count()


def test_limits_carry_the_decisions_of_their_state(load):
    for limit in CreditLimit.objects.filter(state="in_force")[:50]:
        granted = limit.decisions.filter(kind__in=["approved", "partially_approved"]).get()
        assert granted.amount == limit.decided_amount and limit.decided_at is not None
    for limit in CreditLimit.objects.filter(state__in=["expired", "withdrawn"]):
        assert limit.decisions.order_by("effective_date", "pk").last().kind == limit.state
    assert not LimitDecision.objects.filter(limit__state="pending").exclude(kind="referred").exists()


def test_an_overdue_stops_cover_from_its_stop_date_and_covered_its_invoices_before(load):
    overdue = Overdue.objects.filter(claims__state="paid").select_related("policy", "buyer").first()
    stop = CoverStop.objects.get(pk=overdue.cover_stop_id)
    assert cover_in_force(policy=overdue.policy, buyer=overdue.buyer, on=stop.stopped_from).stopped
    invoice = overdue.invoices.order_by("shipment_date").first()
    cover = cover_in_force(policy=overdue.policy, buyer=overdue.buyer, on=invoice.shipment_date)
    assert not cover.stopped and cover.amount.amount > 0


def test_claims_went_through_their_states_and_their_indemnity_recalculates(load):
    claims = Claim.objects.exclude(state="draft").select_related("policy")
    assert {"submitted", "complete", "approved", "paid"} <= {c.state for c in claims}
    for claim in claims:
        trail = list(ClaimTransition.objects.filter(claim=claim).order_by("pk").values_list("target", flat=True))
        assert trail[0] == "draft" and trail[-1] == claim.state
        if claim.state == "paid":
            assert claim.paid_amount == claim.approved_indemnity == claim.calculated_indemnity
            assert claim.overdue.state == Overdue.State.CLAIMED
        if claim.state in ("submitted", "incomplete", "complete"):  # nothing approved after them changes it
            assert calculate_claim(claim=claim).indemnity.amount == claim.calculated_indemnity
    assert any(c.calculated_indemnity > 0 for c in claims)


def _snapshot():
    buyers = list(Buyer.objects.order_by("registration_number").values_list(
        "legal_name", "country", "registration_number", "vat_number", "grade", "status", "search_text"))
    limits = list(CreditLimit.objects.order_by("tenant__registration_number", "policy__number", "buyer__registration_number",
                                               "created_at").values_list(
        "policy__number", "buyer__registration_number", "state", "requested_amount", "decided_amount", "reference",
        "created_at", "review_date", "expiry_date"))
    invoices = list(Invoice.objects.order_by("number").values_list("number", "due_date", "amount", "outstanding"))
    claims = list(Claim.objects.order_by("reference").values_list("reference", "state", "cause", "calculated_indemnity"))
    return buyers, limits, invoices, claims


class _Undo(Exception):
    pass


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    snapshots = []
    for seed in (7, 7, 8):
        try:
            with transaction.atomic():
                generate(sizes=SIZES, seed=seed, today=TODAY, progress=Progress(quiet=True))
                snapshots.append(_snapshot())
                raise _Undo
        except _Undo:
            pass
    assert snapshots[0] == snapshots[1]
    assert snapshots[0][1] != snapshots[2][1]


def test_the_command_reports_and_refuses_to_generate_a_seed_twice(capsys):
    args = ["--buyers", "40", "--limits", "30", "--overdues", "5", "--invoices", "8", "--claims", "2", "--seed", "3"]
    call_command("generate_load", *args)
    out = capsys.readouterr().out
    assert "generated 40 buyers, 32 limits, 5 overdues, 8 invoices, 2 claims" in out
    with pytest.raises(CommandError, match="already in this database"):
        call_command("generate_load", *args)
    with pytest.raises(CommandError, match="cannot be negative"):
        call_command("generate_load", "--buyers", "-1")


def test_generated_dates_follow_the_policys_deadlines(load):
    """The generator takes its dates from policies.deadlines, as the services do: a cover stop starts on the
    notification day or the day after the maximum extension period, whichever is earlier; late notification and
    the claim's payment due date by the policy's terms."""
    from policies.deadlines import claim_payment_due, invoice_deadlines

    overdues = Overdue.objects.select_related("policy").prefetch_related("invoices")
    assert overdues.exists()
    for overdue in overdues:
        terms = overdue.policy.terms_on(overdue.policy.start_date)
        oldest = min(invoice.due_date for invoice in overdue.invoices.all())
        stop = CoverStop.objects.get(pk=overdue.cover_stop_id)
        assert stop.stopped_from == invoice_deadlines(terms=terms, due_date=oldest).cover_stops_from(overdue.notified_on)
        for invoice in overdue.invoices.all():
            deadlines = invoice_deadlines(terms=terms, due_date=invoice.due_date)
            assert invoice.notified_late == deadlines.notified_late(overdue.notified_on)
    for claim in Claim.objects.filter(complete_on__isnull=False).select_related("policy"):
        assert claim.payment_due_on == claim_payment_due(terms=claim.policy.terms_on(claim.policy.start_date),
                                                         file_complete_on=claim.complete_on)
