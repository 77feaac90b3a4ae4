"""The exposure summary: per (tenant, buyer, currency), the decided amounts of the limits in force and how many.

Exposure is the sum of decided amounts of the limits whose state is in force (`limits.exposure`); a large
insured holds 100,000 of them, so the dashboard and the insurer's exposure page read this summary instead of
summing every limit per request. Being in force does not depend on the day asked: a reduction lowers
`decided_amount` when it is decided (its effective date only dates its cover, `cover_in_force`), an expiry
changes the state when the review job runs. So the summary changes exactly when a limit's state or decided
amount does, and every service that changes them calls `add_limits` / `remove_limits` / `change_amount` in
its own transaction:

  limits.services.decisions   a decision in force, the limit it supersedes
  limits.services.reductions  a reduction (the difference), a withdrawal
  limits.services.discretionary  a discretionary limit
  limits.review               the expiries, one statement per batch
  limits.receivers            a buyer merge (the rows move to the surviving buyer), a buyer's country, grade
                              or sector changing (copied onto its rows: the groupings read them here)
  limits.bulk.writer          an import batch, one statement per batch

Each change is one `INSERT ... ON CONFLICT DO UPDATE SET amount = amount + delta` per batch of keys, so two
decisions on one buyer at once add up (the row lock orders them) and the UNIQUE key keeps one row per key.
Rows left with no limit are deleted. `rebuild_exposure_summary` recomputes it from the limits.
"""

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.db import connection, models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from core.amounts import DECIMAL_PLACES, MAX_DIGITS
from core.tenancy import TenantOwned

NO_SECTOR = ""


class ExposureSummary(TenantOwned):
    """One (tenant, buyer, currency): the amount of the tenant's limits in force on the buyer in that currency.

    The buyer's country, grade and NACE division are copied here so that the groupings read one table.
    """

    # Indexed by exposure_summary_buyer_idx (a buyer's rows: its exposure, a merge, its grade changing).
    buyer = models.ForeignKey("buyers.Buyer", on_delete=models.PROTECT, related_name="+", db_index=False)
    currency = models.CharField(max_length=3)
    # A sum of money columns (core.amounts): their places, two more digits.
    amount = models.DecimalField(max_digits=MAX_DIGITS + 2, decimal_places=DECIMAL_PLACES)
    limits = models.PositiveIntegerField()
    country = models.CharField(max_length=2)
    grade = models.PositiveSmallIntegerField(null=True, blank=True)
    sector = models.CharField(max_length=2, blank=True)  # the NACE division: "28.41" -> "28"

    class Meta:
        verbose_name = _("exposure summary")
        verbose_name_plural = _("exposure summaries")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "buyer", "currency"], name="exposure_summary_key"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="exposure_summary_amount_not_negative"),
        ]
        indexes = [
            # The dashboard's largest buyers per currency: ten index entries, not a sort of every buyer.
            models.Index(fields=["tenant", "currency", "-amount"], name="exposure_summary_top_idx"),
            # The insurer's exposure per buyer sums every row grouped by buyer: read from this index alone
            # (EXPLAIN at 78,000 rows: 245 ms through the heap, 130 ms index-only; PostgreSQL only).
            models.Index(fields=["buyer"], include=["currency", "amount", "limits", "tenant"],
                         name="exposure_summary_buyer_idx"),
        ]

    def __str__(self):
        return f"{self.tenant_id}/{self.buyer_id}: {self.amount} {self.currency} ({self.limits})"


Key = tuple[int, int, str]  # (tenant_id, buyer_id, currency)


def _table() -> str:
    return connection.ops.quote_name(ExposureSummary._meta.db_table)


def _buyers_table() -> str:
    from buyers.models import Buyer

    return connection.ops.quote_name(Buyer._meta.db_table)


def apply_deltas(deltas: dict[Key, tuple[Decimal, int]]) -> None:
    """Add each (amount, limits) delta to its key's row; drop rows left without limits. At most three statements
    whatever the number of keys: an upsert of the additions, an update of the rest, a delete."""
    rows = sorted((key, delta) for key, delta in deltas.items() if delta[0] or delta[1])
    # A delta with a negative part removes a limit that was in force, so its row exists: an UPDATE (the
    # upsert's candidate row would fail the CHECKs before its conflict is seen).
    additions = [row for row in rows if row[1][0] >= 0 and row[1][1] >= 0]
    changes = [row for row in rows if not (row[1][0] >= 0 and row[1][1] >= 0)]
    table = _table()
    # ROUND: exact on PostgreSQL (numeric) already; SQLite adds decimals as floats (1333.33 - 888.89).
    with connection.cursor() as cursor:
        # Sorted keys: two transactions touching the same rows lock them in the same order (no deadlock).
        if additions:
            values, params = _values(additions)
            # `WHERE true`: SQLite's upsert needs it after a SELECT with a join.
            cursor.execute(
                f"WITH d (tenant_id, buyer_id, currency, amount, limits) AS (VALUES {values}) "
                f"INSERT INTO {table} (tenant_id, buyer_id, currency, amount, limits, country, grade, sector) "
                f"SELECT d.tenant_id, d.buyer_id, d.currency, d.amount, d.limits, b.country, b.grade, "
                f"SUBSTR(b.sector_nace, 1, 2) FROM d JOIN {_buyers_table()} b ON b.id = d.buyer_id WHERE true "
                f"ON CONFLICT (tenant_id, buyer_id, currency) DO UPDATE SET "
                f"amount = ROUND({table}.amount + excluded.amount, 2), limits = {table}.limits + excluded.limits", params)
        if changes:
            values, params = _values(changes)
            cursor.execute(
                f"WITH d (tenant_id, buyer_id, currency, amount, limits) AS (VALUES {values}) "
                f"UPDATE {table} SET amount = ROUND({table}.amount + d.amount, 2), limits = {table}.limits + d.limits "
                f"FROM d WHERE {table}.tenant_id = d.tenant_id AND {table}.buyer_id = d.buyer_id "
                f"AND {table}.currency = d.currency", params)
    if any(n < 0 for _key, (_amount, n) in rows):
        with scopes_disabled():
            ExposureSummary.objects.filter(limits=0, buyer_id__in={key[1] for key, _delta in rows}).delete()


