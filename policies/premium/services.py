"""Writes for premium (domain.md, Premium; example 10): turnover declarations and the period-end adjustment.

The browser, the CSV import, the API and the Celery job all come through here.
A declaration's premium is fixed when declared (turnover x the policy's rate,
rounded once); the policy period's premium is settled once it has ended, and
settled again, with history, if a late declaration or correction changes it.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries
from moneyed import Money
from simple_history.utils import bulk_create_with_history

from core import notifications
from core.amounts import DECIMAL_PLACES, MAX_DIGITS
from core.exceptions import DomainError
from core.money import minor_unit_exponent
from policies.models import Policy
from policies.periods.selectors import periods_in_order
from policies.premium.calculation import (
    DeclarationPeriod,
    declaration_periods,
    period_premium,
    period_starting,
    premium_for,
)
from policies.premium.invoices import invoice_turnover
from policies.premium.models import (
    PeriodPremium,
    PremiumSchedule,
    TurnoverDeclaration,
    declaration_frequency_of,
)
from policies.premium.selectors import periods_of

# TurnoverDeclaration.turnover is a money column (core.amounts): its digits before the point.
_MAX_INTEGER_DIGITS = MAX_DIGITS - DECIMAL_PLACES
# Policies whose premium can be owed: a draft was never in force; a cancelled one is settled by an underwriter.
PREMIUM_STATUSES = (Policy.Status.ACTIVE, Policy.Status.EXPIRED)
FINANCE_ROLE = "Finance"
BATCH_SIZE = 500


# Declarations


def _period(policy: Policy, period_start: date, today: date) -> DeclarationPeriod:
    periods = periods_of(policy)
    period = period_starting(periods=periods, start=period_start) if period_start else None
    if period is None:
        if declaration_frequency_of(policy) == "quarterly":
            message = _("%(start)s does not start a declaration period of policy %(number)s: declare whole "
                        "calendar quarters from %(first)s to %(last)s.")
        else:
            message = _("%(start)s does not start a declaration period of policy %(number)s: declare whole "
                        "calendar months from %(first)s to %(last)s.")
        raise DomainError(
            message % {"start": period_start, "number": policy.number, "first": periods[0].start,
                       "last": periods[-1].end},
            field="period_start", code="period_outside_policy",
        )
    if not period.has_ended(today):
        raise DomainError(
            _("The period %(period)s has not ended yet: declare its turnover once it has ended (after %(end)s).")
            % {"period": period.label, "end": period.end},
            field="period_start", code="period_not_ended",
        )
    return period


def _turnover(policy: Policy, turnover) -> Decimal:
    if isinstance(turnover, Money):
        if str(turnover.currency) != policy.currency:
            raise DomainError(_("Declare turnover in the policy's currency, %(currency)s.")
                              % {"currency": policy.currency}, field="turnover", code="currency")
        amount = turnover.amount
    elif isinstance(turnover, Decimal | int | str) and not isinstance(turnover, bool):
        try:
            amount = Decimal(str(turnover).strip())
        except InvalidOperation:
            raise DomainError(_("Give the turnover as an amount."), field="turnover") from None
    else:
        raise DomainError(_("Give the turnover as an amount."), field="turnover")
    if not amount.is_finite():
        raise DomainError(_("Give the turnover as an amount."), field="turnover")
    if amount < 0:
        raise DomainError(_("The turnover cannot be negative: declare 0 if there was none."), field="turnover",
                          code="negative")
    if -amount.as_tuple().exponent > min(minor_unit_exponent(policy.currency), DECIMAL_PLACES):
        raise DomainError(_("The turnover has more decimals than %(currency)s allows.")
                          % {"currency": policy.currency}, field="turnover")
    if amount.adjusted() >= _MAX_INTEGER_DIGITS:
        raise DomainError(_("The turnover is too large."), field="turnover")
    return amount


def _country(policy: Policy, country, period_start: date) -> str:
    code = str(getattr(country, "code", country) or "").strip().upper()
    if not code or not countries.alpha2(code):
        raise DomainError(_("“%(value)s” is not a country code: use two letters, e.g. ES.") % {"value": code},
                          field="country")
    # The countries covered on the declared period's first day (its rate's day too).
    if not policy.terms_on(period_start).covers_country(code):
        raise DomainError(_("Buyers in %(country)s are not covered by policy %(number)s: their turnover is not "
                            "insured.") % {"country": countries.name(code), "number": policy.number},
                          field="country", code="country_excluded")
    return code


def _locked_policy(*, tenant, policy: Policy) -> Policy:
    # The lock orders declarations and the period's settlement on one policy.
    locked = Policy.objects.select_for_update().filter(pk=policy.pk, tenant=tenant).first()
    if locked is None:
        raise DomainError(_("Unknown policy."), field="policy", code="not_found")
    if locked.status not in PREMIUM_STATUSES:
        raise DomainError(_("Policy %(number)s is not in force: no turnover is declared on it.")
                          % {"number": locked.number}, field="policy", code="policy_not_in_force")
    return locked


@transaction.atomic
def declare_turnover(*, tenant, declared_by, policy: Policy, period_start: date, country, turnover,
                     today: date | None = None) -> tuple[TurnoverDeclaration, bool]:
    """Declare (or correct) the turnover of one period to buyers in one country. Returns (declaration, created)."""
    today = today or timezone.localdate()
    policy = _locked_policy(tenant=tenant, policy=policy)
    declaration, created = _declare(policy=policy, declared_by=declared_by, period_start=period_start,
                                    country=country, turnover=turnover, today=today)
    _settle_again_if_settled(policy=policy, declared_on=declaration.period_start)
    invoice_turnover(policy=policy, period_start=declaration.period_start, period_end=declaration.period_end,
                     today=today)
    return declaration, created


@transaction.atomic
def declare_period(*, tenant, declared_by, policy: Policy, period_start: date, rows: list[tuple[str, object]],
                   today: date | None = None) -> list[TurnoverDeclaration]:
    """Declare one period, one row per country, all or nothing."""
    today = today or timezone.localdate()
    policy = _locked_policy(tenant=tenant, policy=policy)
    if not rows:
        raise DomainError(_("Declare the turnover of at least one country."), field="rows")
    seen: set[str] = set()
    declarations = []
    for country, turnover in rows:
        code = _country(policy, country, period_start)
        if code in seen:
            raise DomainError(_("%(country)s is listed twice: one line per country.")
                              % {"country": countries.name(code)}, field="country", code="duplicate_country")
        seen.add(code)
        try:
            declarations.append(_declare(policy=policy, declared_by=declared_by, period_start=period_start,
                                         country=code, turnover=turnover, today=today)[0])
        except DomainError as exc:
            if exc.field == "period_start":
                raise
            # Several rows on one form: the message names the row's country.
            raise DomainError(_("%(country)s: %(message)s") % {"country": countries.name(code), "message": exc.message},
                              field=exc.field, code=exc.code) from exc
    _settle_again_if_settled(policy=policy, declared_on=declarations[0].period_start)
    invoice_turnover(policy=policy, period_start=declarations[0].period_start,
                     period_end=declarations[0].period_end, today=today)
    return declarations


def _declare(*, policy, declared_by, period_start, country, turnover, today) -> tuple[TurnoverDeclaration, bool]:
    period = _period(policy, period_start, today)
    code = _country(policy, country, period.start)
    amount = _turnover(policy, turnover)
    # The rate in force on the declared period's first day (domain.md, The policy's life).
    rate = policy.terms_on(period.start).premium_rate_percent
    values = {
        "period_end": period.end, "turnover": amount, "currency": policy.currency, "premium_rate_percent": rate,
        "premium": premium_for(Money(amount, policy.currency), rate).amount, "declared_by": declared_by,
        "declared_at": timezone.now(),
    }
    declaration = TurnoverDeclaration.objects.filter(policy=policy, period_start=period.start, country=code).first()
    if declaration is None:
        declaration = TurnoverDeclaration(tenant_id=policy.tenant_id, policy=policy, period_start=period.start,
                                          country=code, **values)
        declaration.save()
        return declaration, True
    # A correction replaces the values; the history row keeps the earlier declaration.
    for name, value in values.items():
        setattr(declaration, name, value)
    declaration._change_reason = "correction"
    declaration.save()
    return declaration, False


# The policy period's premium


def _settlement_values(*, policy: Policy, declared: Decimal, period) -> dict:
    # The minimum premium of the terms at the insurance period's end, the day it is settled against.
    minimum = policy.terms_on(period.end).minimum_premium
    due, adjustment = period_premium(Money(declared, policy.currency), minimum)
    return {
        "period_end": period.end, "currency": policy.currency, "declared_premium": declared,
        "minimum_premium": minimum.amount, "adjustment": adjustment.amount,
        "premium_due": due.amount,
    }


def _declared_total(policy: Policy, period) -> Decimal:
    """The premium declared in one insurance period: each declaration counts in the period of its first day."""
    return TurnoverDeclaration.objects.filter(
        policy=policy, period_start__gte=period.start, period_start__lte=period.end,
    ).aggregate(total=Sum("premium"))["total"] or Decimal("0")


def _settle_again_if_settled(*, policy: Policy, declared_on: date | None = None) -> None:
    """A declaration changed after its insurance period was settled: settle that period again."""
    from policies.periods.selectors import forget_periods, period_on

    forget_periods(policy)
    period = period_on(policy, declared_on or policy.start_date)
    settled = PeriodPremium.objects.filter(policy=policy, period_start=period.start).first()
    if settled is not None:
        _update_settlement(settled, _settlement_values(policy=policy, declared=_declared_total(policy, period),
                                                       period=period))


def _update_settlement(settled: PeriodPremium, values: dict) -> None:
    if all(getattr(settled, name) == value for name, value in values.items()):
        return
    for name, value in values.items():
        setattr(settled, name, value)
    settled.computed_at = timezone.now()
    settled._change_reason = "declarations changed after the period end"
    settled.save()


@transaction.atomic
def close_period(*, policy: Policy, today: date | None = None) -> PeriodPremium | None:
    """Settle each ended insurance period's premium (example 10; each period has its own minimum premium). Running
    it again creates nothing. Returns the latest ended period's settlement (None while none has ended)."""
    from policies.periods.selectors import periods_in_order

    today = today or timezone.localdate()
    policy = Policy.objects.select_for_update().get(pk=policy.pk)
    if policy.status not in PREMIUM_STATUSES:
        return None
    settled = None
    for period in periods_in_order(policy):
        if period.end >= today:
            break
        values = _settlement_values(policy=policy, declared=_declared_total(policy, period), period=period)
        settled, created = PeriodPremium.objects.get_or_create(
            policy=policy, period_start=period.start,
            defaults={"tenant_id": policy.tenant_id, "computed_at": timezone.now(), **values},
        )
        if not created:
            _update_settlement(settled, values)
    return settled


