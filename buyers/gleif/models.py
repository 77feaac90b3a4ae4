"""A GLEIF golden-copy upload as an import job (the insurer's, no tenant's) and the lines it reports: invalid
LEIs and conflicts. The shared job fields (core.imports.models) plus what a golden copy's run counts, so the
admin's page and the insurer API show the command's figures while it runs and once it ends."""

import uuid
from pathlib import PurePath

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.imports.models import ImportJob, ImportRowError


def _gleif_file_path(instance, filename: str) -> str:
    # Never the uploaded name in the path: a random name, the original kept in `filename`.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"imports/gleif/{uuid.uuid4().hex}{suffix}"


class GleifImportJob(ImportJob):
    file = models.FileField(_("file"), upload_to=_gleif_file_path, max_length=255)
    # Count what would change, write nothing: the command's --dry-run.
    dry_run = models.BooleanField(_("dry run"), default=False)
    buyers_updated = models.PositiveIntegerField(_("buyers updated"), default=0)
    names_updated = models.PositiveIntegerField(_("legal names updated"), default=0)
    statuses_updated = models.PositiveIntegerField(_("LEI statuses updated"), default=0)
    leis_added = models.PositiveIntegerField(_("LEIs added"), default=0)
    invalid_leis = models.PositiveIntegerField(_("invalid LEIs skipped"), default=0)
    conflicts = models.PositiveIntegerField(_("conflicts skipped"), default=0)
    unmatched = models.PositiveIntegerField(_("records matching no buyer"), default=0)
    lapsed_on_buyers = models.PositiveIntegerField(_("matched buyers with a lapsed LEI or an inactive entity"),
                                                   default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("GLEIF import")
        verbose_name_plural = _("GLEIF imports")
        indexes = [models.Index(fields=["state", "updated_at"], name="gleif_import_stalled_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=["queued", "running", "done", "failed"]),
                                   name="gleif_import_state_valid"),
            # A golden copy never is all or nothing: each record stands on its own.
            models.CheckConstraint(condition=Q(mode="valid_rows"), name="gleif_import_mode_valid"),
            models.CheckConstraint(condition=Q(rows_total__isnull=True) | Q(rows_done__lte=F("rows_total")),
                                   name="gleif_import_done_within_total"),
        ]


class GleifImportIssue(ImportRowError):
    """A record skipped: its LEI's check digits are wrong, or the LEI was not added (a conflict)."""

    job = models.ForeignKey(GleifImportJob, on_delete=models.CASCADE, related_name="errors")

    class Meta(ImportRowError.Meta):
        verbose_name = _("GLEIF import issue")
        verbose_name_plural = _("GLEIF import issues")
        indexes = [models.Index(fields=["job", "line"], name="gleif_import_issue_line_idx")]
