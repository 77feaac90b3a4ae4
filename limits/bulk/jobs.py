"""CSV imports of limit requests as jobs: a small file imported at once, a large one queued for a worker.

A small file is imported in the upload's request; a large one travels in an outbox message (written
with the upload's transaction) and a worker imports it. Either way the file is decoded and resolved
by `parse_limit_requests` and imported by limits.bulk.importer, and the uploader gets one summary for
the whole file, never one notice per row.
"""

import uuid
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Tenant
from core import outbox
from core.models import Notification
from limits.bulk.csv_decode import parse_limit_requests, read_bytes
from limits.bulk.importer import import_and_notify, import_limit_requests, summary_dedup_key
from limits.bulk.rows import MODE_ALL_OR_NOTHING, MODES, ImportPreview, ImportResult, RowError

# Above this many rows the browser request would wait too long: a worker imports the file
# (settings.LIMITS_CSV_SYNC_MAX_ROWS overrides it).
SYNC_MAX_ROWS = 200
# The outbox handler's name (limits.tasks): queued messages carry it, so it never changes.
QUEUED_IMPORT_TASK = "limits.import_limit_requests_csv"
# The file travels in the outbox payload (JSON in the database, written with the upload's
# transaction); csv_decode.MAX_BYTES already keeps it far below this.
MAX_QUEUED_BYTES = 5 * 1024 * 1024


def sync_max_rows() -> int:
    return getattr(settings, "LIMITS_CSV_SYNC_MAX_ROWS", SYNC_MAX_ROWS)


@dataclass(frozen=True)
class ImportStart:
    result: ImportResult | None = None  # imported now, or refused before any write
    queued_rows: int = 0  # more than zero: a worker imports them and notifies the user


def start_import(*, tenant, requested_by, file, mode: str, filename: str = "",
                 today: date | None = None) -> ImportStart:
    """Import a small file at once; queue a large one for a worker (outbox), the file in the payload."""
    if mode not in MODES:
        raise ValueError(f"Unknown import mode {mode!r}")
    raw, error = read_bytes(file)
    preview = ImportPreview(file_errors=[error]) if error else parse_limit_requests(tenant=tenant, file=raw, today=today)
    if preview.file_errors or not preview.rows or (mode == MODE_ALL_OR_NOTHING and preview.has_errors):
        # Refused before any write, whatever the size: the page shows why at once, nothing to announce.
        return ImportStart(result=import_limit_requests(
            tenant=tenant, requested_by=requested_by, preview=preview, mode=mode, today=today
        ))
    import_key = uuid.uuid4().hex
    if len(preview.rows) <= sync_max_rows():
        return ImportStart(result=import_and_notify(
            tenant=tenant, requested_by=requested_by, preview=preview, mode=mode, import_key=import_key,
            filename=filename, today=today,
        ))
    if len(raw) > MAX_QUEUED_BYTES:  # the payload's own cap, should MAX_BYTES ever grow past it
        return ImportStart(result=ImportResult(mode=mode, rows=len(preview.rows), errors=[RowError(
            line=None, column=None, message=_("The file is larger than %(size)s MB: split it into smaller files.")
            % {"size": MAX_QUEUED_BYTES // (1024 * 1024)},
        )]))
    with transaction.atomic():
        outbox.enqueue(task_name=QUEUED_IMPORT_TASK, payload={
            "tenant_id": tenant.pk, "requested_by_id": requested_by.pk, "mode": mode, "import_key": import_key,
            "filename": filename[:200], "csv_text": raw.decode("utf-8-sig"),
        })
    return ImportStart(queued_rows=len(preview.rows))


def run_queued_import(*, tenant, requested_by, csv_text: str, mode: str, import_key: str,
                      filename: str = "") -> ImportResult | None:
    """The worker's side of `start_import`. None when this import already ran (its summary exists).

    The file is read again: policies, buyers and references may have changed since the upload.
    """
    with transaction.atomic():
        # Two runs of one import wait for each other here, so the second finds the first's summary.
        Tenant.objects.select_for_update().filter(pk=tenant.pk).first()
        if Notification.objects.filter(tenant=tenant, dedup_key=summary_dedup_key(import_key)).exists():
            return None
        preview = parse_limit_requests(tenant=tenant, file=csv_text)
        return import_and_notify(tenant=tenant, requested_by=requested_by, preview=preview, mode=mode,
                                 import_key=import_key, filename=filename)
