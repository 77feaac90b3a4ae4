"""A claim's indemnity from the database: gathers the inputs of the pure
`claims.claims.indemnity.calculate_indemnity` (invoices, cover per shipment date,
terms, recoveries before payment, liability already used) and nothing else.

Which terms: each invoice's cover, political percentage and maximum credit period are the terms' on its shipment
date; the non-qualifying loss, the maximum liability and the aggregate first loss are the terms' on the claim's date
of loss, the day the loss is fixed (domain.md, Claims), so an endorsement after a shipment never changes how it is
covered (example 14) and the per-claim amounts are those in force when the loss arose.
"""

from dataclasses import asdict, replace
from datetime import date
from decimal import Decimal

from django.db.models import Min, OuterRef, Subquery, Sum
from moneyed import Money

from buyers.relations import related_buyer_ids
from claims.claims.indemnity import CoverOnDate, IndemnityCalculation, InvoiceInput, calculate_indemnity
from claims.claims.models import Cause, Claim
from claims.overdues.models import Invoice
from core.messages import render_message
from limits.selectors import CoverTimeline
from policies.periods.selectors import PeriodSpan, period_on, periods_in_order
from policies.premium.liability import maximum_liability


def claims_of_period(*, policy, period: PeriodSpan | None):
    """The policy's claims counted in `period`: those whose oldest invoice was shipped in it (the shipment names
    the period, as it names the terms: README, domain rules), so a claim filed after its period ended (run-off)
    still counts in that period. A policy of one period counts every claim, as before periods existed."""
    qs = Claim.objects.filter(policy=policy)
    if period is None or len(periods_in_order(policy)) <= 1:
        return qs
    oldest = Invoice.objects.filter(overdue_id=OuterRef("overdue_id")).order_by("shipment_date").values(
        "shipment_date")[:1]
    return qs.annotate(first_shipped=Subquery(oldest)).filter(first_shipped__gte=period.start,
                                                             first_shipped__lte=period.end)


def claim_period(claim: Claim, *, first_shipped: date | None = None) -> PeriodSpan:
    """The period a claim counts in: its oldest invoice's shipment date's (the date of loss when it lists none)."""
    if first_shipped is None:
        first_shipped = (Invoice.objects.filter(overdue_id=claim.overdue_id).aggregate(day=Min("shipment_date"))["day"]
                         or claim.date_of_loss)
    return period_on(claim.policy, first_shipped)


def liability_used(*, policy, period: PeriodSpan | None = None, excluding_claim_id: int | None = None) -> Money:
    """Indemnities approved or paid in the period (the claim being decided left out): each period has its own
    maximum liability (domain.md, example 15: claims paid in 2026 do not use up 2027's)."""
    qs = claims_of_period(policy=policy, period=period).filter(state__in=Claim.LIABILITY_STATES)
    if excluding_claim_id is not None:
        qs = qs.exclude(pk=excluding_claim_id)
    total = qs.aggregate(total=Sum("approved_indemnity"))["total"] or Decimal(0)
    return Money(total, policy.currency)


def remaining_liability(*, policy, on: date | None = None, excluding_claim_id: int | None = None,
                        period: PeriodSpan | None = None) -> Money:
    """`on`: the claim's date of loss, whose liability multiple applies (clamped into `period`, the claim's)."""
    if period is not None and on is not None:
        on = min(max(on, period.start), period.end)
    remaining = (maximum_liability(policy=policy, on=on)
                 - liability_used(policy=policy, period=period, excluding_claim_id=excluding_claim_id))
    return remaining if remaining.amount > 0 else Money(0, policy.currency)


def first_loss_to_bear(*, policy, on: date, excluding_claim_id: int | None = None,
                       period: PeriodSpan | None = None) -> Money:
    """What is left of the period's aggregate first loss (domain.md, example 16): the term on `on` (the date of
    loss, clamped into the claim's period) less what the period's claims approved or paid before bore, in the order
    they were approved. The next period starts again at the full amount."""
    period = period or period_on(policy, on)
    on = min(max(on, period.start), period.end)
    amount = policy.terms_on(on).aggregate_first_loss
    if not amount.amount:
        return amount
    qs = claims_of_period(policy=policy, period=period).filter(state__in=Claim.LIABILITY_STATES)
    if excluding_claim_id is not None:
        qs = qs.exclude(pk=excluding_claim_id)
    borne = qs.aggregate(total=Sum("first_loss_borne"))["total"] or Decimal(0)
    left = amount.amount - borne
    return Money(left if left > 0 else Decimal(0), policy.currency)


