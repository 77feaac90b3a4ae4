"""The early warnings read from grades, the payment experience and limits (buyers.monitoring.registry).

Each detector is one or two set-based queries over the window (the limits in force joined to what changed),
whatever the number of limits: 100,000 limits per tenant read as rows of the window's events, never a query
per limit (bench/bench_early_warnings.py).
"""

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import F

from buyers.credit_file.selectors import MIN_REPORTING_INSUREDS
from buyers.models import BuyerGrade, PaymentExperience
from buyers.monitoring.models import AlertCode
from buyers.monitoring.registry import AlertCandidate, register_detector
from core.messages import date_param
from limits.models import CreditLimit, LimitDecision

IN_FORCE = CreditLimit.State.IN_FORCE
EXPIRING_WITHIN_DAYS = 30  # a limit expiring within this is announced once per expiry date
# Days beyond terms by which the last 6 months must exceed the 6 before to count as paying worse.
WORSENING_DAYS = Decimal(10)


def grade_downgrades(*, today: date, since: date):
    """Each grade worse than the one before (1 best, 10 insolvent), for every insured with a limit in force."""
    rows = (BuyerGrade.objects.filter(graded_on__gte=since, graded_on__lte=today, previous_grade__isnull=False,
                                      grade__gt=F("previous_grade"), buyer__credit_limits__state=IN_FORCE)
            .values("pk", "buyer_id", "buyer__legal_name", "grade", "previous_grade", "graded_on",
                    tenant_id=F("buyer__credit_limits__tenant_id")).distinct().order_by())
    for row in rows:
        yield AlertCandidate(
            tenant_id=row["tenant_id"], buyer_id=row["buyer_id"], code=AlertCode.GRADE_DOWNGRADE,
            cause_key=f"grade:{row['pk']}",
            params={"buyer": row["buyer__legal_name"], "grade": row["grade"], "previous": row["previous_grade"],
                    "date": date_param(row["graded_on"])})


def payment_worsening(*, today: date, since: date):
    """The last 6 months paid later than the 6 before by WORSENING_DAYS, in the insurer's experience: told only
    where enough insureds report (the credit file's rule), once a month while it lasts."""
    rows = (PaymentExperience.objects.filter(
        computed_on__gte=since, reporting_insureds__gte=MIN_REPORTING_INSUREDS, recent_days_avg__isnull=False,
        previous_days_avg__isnull=False, recent_days_avg__gte=F("previous_days_avg") + WORSENING_DAYS,
        buyer__credit_limits__state=IN_FORCE)
        .values("buyer_id", "buyer__legal_name", "recent_days_avg", "previous_days_avg", "computed_on",
                tenant_id=F("buyer__credit_limits__tenant_id")).distinct().order_by())
    for row in rows:
        yield AlertCandidate(
            tenant_id=row["tenant_id"], buyer_id=row["buyer_id"], code=AlertCode.PAYMENT_WORSENING,
            cause_key=f"payment:{row['computed_on']:%Y-%m}",
            params={"buyer": row["buyer__legal_name"], "recent": str(row["recent_days_avg"]),
                    "previous": str(row["previous_days_avg"])})


def expiring_limits(*, today: date, since: date):
    rows = (CreditLimit.objects.filter(state=IN_FORCE, expiry_date__gte=today,
                                       expiry_date__lte=today + timedelta(days=EXPIRING_WITHIN_DAYS))
            .values("pk", "tenant_id", "buyer_id", "buyer__legal_name", "policy__number", "expiry_date").order_by())
    for row in rows:
        yield AlertCandidate(
            tenant_id=row["tenant_id"], buyer_id=row["buyer_id"], code=AlertCode.LIMIT_EXPIRING,
            cause_key=f"expiring:{row['pk']}:{row['expiry_date'].isoformat()}",
            params={"buyer": row["buyer__legal_name"], "policy": row["policy__number"],
                    "date": date_param(row["expiry_date"])})


def limits_under_review(*, today: date, since: date):
    """Each time a limit still in force was put under review (the review job's decision)."""
    rows = (LimitDecision.objects.filter(kind=LimitDecision.Kind.UNDER_REVIEW, effective_date__gte=since,
                                         effective_date__lte=today, limit__state=IN_FORCE, limit__under_review=True)
            .values("pk", "tenant_id", "buyer_id", "buyer__legal_name", "policy__number", "effective_date")
            .order_by())
    for row in rows:
        yield AlertCandidate(
            tenant_id=row["tenant_id"], buyer_id=row["buyer_id"], code=AlertCode.LIMIT_UNDER_REVIEW,
            cause_key=f"review:{row['pk']}",
            params={"buyer": row["buyer__legal_name"], "policy": row["policy__number"],
                    "date": date_param(row["effective_date"])})


def register() -> None:
    register_detector("grade_downgrade", grade_downgrades)
    register_detector("payment_worsening", payment_worsening)
    register_detector("limit_expiring", expiring_limits)
    register_detector("limit_under_review", limits_under_review)