def _values(rows) -> tuple[str, list]:
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    params = [p for (tenant_id, buyer_id, currency), (amount, n) in rows
              for p in (tenant_id, buyer_id, currency, Decimal(amount), n)]
    return values, params


def _deltas(limits: Iterable, sign: int) -> dict[Key, tuple[Decimal, int]]:
    deltas: dict[Key, list] = defaultdict(lambda: [Decimal(0), 0])
    for limit in limits:
        delta = deltas[(limit.tenant_id, limit.buyer_id, limit.currency)]
        delta[0] += sign * (limit.decided_amount or Decimal(0))
        delta[1] += sign
    return {key: (amount, n) for key, (amount, n) in deltas.items()}


def _merged(*parts: dict[Key, tuple[Decimal, int]]) -> dict[Key, tuple[Decimal, int]]:
    total: dict[Key, tuple[Decimal, int]] = {}
    for part in parts:
        for key, (amount, n) in part.items():
            before = total.get(key, (Decimal(0), 0))
            total[key] = (before[0] + amount, before[1] + n)
    return total


def record_changes(*, added: Iterable = (), removed: Iterable = ()) -> None:
    """Limits that came into force (`added`, at their decided amount) and left it (`removed`, at the decided
    amount they were in force for): one statement for the lot."""
    apply_deltas(_merged(_deltas(added, +1), _deltas(removed, -1)))


def change_amount(limit, *, old_amount: Decimal) -> None:
    """A limit in force whose decided amount changed from `old_amount` (a reduction)."""
    apply_deltas({(limit.tenant_id, limit.buyer_id, limit.currency): (limit.decided_amount - old_amount, 0)})


def move_buyer(*, source_id: int, target_id: int) -> None:
    """A merge: the merged-away buyer's rows added to the survivor's (with its country, grade, sector)."""
    with scopes_disabled():
        rows = list(ExposureSummary.objects.filter(buyer_id=source_id).values_list("tenant_id", "currency", "amount",
                                                                                  "limits"))
        if not rows:
            return
        ExposureSummary.objects.filter(buyer_id=source_id).delete()
    apply_deltas({(tenant_id, target_id, currency): (amount, n) for tenant_id, currency, amount, n in rows})


def copy_buyer_attributes(buyer) -> None:
    """The buyer's country, grade or sector changed: its rows follow (one UPDATE; none if it has none)."""
    with scopes_disabled():
        ExposureSummary.objects.filter(buyer_id=buyer.pk).exclude(
            country=str(buyer.country), grade=buyer.grade, sector=(buyer.sector_nace or "")[:2]).update(
            country=str(buyer.country), grade=buyer.grade, sector=(buyer.sector_nace or "")[:2])


def rebuild(conn=None) -> int:
    """Recompute the summary from the limits in force: one DELETE and one INSERT ... SELECT. Returns its rows.

    `conn`: the connection to run on (the data migration passes its schema editor's)."""
    conn = conn or connection
    quote = conn.ops.quote_name
    # The tables by name, not the models: the data migration runs this on its historical schema.
    table, limits, buyers = quote("limits_exposuresummary"), quote("limits_creditlimit"), quote("buyers_buyer")
    with conn.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")
        cursor.execute(
            f"INSERT INTO {table} (tenant_id, buyer_id, currency, amount, limits, country, grade, sector) "
            f"SELECT l.tenant_id, l.buyer_id, l.currency, SUM(l.decided_amount), COUNT(*), b.country, b.grade, "
            f"SUBSTR(b.sector_nace, 1, 2) FROM {limits} l JOIN {buyers} b ON b.id = l.buyer_id "
            f"WHERE l.state = %s GROUP BY l.tenant_id, l.buyer_id, l.currency, b.country, b.grade, b.sector_nace",
            ["in_force"])
        cursor.execute(f"SELECT COUNT(*) FROM {table}")
        return cursor.fetchone()[0]


def recomputed() -> dict[Key, tuple[Decimal, int, str, int | None, str]]:
    """What the summary should hold, computed from the limits (for the rebuild's check and the tests)."""
    from django.db.models import Count, Sum
    from django.db.models.functions import Substr

    from limits.models import CreditLimit

    with scopes_disabled():
        return {
            (r["tenant_id"], r["buyer_id"], r["currency"]): (r["amount"], r["n"], r["buyer__country"],
                                                             r["buyer__grade"], r["sector"] or NO_SECTOR)
            for r in CreditLimit.objects.filter(state=CreditLimit.State.IN_FORCE).order_by()
            .values("tenant_id", "buyer_id", "currency", "buyer__country", "buyer__grade",
                    sector=Substr("buyer__sector_nace", 1, 2))
            .annotate(amount=Sum("decided_amount"), n=Count("pk"))
        }


def stored() -> dict[Key, tuple[Decimal, int, str, int | None, str]]:
    with scopes_disabled():
        return {(r.tenant_id, r.buyer_id, r.currency): (r.amount, r.limits, r.country, r.grade, r.sector)
                for r in ExposureSummary.objects.all()}