def calculate_claim(*, claim: Claim) -> IndemnityCalculation:
    policy = claim.policy
    currency = policy.currency
    # The overdue's invoices as loaded (claim_detail prefetches them: no second query on a claim's page).
    invoices = sorted(claim.overdue.invoices.all(), key=lambda inv: (inv.shipment_date, inv.pk))
    period = claim_period(claim, first_shipped=invoices[0].shipment_date if invoices else claim.date_of_loss)
    # A claim on a shipment of an earlier period (run-off) is paid on that period's terms.
    loss_day = min(claim.date_of_loss, period.end)
    loss_terms = policy.terms_on(loss_day)
    inputs = [
        InvoiceInput(
            number=inv.number, invoice_date=inv.invoice_date, shipment_date=inv.shipment_date, due_date=inv.due_date,
            outstanding=Money(inv.outstanding, currency), notified_late=inv.notified_late,
            lateness_waived=inv.lateness_waived,
        )
        for inv in invoices
    ]
    timeline = CoverTimeline(policy=policy, buyer_id=claim.buyer_id)
    political = claim.cause == Cause.POLITICAL
    # Excluded kinds of buyer (issue 10, item 8), on the terms of each shipment date, like the rest of cover.
    related = bool(related_buyer_ids(tenant_id=claim.tenant_id, buyer_ids=[claim.buyer_id]))

    def cover_on(shipment_date: date) -> CoverOnDate:
        cover = timeline.on(shipment_date)
        shipment_terms = policy.terms_on(shipment_date)
        pct = cover.percentage_of_cover
        if political and cover.amount.amount > 0 and not cover.is_discretionary:
            pct = shipment_terms.percentage_of_cover(political=True)
        excluded = shipment_terms.buyer_exclusion(kind=claim.buyer.kind, related=related)
        if excluded:
            return CoverOnDate(amount=Money(0, currency), percentage_of_cover=Decimal(0), excluded=excluded,
                               max_credit_period_days=shipment_terms.max_credit_period_days)
        return CoverOnDate(amount=cover.amount, percentage_of_cover=pct,
                           max_credit_period_days=shipment_terms.max_credit_period_days)

    return calculate_indemnity(
        invoices=inputs,
        cover_on=cover_on,
        max_credit_period_days=loss_terms.max_credit_period_days,
        non_qualifying_loss=loss_terms.non_qualifying_loss,
        recoveries_before_payment=Money(claim.recovered_before_payment, currency),
        remaining_liability=remaining_liability(policy=policy, on=loss_day, excluding_claim_id=claim.pk,
                                                period=period),
        first_loss_to_bear=first_loss_to_bear(policy=policy, on=loss_day, excluding_claim_id=claim.pk, period=period),
    )


def calculation_as_json(calculation: IndemnityCalculation) -> dict:
    """A snapshot stored on the claim at approval, so later changes don't rewrite what was decided.

    Amounts exact as calculated (Decimal strings), dates ISO, notes and explanation as {"code", "params"}
    (claims/notices.py): `in_words` renders them in the reader's language when shown.
    """

    def plain(value):
        if isinstance(value, Money):
            return {"amount": format(value.amount, "f"), "currency": str(value.currency)}
        if isinstance(value, Decimal):
            return format(value, "f")
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    data = asdict(replace(calculation))
    return plain(data)


def calculation_for_display(claim: Claim) -> tuple[dict, bool]:
    """(calculation as JSON, is it the stored snapshot): the one rule every screen and the API follow.

    Once a claim is approved or paid, the snapshot stored with the decision is what was decided; before
    that, the calculation is made now from the file, so a payment, a waiver or a recovery shows at once.
    """
    if claim.state in Claim.LIABILITY_STATES and claim.calculation:
        return in_words(claim.calculation), True
    return in_words(calculation_as_json(calculate_claim(claim=claim))), False


def _words(note) -> str:
    if isinstance(note, dict) and "code" in note:
        return render_message(note["code"], note.get("params", {}))
    # A snapshot stored before notes had codes: its text as written then (English).
    return str(note)


def in_words(calculation: dict) -> dict:
    """The stored calculation with its notes and explanation in the active language (page, admin, API)."""
    return {
        **calculation,
        "lines": [{**line, "notes": [_words(note) for note in line.get("notes", [])]}
                  for line in calculation.get("lines", [])],
        "explanation": [_words(step) for step in calculation.get("explanation", [])],
    }
