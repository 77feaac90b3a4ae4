"""Generated overdues on limits in force: their invoices (deadlines counted as policies.deadlines does)
and the cover stop each notification starts (limits.services.stop_cover)."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from claims.overdues.models import Invoice, Overdue
from limits.models import CoverStop
from policies.deadlines import InvoiceDeadlines, invoice_deadlines
from policies.models import TermsVersion
from policies.terms import PolicyTerms
from portal.loadgen.batch import insert

# Every generated policy has the default terms (policies.models); its deadlines come from the one place that
# computes deadlines, as the services' do, so the generated book obeys the same dates.
TERMS = PolicyTerms.from_version(TermsVersion(effective_from=date.min), currency="EUR")


def deadlines(due: date) -> InvoiceDeadlines:
    return invoice_deadlines(terms=TERMS, due_date=due)


@dataclass
class OverduePlan:
    overdue: Overdue
    invoices: list[Invoice]
    stop: CoverStop
    oldest_due: date
    claim_cause: str = ""  # "" when no claim is generated on it
    extra: dict = field(default_factory=dict)


def _invoices(fake, overdue: Overdue, *, count: int, oldest_due: date, terms_days: int, cap: Decimal) -> list[Invoice]:
    rows = []
    for k in range(count):
        due = min(oldest_due + timedelta(days=k * fake.rng.randrange(0, 15)), overdue.notified_on)
        shipped = due - timedelta(days=terms_days)
        amount = min(cap, Decimal(fake.rng.randrange(1_000, 60_000)))
        # Part-payments before notification leave some invoices partly outstanding.
        outstanding = amount if not fake.chance(0.1) else (amount / 2).quantize(Decimal("0.01"))
        rows.append(Invoice(
            tenant_id=overdue.tenant_id, number=f"INV-{overdue.reference}-{k + 1}", invoice_date=shipped,
            shipment_date=shipped, due_date=due, amount=amount, outstanding=outstanding, currency=overdue.currency,
            notified_late=deadlines(due).notified_late(overdue.notified_on),
        ))
    return rows


def plan_overdues(*, fake, limit_plans, count: int, invoices: int, claims: int, reference_prefix: str) -> list[OverduePlan]:
    """`count` open overdues on distinct limits in force, `invoices` invoices among them (at least one each).

    The `claims` limits decided earliest get overdues old enough to claim on: their oldest invoice fell due
    160-235 days ago, between the end of the waiting period (150 days) and the filing deadline (240).
    """
    in_force = sorted((p for p in limit_plans if p.limit.state == "in_force"), key=lambda p: p.limit.decided_at)
    count = min(count, len(in_force))
    claims = min(claims, count)
    chosen = in_force[:claims] + fake.rng.sample(in_force[claims:], count - claims)
    extra_invoices = [0] * count
    for _ in range(max(0, invoices - count)):
        extra_invoices[fake.rng.randrange(count)] += 1
    today = fake.today
    plans = []
    for i, limit_plan in enumerate(chosen):
        limit = limit_plan.limit
        covered_from = limit.decided_at.date() + timedelta(days=limit.requested_terms_days + 1)
        if i < claims:
            oldest_due = min(max(covered_from, today - timedelta(days=235)), today - timedelta(days=160))
        else:
            oldest_due = min(covered_from + timedelta(days=fake.rng.randrange(0, 120)), today - timedelta(days=10))
        late = fake.chance(0.03)
        notify_after = fake.rng.randrange(61, 90) if late else fake.rng.randrange(5, 58)
        notified_on = min(oldest_due + timedelta(days=notify_after), today)
        reference = f"{reference_prefix}{i:07d}"
        overdue = Overdue(
            tenant_id=limit.tenant_id, policy_id=limit.policy_id, buyer_id=limit.buyer_id, reference=reference,
            state=Overdue.State.OPEN, currency=limit.currency, notified_on=notified_on,
            created_at=fake.moment(notified_on),
        )
        stop = CoverStop(
            tenant_id=limit.tenant_id, policy_id=limit.policy_id, buyer_id=limit.buyer_id,
            reason=CoverStop.Reason.OVERDUE, source_reference=reference, created_at=overdue.created_at,
            stopped_from=deadlines(oldest_due).cover_stops_from(notified_on),
        )
        rows = _invoices(fake, overdue, count=1 + extra_invoices[i], oldest_due=oldest_due,
                         terms_days=limit.requested_terms_days, cap=limit.decided_amount)
        cause = ("insolvency" if fake.chance(0.15) else "protracted_default") if i < claims else ""
        plans.append(OverduePlan(overdue=overdue, invoices=rows, stop=stop, oldest_due=oldest_due, claim_cause=cause))
    return plans


def write_overdues(plans: list[OverduePlan], *, progress) -> None:
    insert(CoverStop, (p.stop for p in plans), total=len(plans), progress=progress)
    for plan in plans:
        plan.overdue.cover_stop_id = plan.stop.pk
    insert(Overdue, (p.overdue for p in plans), total=len(plans), progress=progress)

    def invoices():
        for plan in plans:
            for invoice in plan.invoices:
                invoice.overdue_id = plan.overdue.pk
                yield invoice

    insert(Invoice, invoices(), total=sum(len(p.invoices) for p in plans), progress=progress)
