"""The abstract models of a background import: a job (its stored file, state, counters, resume point) and
one problem on one line of its file. Concrete jobs add their own counters, indexes and constraints."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Refused")  # the file as a whole could not be read: nothing created

    class Mode(models.TextChoices):
        ALL_OR_NOTHING = "all_or_nothing", _("Create only if every row is valid")
        VALID_ROWS = "valid_rows", _("Create the valid rows, report the others")

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(_("file"), max_length=255)  # each job names its folder (upload_to)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    rows_total = models.PositiveIntegerField(_("rows in the file"), null=True, blank=True)  # known once read
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    # All or nothing: every batch was resolved without an error, so writing may start.
    checked = models.BooleanField(default=False)
    batches_done = models.PositiveIntegerField(default=0)  # the resume point: batches committed
    rows_with_errors = models.PositiveIntegerField(_("rows with errors"), default=0)
    file_error = models.TextField(_("problem with the file"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)  # the worker's heartbeat: a stalled job is re-queued
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.filename or self.pk} ({self.state})"

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)


class ImportRowError(models.Model):
    """One problem on one line of an imported file (or with the file, line empty), in the uploader's words.
    The concrete model adds `job` (a foreign key named so, related_name "errors")."""

    line = models.PositiveIntegerField(null=True, blank=True)
    column = models.CharField(max_length=60, blank=True)
    message = models.TextField()

    class Meta:
        abstract = True
        ordering = ["line", "pk"]
