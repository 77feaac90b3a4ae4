"""The early warnings read from overdues and invoices (buyers.monitoring.registry): a new overdue on a buyer and
a limit nearly used up. Registered from ClaimsConfig.ready().

A new overdue tells its own insured what it notified (its reference) and every other insured holding a limit on
the buyer only that the insurer has new adverse information: never whose overdue, its amount or reference
(domain.md, tenancy: another insured's figures are never shown). Set-based: the window's overdues, the limits
in force on their buyers, the unpaid invoices grouped per policy and buyer with the limit beside them in the
same query.
"""

from datetime import date
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.db.models import F, OuterRef, Subquery, Sum
from moneyed import Money

from buyers.monitoring.models import AlertCode
from buyers.monitoring.registry import AlertCandidate, register_detector
from claims.overdues.models import Invoice, Overdue
from core.amounts import money_sum_field
from core.messages import date_param, money_param
from limits.models import CreditLimit

UNPAID_STATES = (Overdue.State.DRAFT, Overdue.State.OPEN)


def new_overdues(*, today: date, since: date):
    overdues = list(Overdue.objects.filter(notified_on__gte=since, notified_on__lte=today)
                    .exclude(state=Overdue.State.DRAFT)
                    .values("pk", "tenant_id", "buyer_id", "buyer__legal_name", "reference", "notified_on")
                    .order_by())
    if not overdues:
        return
    holders: dict[int, set[int]] = {}
    for row in (CreditLimit.objects.filter(state=CreditLimit.State.IN_FORCE,
                                           buyer_id__in={o["buyer_id"] for o in overdues})
                .values("tenant_id", "buyer_id").distinct().order_by()):
        holders.setdefault(row["buyer_id"], set()).add(row["tenant_id"])
    for overdue in overdues:
        buyer = overdue["buyer__legal_name"]
        yield AlertCandidate(
            tenant_id=overdue["tenant_id"], buyer_id=overdue["buyer_id"], code=AlertCode.OVERDUE_REPORTED,
            cause_key=f"overdue:{overdue['pk']}",
            params={"buyer": buyer, "reference": overdue["reference"] or str(overdue["pk"]),
                    "date": date_param(overdue["notified_on"])})
        for tenant_id in sorted(holders.get(overdue["buyer_id"], ()) - {overdue["tenant_id"]}):
            # Only the buyer and the day the insurer learnt of it: nothing that says whose.
            yield AlertCandidate(
                tenant_id=tenant_id, buyer_id=overdue["buyer_id"], code=AlertCode.ADVERSE_INFORMATION,
                cause_key=f"adverse:{overdue['pk']}", params={"buyer": buyer})


def utilisation_threshold() -> Decimal:
    """The share of a limit that, once unpaid on the insured's overdues, raises an alert (percent, a setting)."""
    return Decimal(str(settings.BUYER_ALERT_UTILISATION_PERCENT))


def high_utilisation(*, today: date, since: date):
    """Limits in force whose buyer's unpaid invoices on that policy (draft and open overdues, the limit's currency)
    reach the threshold: once per limit (a new limit, e.g. an increase, is watched afresh)."""
    threshold = utilisation_threshold()
    limit_of = CreditLimit.objects.filter(
        state=CreditLimit.State.IN_FORCE, policy_id=OuterRef("overdue__policy_id"),
        buyer_id=OuterRef("overdue__buyer_id"), currency=OuterRef("currency"))
    amount = money_sum_field()
    rows = (Invoice.objects.filter(overdue__state__in=UNPAID_STATES, outstanding__gt=0).order_by()
            .values("tenant_id", "currency", policy_id=F("overdue__policy_id"), buyer_id=F("overdue__buyer_id"))
            .annotate(total=Sum("outstanding"),
                      limit_id=Subquery(limit_of.values("pk")[:1]),
                      limit_amount=Subquery(limit_of.values("decided_amount")[:1], output_field=amount))
            .filter(limit_amount__gt=0, total__gte=F("limit_amount") * threshold / 100)
            .values("tenant_id", "currency", "buyer_id", "total", "limit_id", "limit_amount",
                    "overdue__buyer__legal_name", "overdue__policy__number"))
    for row in rows:
        share = (row["total"] * 100 / row["limit_amount"]).to_integral_value(rounding=ROUND_DOWN)
        yield AlertCandidate(
            tenant_id=row["tenant_id"], buyer_id=row["buyer_id"], code=AlertCode.HIGH_UTILISATION,
            cause_key=f"utilisation:{row['limit_id']}",
            params={"buyer": row["overdue__buyer__legal_name"], "policy": row["overdue__policy__number"],
                    "share": int(share), "outstanding": money_param(Money(row["total"], row["currency"])),
                    "limit": money_param(Money(row["limit_amount"], row["currency"]))})


def register() -> None:
    register_detector("new_overdue", new_overdues)
    register_detector("high_utilisation", high_utilisation)
