"""Premium invoices and their payments (issue 10, item 5; domain.md, Premium and the "premium payment" term).

What is invoiced, once per (policy, kind, period):
- the **deposit** at the start of the policy period: the minimum premium of the terms in force that day
  (a minimum-and-deposit premium, the usual form: the table in domain.md names one deposit and no other amount),
  due `premium_deposit_due_days` after the period starts;
- the **turnover premium** of each declaration period, raised when the period is declared: the premium
  declared so far beyond what the deposit and earlier turnover invoices already asked for (the deposit is an
  advance on the declared premium, so nothing is asked twice);
- the **minimum-premium adjustment** once the period is settled (policies.premium.services.close_period and the
  premium job): the premium due for the period less everything invoiced for it; with the deposit at the
  minimum it is also where late declarations and corrections of an already invoiced period are trued up;
- **credit-limit fees**, raised for the limits app with plain amounts (`invoice_credit_limit_fees`).
Every invoice but the deposit is payable in `premium_deposit_due_days` from its issue (the one payment term the
policy names). A profit-share credit is raised by policies.premium.profit_share with the same helper.

Payments are recorded by insurer staff (`record_payment`); paying an invoice in full reinstates cover from the
payment day (policies.premium.suspension).
"""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from moneyed import Money
from simple_history.utils import bulk_create_with_history

from core.amounts import DECIMAL_PLACES
from core.exceptions import DomainError
from core.money import minor_unit_exponent, quantize_money
from policies.deadlines import premium_due
from policies.models import Policy
from policies.premium import events
from policies.premium.models import PeriodPremium, PremiumInvoice, PremiumPayment

Kind = PremiumInvoice.Kind
State = PremiumInvoice.State
# Policies whose premium can be owed (as policies.premium.services): a draft was never in force.
INVOICED_STATUSES = (Policy.Status.ACTIVE, Policy.Status.EXPIRED)
# What the insured owes: every kind but the credit it is given.
DEBIT_KINDS = (Kind.DEPOSIT, Kind.TURNOVER, Kind.MINIMUM_ADJUSTMENT, Kind.CREDIT_LIMIT_FEE)
# The period's premium (fees are on top of it).
PREMIUM_KINDS = (Kind.DEPOSIT, Kind.TURNOVER)
BATCH_SIZE = 500


def _invoice(*, policy: Policy, kind: str, period_start: date, period_end: date, amount: Money | Decimal,
             issued_on: date, due_on: date | None = None) -> PremiumInvoice:
    """An unsaved invoice. An invoice of nothing (a period covered by the deposit) is on the statement,
    settled as it is issued: there is nothing to remind or to suspend cover for."""
    value = amount.amount if isinstance(amount, Money) else amount
    value = quantize_money(Money(max(value, Decimal("0")), policy.currency)).amount
    if due_on is None:
        due_on = premium_due(terms=policy.terms_on(period_start), issued_on=issued_on)
    nothing_owed = value == 0
    return PremiumInvoice(
        tenant_id=policy.tenant_id, policy=policy, kind=kind, period_start=period_start, period_end=period_end,
        amount=value, currency=policy.currency, issued_on=issued_on, due_on=max(due_on, issued_on),
        state=State.PAID if nothing_owed else State.OPEN, paid_on=issued_on if nothing_owed else None,
    )


def raise_invoice(**values) -> tuple[PremiumInvoice, bool]:
    """Raise one invoice unless its (policy, kind, period) already has one; announce it. Returns (invoice, created).

    Call it inside the caller's transaction (it locks nothing itself: callers hold the policy's lock)."""
    invoice = _invoice(**values)
    existing = PremiumInvoice.objects.filter(policy=invoice.policy, kind=invoice.kind,
                                             period_start=invoice.period_start).first()
    if existing is not None:
        return existing, False
    invoice.save()
    events.announce_invoiced([invoice])
    return invoice, True


def _invoiced_total(policy: Policy, kinds) -> Decimal:
    total = PremiumInvoice.objects.filter(policy=policy, kind__in=kinds).exclude(state=State.CANCELLED).aggregate(
        total=Sum("amount"))["total"]
    return total or Decimal("0")


def deposit_values(policy: Policy, period=None) -> dict:
    """The deposit of one insurance period (the first by default): its minimum premium, from its first day."""
    from policies.periods.selectors import periods_in_order

    period = period or periods_in_order(policy)[0]
    terms = policy.terms_on(period.start)
    return {
        "policy": policy, "kind": Kind.DEPOSIT, "period_start": period.start, "period_end": period.end,
        "amount": terms.minimum_premium, "issued_on": period.start,
        # Example 18: a period from 1 January, 30 days -> due 31 January.
        "due_on": premium_due(terms=terms, issued_on=period.start),
    }


def invoice_deposit(*, policy: Policy, today: date) -> PremiumInvoice | None:
    """The deposit of the insurance period of `today`, once it has started; the daily job raises it for every policy
    at once."""
    from policies.periods.selectors import period_on

    if policy.status not in INVOICED_STATUSES or policy.start_date > today:
        return None
    return raise_invoice(**deposit_values(policy, period_on(policy, today)))[0]


