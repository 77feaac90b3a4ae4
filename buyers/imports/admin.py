"""Buyer imports in the admin: upload a file (*Import buyers from CSV*), follow its job (HTMX polling, as
the limit import page does), download its row errors. Underwriters only (add/view buyer import). The pages
themselves: core.imports.admin."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy

from buyers.imports import jobs
from buyers.imports.models import BuyerImportJob
from buyers.imports.rows import COLUMNS
from buyers.imports.selectors import buyer_import_errors, buyer_import_job, job_progress
from core.imports.admin import ImportJobAdmin


class BuyerUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file"))
    mode = forms.ChoiceField(label=gettext_lazy("mode"), choices=BuyerImportJob.Mode.choices,
                             initial=BuyerImportJob.Mode.VALID_ROWS)


@admin.register(BuyerImportJob)
class BuyerImportJobAdmin(ImportJobAdmin):
    list_display = ("__str__", "progress_link", "rows_total", "rows_done", "created", "updated", "rows_with_errors",
                    "requested_by", "created_at")
    list_filter = ("state",)
    upload_form = BuyerUploadForm
    upload_title, progress_title = gettext_lazy("Import buyers from CSV"), gettext_lazy("Buyer import")
    problems = "errors"

    def start(self, *, request, form, upload):
        return jobs.start_buyer_import(requested_by=request.user, file=upload, mode=form.cleaned_data["mode"],
                                       filename=getattr(upload, "name", "") or "")

    def columns(self) -> str:
        return ", ".join(COLUMNS)

    def read_job(self, *, pk):
        return buyer_import_job(pk=pk)

    def read_progress(self, *, job):
        return job_progress(job=job)

    def problem_rows(self, *, job):
        return buyer_import_errors(job=job)

    def problems_filename(self, job) -> str:
        return f"kredo-buyer-import-{job.pk}-errors.csv"
