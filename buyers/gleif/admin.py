"""GLEIF imports in the admin: upload a golden copy (*Import from GLEIF*), follow its job (HTMX polling, as the
buyer import's page does), download its issues (invalid LEIs and conflicts, with their lines). Underwriters
only (add/view GLEIF import). The pages themselves: core.imports.admin."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy

from buyers.gleif import jobs
from buyers.gleif.models import GleifImportJob
from buyers.gleif.records import REQUIRED, SPELLED
from buyers.gleif.selectors import gleif_import_issues, gleif_import_job, job_progress
from core.imports.admin import ImportJobAdmin


class GleifUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Golden copy (CSV or .zip)"))
    dry_run = forms.BooleanField(label=gettext_lazy("Dry run: count what would change, write nothing"),
                                 required=False)


@admin.register(GleifImportJob)
class GleifImportJobAdmin(ImportJobAdmin):
    list_display = ("__str__", "progress_link", "dry_run", "rows_total", "buyers_updated", "leis_added",
                    "invalid_leis", "conflicts", "unmatched", "requested_by", "created_at")
    list_filter = ("state", "dry_run")
    upload_form = GleifUploadForm
    upload_title, progress_title = gettext_lazy("Import from GLEIF"), gettext_lazy("GLEIF import")
    problems = "issues"

    def start(self, *, request, form, upload):
        return jobs.start_gleif_import(requested_by=request.user, file=upload, dry_run=form.cleaned_data["dry_run"],
                                       filename=getattr(upload, "name", "") or "")

    def columns(self) -> str:
        return ", ".join(SPELLED[name] for name in REQUIRED)

    def read_job(self, *, pk):
        return gleif_import_job(pk=pk)

    def read_progress(self, *, job):
        return job_progress(job=job)

    def problem_rows(self, *, job):
        return gleif_import_issues(job=job)

    def problems_filename(self, job) -> str:
        return f"kredo-gleif-import-{job.pk}-issues.csv"