def invoice_turnover(*, policy: Policy, period_start: date, period_end: date, today: date) -> PremiumInvoice:
    """The premium of a declared period beyond what the deposit and the other turnover invoices asked for.

    Called by the declaration services inside their transaction, with the policy locked. A period's later
    countries (a CSV or the API declares one country at a time) and corrections amend its invoice while nothing
    was paid on it and it was not reminded; after that they are trued up at the period end."""
    from policies.periods.selectors import period_on
    from policies.premium.selectors import declared_premium

    invoice_deposit(policy=policy, today=today)
    # What was asked for the insurance period the declared period falls in, against what is declared in it.
    insured = period_on(policy, period_start)
    existing = PremiumInvoice.objects.filter(policy=policy, kind=Kind.TURNOVER, period_start=period_start).first()
    others = PremiumInvoice.objects.filter(policy=policy, kind__in=PREMIUM_KINDS, period_start__gte=insured.start,
                                           period_start__lte=insured.end).exclude(state=State.CANCELLED)
    if existing is not None:
        others = others.exclude(pk=existing.pk)
    asked = others.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    amount = declared_premium(policy=policy, period=insured).amount - asked
    if existing is None:
        return raise_invoice(policy=policy, kind=Kind.TURNOVER, period_start=period_start, period_end=period_end,
                             amount=amount, issued_on=today)[0]
    if existing.reminded_on is not None or existing.state == State.CANCELLED or existing.payments.exists():
        return existing
    amended = _invoice(policy=policy, kind=Kind.TURNOVER, period_start=period_start, period_end=period_end,
                       amount=amount, issued_on=existing.issued_on, due_on=existing.due_on)
    if amended.amount == existing.amount:
        return existing
    was_nothing = existing.amount == 0
    existing.amount, existing.state, existing.paid_on = amended.amount, amended.state, amended.paid_on
    existing._change_reason = "declarations of the period changed before payment"
    existing.save(update_fields=["amount", "state", "paid_on"])
    if was_nothing:
        events.announce_invoiced([existing])
    return existing


def invoice_credit_limit_fees(*, policy: Policy, period_start: date, period_end: date, amount: Money,
                              today: date) -> tuple[PremiumInvoice, bool]:
    """Credit-limit fees of a period (per request, per buyer monitored), counted by the limits app."""
    with transaction.atomic():
        return raise_invoice(policy=policy, kind=Kind.CREDIT_LIMIT_FEE, period_start=period_start,
                             period_end=period_end, amount=amount, issued_on=today)


def raise_deposits(*, today: date, batch_size: int = BATCH_SIZE) -> int:
    """The daily job: a deposit for every policy whose period has started and has none. Set-based: the policies
    without one are read in batches with their terms, and each batch is one insert and one notification insert."""
    # Periods running today only: a period that ended before premium was invoiced here (at the first run after
    # deployment) was paid outside Kredo, and a deposit for it would be reminded and suspend cover at once.
    # Each insurance period has its deposit: the one running today, unless it has one.
    from policies.periods.models import InsurancePeriod
    from policies.periods.selectors import period_on

    running = InsurancePeriod.objects.filter(policy_id=OuterRef("pk"), start__lte=today, end__gte=today)
    deposited = PremiumInvoice.objects.filter(policy_id=OuterRef("pk"), kind=Kind.DEPOSIT, period_start__lte=today,
                                              period_end__gte=today)
    pending = (Policy.objects.filter(Exists(running), status__in=INVOICED_STATUSES, start_date__lte=today,
                                     end_date__gte=today).exclude(Exists(deposited)))
    raised, last_pk = 0, 0
    while True:
        batch = list(pending.filter(pk__gt=last_pk).select_related("tenant")
                     .prefetch_related("terms_versions", "periods").order_by("pk")[:batch_size])
        if not batch:
            return raised
        last_pk = batch[-1].pk
        with transaction.atomic():
            rows = [_invoice(**deposit_values(policy, period_on(policy, today))) for policy in batch]
            # A concurrent run raising the same deposit hits the UNIQUE key and rolls this batch back.
            created = bulk_create_with_history(rows, PremiumInvoice, batch_size=batch_size,
                                               default_change_reason="premium job: deposit")
            saved = list(PremiumInvoice.objects.filter(policy__in=batch, kind=Kind.DEPOSIT)
                         .select_related("policy", "tenant"))
            events.announce_invoiced(saved)
            raised += len(created)