def check_declaration_frequency(*, policy: Policy, frequency: str) -> None:
    if frequency != declaration_frequency_of(policy) and TurnoverDeclaration.objects.filter(policy=policy).exists():
        raise DomainError(_("Turnover is already declared on this policy: its declaration periods can't change."),
                          field="declaration_frequency")


@transaction.atomic
def set_declaration_frequency(*, policy: Policy, frequency: str) -> PremiumSchedule:
    """Underwriters set it; once turnover is declared the periods are fixed."""
    check_declaration_frequency(policy=policy, frequency=frequency)
    schedule = PremiumSchedule.objects.filter(policy=policy).first()
    if schedule is None:
        schedule = PremiumSchedule(tenant_id=policy.tenant_id, policy=policy)
    schedule.declaration_frequency = frequency
    schedule.full_clean()
    schedule.save()
    return schedule


# The daily job: reminders for missing declarations, settlement of ended policy periods


@dataclass
class PremiumJobResult:
    reminded: int = 0
    settled: int = 0


def _policy_batches(qs, batch_size):
    last_pk = 0
    while True:
        # The terms versions come along: settling reads the minimum premium of each policy's period end.
        batch = list(qs.filter(pk__gt=last_pk).select_related("premium_schedule").prefetch_related("terms_versions")
                     .order_by("pk")[:batch_size])
        if not batch:
            return
        yield batch
        last_pk = batch[-1].pk


