"""Each overdue's stored deadline dates: a cache of policies.deadlines for its oldest unpaid invoice.

`Overdue.claim_window_opens` / `claim_filing_deadline` (the protracted default's filing window: the claims page
lists and sorts by them) and `next_deadline_on` (the next day the claim deadlines job has something to tell,
after `reminded_through`): the job reads only the overdues whose day came, by index, instead of every open
overdue and its invoices each day. `notification_deadline` (a draft's last day to notify in time) and
`unpaid_total` (what is outstanding on its invoices) come from the same facts: the home page's task list and
utilisation chart read them by index (portal.tasks, portal.charts) instead of every overdue's invoices.

Kept by every write that moves them, in its own transaction: declaring, notifying, discarding a draft, adding
invoices, payments, extensions and consents (claims.overdues.services) and every claim transition
(claims.claims.services: a filed claim silences the reminders, a withdrawn or rejected one brings them back).
A waiver of lateness and a buyer merge move no date. `rebuild` recomputes every row (`manage.py
rebuild_claim_deadlines`, after a migration or a change of CLAIM_REMINDER_DAYS); the dates themselves are
computed only in policies.deadlines.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet

from claims.claims.models import Claim
from claims.overdues.models import Invoice, Overdue
from policies.deadlines import UnpaidDue, next_reminder_day, overdue_deadlines, reminder_days
from policies.models import Policy

BATCH_SIZE = 500
STORED = ("claim_window_opens", "claim_filing_deadline", "next_deadline_on", "reminded_through")
# Kept with them (the home page's readers); every column `store` writes, with its SQL type for the bulk UPDATE.
COLUMNS = {**dict.fromkeys(STORED, "date"), "notification_deadline": "date", "unpaid_total": "numeric"}
# Only these states have deadlines to tell: a cleared or claimed overdue stores none.
LIVE_STATES = (Overdue.State.DRAFT, Overdue.State.OPEN)


@dataclass
class OverdueFacts:
    """What the deadlines of an overdue depend on, read as plain values (a batch costs a few queries)."""

    pk: int
    tenant_id: int
    state: str
    notified_on: date | None
    buyer: str
    policy: str
    terms_on: object  # the policy's terms for a day (Policy.terms_on, versions loaded once)
    unpaid: list[UnpaidDue]
    filed: bool  # a claim beyond its draft is open on it: the insured has claimed, nothing to remind
    reminded_through: date | None
    unpaid_total: Decimal = Decimal(0)  # the outstanding of the invoices in `unpaid`


@dataclass(frozen=True)
class DeadlineDates:
    claim_window_opens: date | None
    claim_filing_deadline: date | None
    next_deadline_on: date | None
    reminded_through: date | None
    notification_deadline: date | None = None
    unpaid_total: Decimal | None = None

    def as_fields(self) -> dict:
        return {name: getattr(self, name) for name in COLUMNS}


def dates_of(facts: OverdueFacts, *, reminded_through: date | None) -> DeadlineDates:
    """The stored dates of one overdue, the job having told everything due up to `reminded_through`."""
    deadlines = (overdue_deadlines(terms_on=facts.terms_on, unpaid=facts.unpaid)
                 if facts.state in LIVE_STATES else None)
    if deadlines is None:
        return DeadlineDates(None, None, None, None)
    draft = facts.state == Overdue.State.DRAFT
    following = None
    if draft or not facts.filed:
        days = reminder_days(deadlines=deadlines, notified=not draft, ahead_days=settings.CLAIM_REMINDER_DAYS)
        following = next_reminder_day(days, after=reminded_through)
    return DeadlineDates(deadlines.waiting_period_end, deadlines.claim_filing_deadline, following, reminded_through,
                         deadlines.notification_deadline, facts.unpaid_total)


def read_facts(qs: QuerySet[Overdue], policies: dict[int, Policy]) -> list[OverdueFacts]:
    """`qs`'s overdues (already sliced to a batch) with what their deadlines depend on: five queries whatever the
    batch's size (the overdues, their unpaid invoices, the policies not in `policies` yet and their terms
    versions, the filed claims)."""
    rows = list(qs.values("pk", "tenant_id", "policy_id", "state", "notified_on", "reminded_through",
                          "buyer__legal_name", "policy__number"))
    if not rows:
        return []
    ids = [r["pk"] for r in rows]
    unpaid: dict[int, list] = {}
    totals: dict[int, Decimal] = {}
    for overdue_id, outstanding, *due in (Invoice.objects.filter(overdue_id__in=ids, outstanding__gt=0)
                                          .values_list("overdue_id", "outstanding", "shipment_date", "due_date",
                                                       "extended_due_date", "extension_consented")):
        unpaid.setdefault(overdue_id, []).append(tuple(due))
        totals[overdue_id] = totals.get(overdue_id, Decimal(0)) + outstanding
    missing = {r["policy_id"] for r in rows} - policies.keys()
    if missing:
        policies.update({p.pk: p for p in Policy.objects.filter(pk__in=missing).prefetch_related("terms_versions")})
    filed = set(Claim.objects.filter(overdue_id__in=ids).exclude(state__in=[Claim.State.DRAFT, *Claim.CLOSED_STATES])
                .values_list("overdue_id", flat=True))
    return [OverdueFacts(pk=r["pk"], tenant_id=r["tenant_id"], state=r["state"], notified_on=r["notified_on"],
                         buyer=r["buyer__legal_name"], policy=r["policy__number"],
                         terms_on=policies[r["policy_id"]].terms_on, unpaid=unpaid.get(r["pk"], []),
                         filed=r["pk"] in filed, reminded_through=r["reminded_through"],
                         unpaid_total=totals.get(r["pk"], Decimal(0))) for r in rows]


def batches(qs: QuerySet[Overdue], *, batch_size: int = BATCH_SIZE) -> Iterator[list[OverdueFacts]]:
    """`qs`'s overdues by ascending pk, a batch at a time (keyset on pk: each batch starts where the last ended)."""
    policies: dict[int, Policy] = {}
    last_pk = 0
    while True:
        batch = read_facts(qs.filter(pk__gt=last_pk).order_by("pk")[:batch_size], policies)
        if not batch:
            return
        last_pk = batch[-1].pk
        yield batch


