"""The tenant's credit limits as CSV lines, streamed: the download on the limits page."""

import csv
from collections.abc import Iterable, Iterator

from moneyed import Money

from core.csvcell import csv_cell
from core.tenancy import tenant_scope
from limits.selectors import limits_for_tenant

EXPORT_COLUMNS = (
    "id", "reference", "policy_number", "buyer_name", "buyer_country", "buyer_registration_number", "state",
    "currency", "requested_amount", "requested_terms_days", "decided_amount", "decided_terms_days",
    "is_discretionary", "expiry_date", "review_date", "decided_at",
)
def _money_or_none(amount, currency: str) -> Money | None:
    # At the currency's minor unit like every amount Kredo writes: "50000" for JPY, "50000.00" for EUR.
    return None if amount is None else Money(amount, currency)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _limit_lines(*, tenant, state: str | None) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(EXPORT_COLUMNS)
    limits = limits_for_tenant(tenant=tenant, state=state).select_related("policy", "buyer").order_by("pk")
    for limit in limits.iterator(chunk_size=2000):
        yield writer.writerow([csv_cell(value) for value in (
            limit.pk, limit.reference, limit.policy.number, limit.buyer.legal_name, limit.buyer.country.code,
            limit.buyer.registration_number, limit.state, limit.currency, Money(limit.requested_amount, limit.currency),
            limit.requested_terms_days, _money_or_none(limit.decided_amount, limit.currency), limit.decided_terms_days, limit.is_discretionary,
            limit.expiry_date, limit.review_date, limit.decided_at,
        )])


def _in_tenant_scope(tenant, lines: Iterable[str]) -> Iterator[str]:
    """Produce each line inside the tenant's scope.

    A streamed response is consumed after the middleware has left the request's
    scope, so the generator enters it itself, only while it reads the database,
    never while the server writes a line out.
    """
    iterator = iter(lines)
    while True:
        with tenant_scope(tenant):
            try:
                line = next(iterator)
            except StopIteration:
                return
        yield line


def export_limits_csv(*, tenant, state: str | None = None) -> Iterator[str]:
    """The tenant's limits as CSV lines (header first), read in chunks in one query.

    Amounts are plain decimal strings ('50000.00'); text cells a spreadsheet
    would run as a formula are prefixed with a single quote.
    """
    return _in_tenant_scope(tenant, _limit_lines(tenant=tenant, state=state))