def _missing_key(policy: Policy, period: DeclarationPeriod) -> str:
    return f"premium.declaration_missing:{policy.pk}:{period.start.isoformat()}"


def _settled_key(policy: Policy, period_start: date) -> str:
    return f"premium.settled:{policy.pk}:{period_start.isoformat()}"


def _spec(policy: Policy, *, key: str, event: str, subject: notifications.Message) -> notifications.NotificationSpec:
    return notifications.NotificationSpec(
        tenant_id=policy.tenant_id, event=event, dedup_key=key, subject=subject, role=FINANCE_ROLE,
        link=reverse("policies:premium", args=[policy.pk]),
    )


def run_premium_job(*, today: date | None = None, batch_size: int = BATCH_SIZE) -> PremiumJobResult:
    """Remind Finance of ended periods with no declaration; settle ended policy periods. Idempotent.

    Only policies whose period is not settled yet are read, in batches; each batch's declarations are
    aggregated in one query, so the work does not grow with the number of declarations.
    """
    today = today or timezone.localdate()
    result = PremiumJobResult()
    # Done: a policy whose last insurance period is settled (its end is the policy's end).
    last_settled = PeriodPremium.objects.filter(policy_id=OuterRef("pk"), period_end=OuterRef("end_date"))
    due = Policy.objects.filter(status__in=PREMIUM_STATUSES, start_date__lt=today).exclude(
        Exists(last_settled)
    ).prefetch_related("terms_versions", "periods")  # the minimum premium and periods of each, a query a batch
    for batch in _policy_batches(due, batch_size):
        with transaction.atomic():
            already = set(PeriodPremium.objects.filter(policy__in=batch).values_list("policy_id", "period_start"))
            premium_by_period: dict[tuple[int, date], Decimal] = {
                (row["policy_id"], row["period_start"]): row["premium"]
                for row in TurnoverDeclaration.objects.filter(policy__in=batch)
                .values("policy_id", "period_start").annotate(premium=Sum("premium"))
            }
            reminders, settlements = [], []
            for policy in batch:
                periods = declaration_periods(policy_start=policy.start_date, policy_end=policy.end_date,
                                              frequency=declaration_frequency_of(policy))
                for period in periods:
                    if period.has_ended(today) and (policy.pk, period.start) not in premium_by_period:
                        reminders.append(_spec(
                            policy, key=_missing_key(policy, period), event="premium.declaration_missing",
                            subject=notifications.message("premium.declaration_missing", number=policy.number,
                                                          period=period.label),
                        ))
                for insured in periods_in_order(policy):  # each ended insurance period, once
                    if insured.end >= today or (policy.pk, insured.start) in already:
                        continue
                    declared = sum((premium_by_period.get((policy.pk, p.start), Decimal("0")) for p in periods
                                    if insured.contains(p.start)), Decimal("0"))
                    settlements.append(PeriodPremium(
                        tenant_id=policy.tenant_id, policy=policy, period_start=insured.start,
                        computed_at=timezone.now(),
                        **_settlement_values(policy=policy, declared=declared, period=insured),
                    ))
            bulk_create_with_history(settlements, PeriodPremium, batch_size=batch_size,
                                     default_change_reason="premium job: period settled")
            result.settled += len(settlements)
            # One query for the keys already notified, one insert: a second run notifies no one.
            new = notifications.notify_many(reminders + [
                _spec(s.policy, key=_settled_key(s.policy, s.period_start), event="premium.settled", subject=notifications.message(
                    "premium.settled", number=s.policy.number,
                    due=notifications.money_param(s.premium_due, s.currency),
                    adjustment=notifications.money_param(s.adjustment, s.currency)))
                for s in settlements
            ])
            result.reminded += sum(1 for spec in new if spec.event == "premium.declaration_missing")
    return result
