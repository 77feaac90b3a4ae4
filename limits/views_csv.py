"""Limit requests in bulk from a CSV file, and the tenant's limits as a CSV download.

Thin: every check is in limits.bulk (rows resolved by limits.bulk.resolve, created by
limits.services.request_limit per row); limits.bulk.jobs decides between importing now and queuing,
limits.bulk.csv_export writes the download.
"""

from django import forms
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.views import View

from accounts.mixins import TenantMemberRequiredMixin
from core.forms import state_filter
from core.replica import replica_lines
from limits.bulk import csv_export, jobs
from limits.bulk.csv_errors import error_lines
from limits.bulk.job_models import LimitImportJob
from limits.bulk.rows import KNOWN_COLUMNS, MODE_ALL_OR_NOTHING, MODE_VALID_ROWS
from limits.bulk.selectors import import_job, job_progress
from limits.bulk.stream import MAX_JOB_ROWS, max_job_bytes
from limits.models import CreditLimit


class LimitCsvImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))
    mode = forms.ChoiceField(
        label=_("If some rows are wrong"),
        choices=[
            (MODE_ALL_OR_NOTHING, _("Create only if every row is valid")),
            (MODE_VALID_ROWS, _("Create the valid rows, report the others")),
        ],
        initial=MODE_ALL_OR_NOTHING,
        widget=forms.RadioSelect,
    )


class LimitCsvImportView(TenantMemberRequiredMixin, View):
    required_permission = "limits.request_limit"
    template_name = "limits/csv_import.html"

    def _render(self, form, result=None, status=200):
        context = {
            "form": form,
            "result": result,
            "columns": KNOWN_COLUMNS,
            "max_rows": number_format(MAX_JOB_ROWS, force_grouping=True),
            "max_megabytes": max_job_bytes() // (1024 * 1024),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request):
        return self._render(LimitCsvImportForm())

    def post(self, request):
        form = LimitCsvImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render(form, status=400)
        upload = form.cleaned_data["file"]
        started = jobs.start_import(
            tenant=self.tenant, requested_by=request.user, file=upload, mode=form.cleaned_data["mode"],
            filename=getattr(upload, "name", "") or "",
        )
        if started.job is not None:  # a worker imports it: its page shows the progress
            return redirect("limits:import-job", pk=started.job.pk)
        # A fresh form: uploading the corrected (or next) file is the next step.
        fresh = LimitCsvImportForm(initial={"mode": form.cleaned_data["mode"]})
        return self._render(fresh, result=started.result)


class LimitCsvExportView(TenantMemberRequiredMixin, View):
    required_permission = "limits.view_creditlimit"

    def get(self, request):
        state = state_filter(request, CreditLimit.State.values)  # as on the list page
        # Consumed after the middleware left the tenant's scope: export_limits_csv enters it itself. A report:
        # read from the replica when there is one (core.replica).
        lines = replica_lines(csv_export.export_limits_csv(tenant=self.tenant, state=state))
        response = StreamingHttpResponse(_with_bom(lines), content_type="text/csv; charset=utf-8")
        filename = f"kredo-limits-{timezone.localdate().isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class LimitImportJobView(TenantMemberRequiredMixin, View):
    """A background import's progress; with HTMX the counts alone, asked again every two seconds until done."""

    required_permission = "limits.request_limit"

    def get(self, request, pk):
        try:
            job = import_job(tenant=self.tenant, pk=pk)
        except LimitImportJob.DoesNotExist as exc:
            raise Http404 from exc
        template = "limits/_import_progress.html" if request.htmx else "limits/import_job.html"
        return render(request, template, {"progress": job_progress(job=job)})


class LimitImportErrorsView(TenantMemberRequiredMixin, View):
    required_permission = "limits.request_limit"

    def get(self, request, pk):
        try:
            job = import_job(tenant=self.tenant, pk=pk)
        except LimitImportJob.DoesNotExist as exc:
            raise Http404 from exc
        response = StreamingHttpResponse(error_lines(job=job), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="kredo-limit-import-{job.pk}-errors.csv"'
        return response


def _with_bom(lines):
    # Spreadsheets read a UTF-8 file as UTF-8 (accents, Chinese names) only with a BOM; the import accepts it.
    yield "\ufeff"
    yield from lines