def store(dates: dict[int, DeadlineDates]) -> None:
    """Write the dates of each overdue pk in one query: an UPDATE for one overdue, for a batch one UPDATE ... FROM
    (VALUES ...) on PostgreSQL (Django's bulk_update writes a CASE of every row per column, quadratic in the
    batch), bulk_update elsewhere. Never through save(): the dates are a cache, not history."""
    if len(dates) == 1:
        [(pk, row)] = dates.items()
        Overdue.objects.filter(pk=pk).update(**row.as_fields())
    elif dates and connection.vendor == "postgresql":
        columns = ", ".join(f"{name} = v.{name}" for name in COLUMNS)
        values = ", ".join(["(%s::bigint" + "".join(f", %s::{kind}" for kind in COLUMNS.values()) + ")"] * len(dates))
        params = [value for pk, row in dates.items() for value in (pk, *row.as_fields().values())]
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {Overdue._meta.db_table} AS o SET {columns} FROM (VALUES {values}) "
                           f"AS v(id, {', '.join(COLUMNS)}) WHERE o.id = v.id", params)
    elif dates:
        Overdue.objects.bulk_update([Overdue(pk=pk, **row.as_fields()) for pk, row in dates.items()], list(COLUMNS))


def refresh(*, overdue_ids: Iterable[int]) -> None:
    """After a write that may move an overdue's deadlines (called inside that write's transaction): recompute
    its dates, and let the job look again from the start (`reminded_through` cleared: a reminder already sent
    is not sent twice, its dedup key holds the deadline)."""
    ids = sorted(set(overdue_ids))
    if not ids:
        return
    facts = read_facts(Overdue.objects.filter(pk__in=ids).order_by("pk"), {})
    store({f.pk: dates_of(f, reminded_through=None) for f in facts})


def rebuild(*, batch_size: int = BATCH_SIZE) -> int:
    """Recompute every overdue's dates from its invoices and terms, in batches (a few queries and one UPDATE
    each), keeping how far the job got; overdues without deadlines (cleared, claimed) are cleared in one UPDATE.
    Returns the overdues recomputed."""
    done = 0
    for batch in batches(Overdue.objects.filter(state__in=LIVE_STATES), batch_size=batch_size):
        store({f.pk: dates_of(f, reminded_through=f.reminded_through) for f in batch})
        done += len(batch)
    Overdue.objects.exclude(state__in=LIVE_STATES).exclude(**dict.fromkeys(COLUMNS)).update(
        **DeadlineDates(None, None, None, None).as_fields())
    return done


def due_batches(*, today: date, batch_size: int = BATCH_SIZE) -> Iterator[list[OverdueFacts]]:
    """The overdues whose next deadline is today or passed, read from the partial index on `next_deadline_on`."""
    return batches(Overdue.objects.filter(next_deadline_on__lte=today), batch_size=batch_size)
