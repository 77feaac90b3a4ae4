"""Resolved limit requests created in bulk, and the one summary notification the uploader gets.

Creation goes through `limits.services.request_limit` for every row, so the automatic-decision
matrix and every business check apply exactly as for a single request; a refusal is reported on
the row and the field the user fixes. The rows come from limits.bulk.resolve, whatever their source.
"""

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.exceptions import DomainError
from core.notifications import message, notify
from limits.bulk.rows import (
    AMOUNT,
    MODE_ALL_OR_NOTHING,
    MODES,
    POLICY_NUMBER,
    REFERENCE,
    TERMS_DAYS,
    ImportPreview,
    ImportResult,
    PreviewRow,
    RowError,
)
from limits.models import CreditLimit
from limits.services import request_limit

# The service's error fields, as the fields of a row a user can fix.
_SERVICE_FIELD_COLUMN = {
    "policy": POLICY_NUMBER,
    "amount": AMOUNT,
    "terms_days": TERMS_DAYS,
    "reference": REFERENCE,
}
_SUMMARY_ERRORS_SHOWN = 20


class _RollBack(Exception):
    pass


def _service_error(row: PreviewRow, exc: DomainError) -> RowError:
    column = row.buyer_column if exc.field == "buyer" else _SERVICE_FIELD_COLUMN.get(exc.field)
    return RowError(line=row.line, column=column, message=exc.message)


def import_limit_requests(*, tenant, requested_by, preview: ImportPreview, mode: str,
                          today: date | None = None) -> ImportResult:
    """Create the previewed requests through `request_limit`, row by row, in one transaction.

    all_or_nothing: one bad row (in the preview or refused by the service) and nothing is created.
    valid_rows: the good rows are created, each in its own savepoint; the others are reported.
    """
    if mode not in MODES:
        raise ValueError(f"Unknown import mode {mode!r}")
    result = ImportResult(mode=mode, rows=len(preview.rows), errors=list(preview.errors))
    if preview.file_errors or not preview.rows:
        return result
    if mode == MODE_ALL_OR_NOTHING and result.errors:
        return result
    today = today or timezone.localdate()
    service_errors: list[RowError] = []
    created: list[tuple[CreditLimit, bool]] = []
    try:
        with transaction.atomic():
            for row in preview.valid_rows:
                try:
                    with transaction.atomic():  # one savepoint per row: a refused row leaves the others
                        outcome = request_limit(
                            tenant=tenant, requested_by=requested_by, policy=row.policy, buyer=row.buyer,
                            amount=row.amount, terms_days=row.terms_days, reference=row.reference, today=today,
                            notify_insured=False,  # the import sends one summary, not one notice per row
                        )
                except DomainError as exc:
                    service_errors.append(_service_error(row, exc))
                    continue
                created.append((outcome.limit, outcome.decided))
            if mode == MODE_ALL_OR_NOTHING and service_errors:
                # Every row was tried so that the user sees all that is wrong at once.
                raise _RollBack
    except _RollBack:
        created = []
    result.errors = sorted([*result.errors, *service_errors], key=lambda e: (e.line or 0))
    result.created_limits = [limit for limit, _decided in created]
    result.created = len(created)
    result.decided = sum(1 for _limit, decided in created if decided)
    result.referred = result.created - result.decided
    return result


# The summary


def summary_dedup_key(import_key: str) -> str:
    return f"limits-csv-import:{import_key}"


def notify_import_summary(*, tenant, requested_by, result: ImportResult, import_key: str, filename: str = "") -> None:
    """One notification for the whole file, to the user who uploaded it."""
    names = {"file": filename[:80] or "CSV", "created": result.created, "errors": result.rows_with_errors}
    code = "limits.csv_import.nothing_created" if result.rolled_back else "limits.csv_import.created"
    subject = message(code, **names)
    lines = [subject, message("limits.csv_import.counts", rows=result.rows, decided=result.decided,
                              referred=result.referred)]
    for error in result.errors[:_SUMMARY_ERRORS_SHOWN]:
        # The row's message was written in the uploader's language when the file was read.
        lines.append(message("limits.csv_import.row_error", line=error.line or "—", column=error.column or "—",
                             message=str(error.message)))
    if len(result.errors) > _SUMMARY_ERRORS_SHOWN:
        lines.append(message("limits.csv_import.more_errors", count=len(result.errors) - _SUMMARY_ERRORS_SHOWN))
    notify(
        tenant=tenant, event="limits.csv_import", dedup_key=summary_dedup_key(import_key), subject=subject,
        body=lines, link=reverse("limits:list"), recipient=requested_by,
    )


@transaction.atomic
def import_and_notify(*, tenant, requested_by, preview: ImportPreview, mode: str, import_key: str,
                      filename: str = "", today: date | None = None) -> ImportResult:
    """Import and announce it in one transaction: the summary exists if and only if the import happened."""
    result = import_limit_requests(tenant=tenant, requested_by=requested_by, preview=preview, mode=mode, today=today)
    notify_import_summary(tenant=tenant, requested_by=requested_by, result=result, import_key=import_key,
                          filename=filename)
    return result
