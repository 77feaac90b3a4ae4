"""A buyer import as a job (the insurer's, no tenant's) and its row errors; fields shared with every import
job (core.imports.models)."""

import uuid
from pathlib import PurePath

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.imports.models import ImportJob, ImportRowError


def _import_file_path(instance, filename: str) -> str:
    # Never the uploaded name in the path: a random name, the original kept in `filename`.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"imports/buyers/{uuid.uuid4().hex}{suffix}"


class BuyerImportJob(ImportJob):
    file = models.FileField(_("file"), upload_to=_import_file_path, max_length=255)
    created = models.PositiveIntegerField(_("buyers created"), default=0)
    updated = models.PositiveIntegerField(_("existing buyers updated"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("buyer import")
        verbose_name_plural = _("buyer imports")
        indexes = [models.Index(fields=["state", "updated_at"], name="buyer_import_stalled_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=["queued", "running", "done", "failed"]),
                                   name="buyer_import_state_valid"),
            models.CheckConstraint(condition=Q(mode__in=["all_or_nothing", "valid_rows"]),
                                   name="buyer_import_mode_valid"),
            models.CheckConstraint(condition=Q(rows_total__isnull=True) | Q(rows_done__lte=F("rows_total")),
                                   name="buyer_import_done_within_total"),
        ]


class BuyerImportError(ImportRowError):
    job = models.ForeignKey(BuyerImportJob, on_delete=models.CASCADE, related_name="errors")

    class Meta(ImportRowError.Meta):
        verbose_name = _("buyer import error")
        verbose_name_plural = _("buyer import errors")
        indexes = [models.Index(fields=["job", "line"], name="buyer_import_error_line_idx")]
