"""A large CSV import of limit requests as a job: its stored file, its progress and its row errors.

The worker (limits.bulk.runner) commits one batch of rows at a time together with the job's counters, so
the progress page reads committed figures and a job killed mid-way resumes after its last committed batch
(`batches_done`).
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.tenancy import TenantOwned


def _import_file_path(instance, filename: str) -> str:
    # Never the uploaded name in the path: a random name, the original kept in `filename`.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"imports/limits/{instance.tenant_id}/{uuid.uuid4().hex}{suffix}"


class LimitImportJob(TenantOwned):
    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Refused")  # the file as a whole could not be read: nothing created

    class Mode(models.TextChoices):
        ALL_OR_NOTHING = "all_or_nothing", _("Create only if every row is valid")
        VALID_ROWS = "valid_rows", _("Create the valid rows, report the others")

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(_("file"), upload_to=_import_file_path, max_length=255)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    rows_total = models.PositiveIntegerField(_("rows in the file"), null=True, blank=True)  # known once read
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    # All or nothing: every batch was resolved without an error, so writing may start.
    checked = models.BooleanField(default=False)
    batches_done = models.PositiveIntegerField(default=0)  # the resume point: batches committed
    created = models.PositiveIntegerField(_("requests created"), default=0)
    decided = models.PositiveIntegerField(_("decided at once"), default=0)
    referred = models.PositiveIntegerField(_("waiting for an underwriter"), default=0)
    rows_with_errors = models.PositiveIntegerField(_("rows with errors"), default=0)
    file_error = models.TextField(_("problem with the file"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)  # the worker's heartbeat: a stalled job is re-queued
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

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

    def __str__(self):
        return f"{self.filename or self.pk} ({self.state})"

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)


class LimitImportError(TenantOwned):
    """One problem on one line of an imported file (or with the file, line empty), in the uploader's words."""

    job = models.ForeignKey(LimitImportJob, on_delete=models.CASCADE, related_name="errors")
    line = models.PositiveIntegerField(null=True, blank=True)
    column = models.CharField(max_length=60, blank=True)
    message = models.TextField()

    class Meta:
        ordering = ["line", "pk"]
        verbose_name = _("limit import error")
        verbose_name_plural = _("limit import errors")
        indexes = [models.Index(fields=["job", "line"], name="limit_import_error_line_idx")]
