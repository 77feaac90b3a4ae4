"""Credit-limit fees (domain.md, "credit-limit fee" term; issue 10, item 5), invoiced month by month in arrears.

For each ended month of a policy period: the limit requests made in it x the fee per request, plus the buyers
first monitored in the period that month (the first day a limit on them came into force) x the fee per buyer
monitored per year, each at the terms in force on the month's first day. The premium invoice is raised by
policies.premium.invoices with the plain amount (limits sit below policies and call their service), once per
(policy, month). Policies whose terms never charge a fee are skipped without reading their limits.
"""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Min
from django.db.models.functions import TruncMonth
from django.utils import timezone

from limits.models import CreditLimit, LimitDecision
from policies.models import Policy
from policies.premium.calculation import declaration_periods, period_starting
from policies.premium.invoices import INVOICED_STATUSES, invoice_credit_limit_fees
from policies.premium.models import PremiumInvoice

BATCH_SIZE = 200


def _charges_fees(policy: Policy) -> bool:
    return any(v.credit_limit_fee_per_request_amount or v.credit_limit_fee_per_buyer_year_amount
               for v in policy.terms_versions_in_order)


def _by_period(policy: Policy, periods, rows, key: str) -> dict[date, int]:
    counts: dict[date, int] = defaultdict(int)
    for row in rows:
        day = row[key]
        day = day.date() if hasattr(day, "date") and callable(day.date) else day
        period = period_starting(periods=periods, start=day.replace(day=1))
        if period is not None:
            counts[period.start] += row["n"]
    return counts


def run_credit_limit_fees(*, today: date | None = None, batch_size: int = BATCH_SIZE) -> int:
    """Daily (Celery beat): raise the fee invoice of every ended month not invoiced yet. Idempotent: a month's
    invoice is looked for first and UNIQUE in the database. Set-based: per batch of policies, one aggregate of
    requests per month and one of first decisions per buyer."""
    today = today or timezone.localdate()
    raised, last_pk = 0, 0
    pending = Policy.objects.filter(status__in=INVOICED_STATUSES, start_date__lt=today)
    while True:
        batch = list(pending.filter(pk__gt=last_pk).prefetch_related("terms_versions").order_by("pk")[:batch_size])
        if not batch:
            return raised
        last_pk = batch[-1].pk
        charging = [p for p in batch if _charges_fees(p)]
        if not charging:
            continue
        invoiced = set(PremiumInvoice.objects.filter(policy__in=charging, kind=PremiumInvoice.Kind.CREDIT_LIMIT_FEE)
                       .values_list("policy_id", "period_start"))
        requests = defaultdict(list)
        for row in (CreditLimit.objects.filter(policy__in=charging).annotate(month=TruncMonth("created_at"))
                    .values("policy_id", "month").annotate(n=Count("pk"))):
            requests[row["policy_id"]].append(row)
        first_monitored = defaultdict(list)
        for row in (LimitDecision.objects.filter(policy__in=charging, changes_cover=True, amount__gt=0)
                    .values("policy_id", "buyer_id").annotate(first=Min("effective_date"))):
            first_monitored[row["policy_id"]].append({"first": row["first"], "n": 1})
        for policy in charging:
            periods = declaration_periods(policy_start=policy.start_date, policy_end=policy.end_date)
            made = _by_period(policy, periods, requests[policy.pk], "month")
            monitored = _by_period(policy, periods, first_monitored[policy.pk], "first")
            for period in periods:
                if not period.has_ended(today) or (policy.pk, period.start) in invoiced:
                    continue
                terms = policy.terms_on(period.start)
                amount = (terms.credit_limit_fee_per_request * made.get(period.start, 0)
                          + terms.credit_limit_fee_per_buyer_year * monitored.get(period.start, 0))
                _invoice, created = invoice_credit_limit_fees(policy=policy, period_start=period.start,
                                                              period_end=period.end, amount=amount, today=today)
                raised += created