def raise_minimum_adjustments(*, today: date) -> int:
    """The daily job: for each settled policy period without an adjustment invoice, the premium due less what
    was invoiced for it (deposit, turnover), in one aggregate query."""
    # Only periods invoiced here (they have a deposit): an older period's premium was settled outside Kredo.
    # Per insurance period: each settled period's adjustment, against what was invoiced within it.
    adjusted = PremiumInvoice.objects.filter(policy_id=OuterRef("policy_id"), kind=Kind.MINIMUM_ADJUSTMENT,
                                             period_start=OuterRef("period_start"))
    settled = list(
        PeriodPremium.objects.filter(policy__in=PremiumInvoice.objects.filter(kind=Kind.DEPOSIT).values("policy_id"))
        .exclude(Exists(adjusted))
        .select_related("policy", "policy__tenant").prefetch_related("policy__terms_versions")
    )
    if not settled:
        return 0
    rows_invoiced = (PremiumInvoice.objects.filter(policy__in=[s.policy_id for s in settled], kind__in=PREMIUM_KINDS)
                     .exclude(state=State.CANCELLED).values_list("policy_id", "period_start", "amount"))
    by_policy: dict[int, list[PeriodPremium]] = {}
    for row in settled:
        by_policy.setdefault(row.policy_id, []).append(row)
    invoiced: dict[int, Decimal] = {}
    for policy_id, start, amount in rows_invoiced:
        for row in by_policy[policy_id]:
            if row.period_start <= start <= row.period_end:
                invoiced[row.pk] = invoiced.get(row.pk, Decimal("0")) + amount
    with transaction.atomic():
        rows = [
            _invoice(policy=s.policy, kind=Kind.MINIMUM_ADJUSTMENT, period_start=s.period_start,
                     period_end=s.period_end, amount=s.premium_due - invoiced.get(s.pk, Decimal("0")),
                     issued_on=today)
            for s in settled
        ]
        created = bulk_create_with_history(rows, PremiumInvoice, default_change_reason="premium job: adjustment")
        events.announce_invoiced(list(
            PremiumInvoice.objects.filter(policy__in=[s.policy_id for s in settled], kind=Kind.MINIMUM_ADJUSTMENT)
            .select_related("policy", "tenant")
        ))
    return len(created)


# Payments


def _payment_amount(invoice: PremiumInvoice, amount) -> Decimal:
    if isinstance(amount, Money):
        if str(amount.currency) != invoice.currency:
            raise DomainError(_("Record the payment in the invoice's currency, %(currency)s.")
                              % {"currency": invoice.currency}, field="amount", code="currency")
        amount = amount.amount
    try:
        value = Decimal(str(amount))
    except ArithmeticError:
        raise DomainError(_("Give the payment as an amount."), field="amount") from None
    if not value.is_finite() or value <= 0:
        raise DomainError(_("The payment must be more than zero."), field="amount")
    if -value.as_tuple().exponent > min(minor_unit_exponent(invoice.currency), DECIMAL_PLACES):
        raise DomainError(_("The payment has more decimals than %(currency)s allows.")
                          % {"currency": invoice.currency}, field="amount")
    return value


@transaction.atomic
def record_payment(*, invoice: PremiumInvoice, amount, paid_on: date, recorded_by,
                   today: date | None = None) -> PremiumPayment:
    """Insurer staff record a payment of a premium invoice. Paid in full, the invoice is paid on that day and a
    suspension of cover it caused ends that day (example 18: paid 1 March -> shipments from 1 March covered)."""
    from policies.premium import suspension

    today = today or timezone.localdate()
    invoice = PremiumInvoice.objects.select_for_update().select_related("policy").get(pk=invoice.pk)
    if invoice.is_credit:
        raise DomainError(_("A credit is not paid by the insured."), field="invoice", code="credit")
    if invoice.state != State.OPEN:
        raise DomainError(_("This invoice is not open: it is %(state)s.") % {"state": invoice.get_state_display()},
                          field="invoice", code="not_open")
    if paid_on > today:
        raise DomainError(_("The payment date cannot be in the future."), field="paid_on")
    if paid_on < invoice.issued_on:
        raise DomainError(_("The payment date cannot be before the invoice was issued (%(date)s).")
                          % {"date": invoice.issued_on}, field="paid_on")
    value = _payment_amount(invoice, amount)
    paid_before = invoice.payments.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    outstanding = invoice.amount - paid_before
    if value > outstanding:
        raise DomainError(_("The payment is more than the %(outstanding)s still owed on this invoice.")
                          % {"outstanding": f"{outstanding} {invoice.currency}"}, field="amount", code="too_much")
    payment = PremiumPayment.objects.create(tenant_id=invoice.tenant_id, invoice=invoice, amount=value,
                                            currency=invoice.currency, paid_on=paid_on, recorded_by=recorded_by)
    if value == outstanding:
        invoice.state, invoice.paid_on = State.PAID, paid_on
        invoice._change_reason = "paid"
        invoice.save(update_fields=["state", "paid_on"])
        suspension.reinstate(invoice=invoice, paid_on=paid_on)
    return payment


def run_invoice_job(*, today: date | None = None) -> dict:
    """Daily (Celery beat, after the premium job settles ended periods): deposits, adjustments, then reminders and
    suspensions. Idempotent: each step reads only what has no invoice, reminder or suspension yet."""
    from policies.premium import suspension

    today = today or timezone.localdate()
    deposits = raise_deposits(today=today)
    adjustments = raise_minimum_adjustments(today=today)
    reminders = suspension.run_reminder_job(today=today)
    return {"deposits": deposits, "adjustments": adjustments, "reminded": reminders.reminded,
            "suspended": reminders.suspended}
