"""A large CSV import of limit requests as a job: its stored file, its progress and its row errors.

The job's fields are every import's (core.imports.models); a limit import adds what it created. The worker
(limits.bulk.runner) commits one batch of rows at a time together with the job's counters, so
the progress page reads committed figures and a job killed mid-way resumes after its last committed batch
(`batches_done`).
"""

import uuid
from pathlib import PurePath

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.imports.models import ImportJob, ImportRowError
from core.tenancy import TenantOwned


def _import_file_path(instance, filename: str) -> str:
    # Never the uploaded name in the path: a random name, the original kept in `filename`.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"imports/limits/{instance.tenant_id}/{uuid.uuid4().hex}{suffix}"


class LimitImportJob(TenantOwned, ImportJob):
    file = models.FileField(_("file"), upload_to=_import_file_path, max_length=255)
    created = models.PositiveIntegerField(_("requests created"), default=0)
    decided = models.PositiveIntegerField(_("decided at once"), default=0)
    referred = models.PositiveIntegerField(_("waiting for an underwriter"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("limit import")
        verbose_name_plural = _("limit imports")
        indexes = [
            models.Index(fields=["tenant", "-created_at", "-id"], name="limit_import_newest_idx"),
            models.Index(fields=["state", "updated_at"], name="limit_import_stalled_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=["queued", "running", "done", "failed"]),
                                   name="limit_import_state_valid"),
            models.CheckConstraint(condition=Q(mode__in=["all_or_nothing", "valid_rows"]),
                                   name="limit_import_mode_valid"),
            models.CheckConstraint(condition=Q(rows_total__isnull=True) | Q(rows_done__lte=F("rows_total")),
                                   name="limit_import_done_within_total"),
            models.CheckConstraint(condition=Q(created=F("decided") + F("referred")),
                                   name="limit_import_created_decided_or_referred"),
        ]


class LimitImportError(TenantOwned, ImportRowError):
    job = models.ForeignKey(LimitImportJob, on_delete=models.CASCADE, related_name="errors")

    class Meta:
        ordering = ["line", "pk"]
        verbose_name = _("limit import error")
        verbose_name_plural = _("limit import errors")
        indexes = [models.Index(fields=["job", "line"], name="limit_import_error_line_idx")]
