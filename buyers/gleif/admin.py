"""GLEIF imports in the admin: upload a golden copy (*Import from GLEIF*), follow its job (HTMX polling, as the
buyer import's page does), download its issues (invalid LEIs and conflicts, with their lines). Underwriters
only (add/view GLEIF import)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buyers.gleif import jobs
from buyers.gleif.models import GleifImportJob
from buyers.gleif.records import REQUIRED, SPELLED
from buyers.gleif.selectors import gleif_import_issues, gleif_import_job, job_progress
from core.imports.csv_errors import error_lines


class GleifUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Golden copy (CSV or .zip)"))
    dry_run = forms.BooleanField(label=gettext_lazy("Dry run: count what would change, write nothing"),
                                 required=False)


@admin.register(GleifImportJob)
class GleifImportJobAdmin(admin.ModelAdmin):
    list_display = ("__str__", "progress_link", "dry_run", "rows_total", "buyers_updated", "leis_added",
                    "invalid_leis", "conflicts", "unmatched", "requested_by", "created_at")
    list_filter = ("state", "dry_run")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("progress"))
    def progress_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:buyers_gleifimportjob_progress", args=[obj.pk]),
                           obj.get_state_display())

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("upload/", view(self.upload_view), name="buyers_gleifimportjob_upload"),
            path("<path:object_id>/progress/", view(self.progress_view), name="buyers_gleifimportjob_progress"),
            path("<path:object_id>/issues.csv", view(self.issues_view), name="buyers_gleifimportjob_issues"),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:buyers_gleifimportjob_upload"))

    def upload_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = GleifUploadForm(request.POST or None, request.FILES or None)
        refused = ""
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            started = jobs.start_gleif_import(requested_by=request.user, file=upload,
                                              dry_run=form.cleaned_data["dry_run"],
                                              filename=getattr(upload, "name", "") or "")
            if started.job is not None:
                return HttpResponseRedirect(reverse("admin:buyers_gleifimportjob_progress", args=[started.job.pk]))
            refused = started.refused
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": _("Import from GLEIF"), "form": form, "refused": refused,
                   "columns": ", ".join(SPELLED[name] for name in REQUIRED)}
        return TemplateResponse(request, "admin/buyers/gleifimportjob/upload.html", context,
                                status=400 if refused or form.errors else 200)

    def _job(self, request, object_id) -> GleifImportJob:
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            return gleif_import_job(pk=int(object_id))
        except (ValueError, GleifImportJob.DoesNotExist) as exc:
            raise Http404 from exc

    def progress_view(self, request, object_id):
        job = self._job(request, object_id)
        context = {"progress": job_progress(job=job)}
        if getattr(request, "htmx", False):
            return render(request, "admin/buyers/gleifimportjob/_progress.html", context)
        return TemplateResponse(request, "admin/buyers/gleifimportjob/progress.html", {
            **self.admin_site.each_context(request), **context, "opts": self.model._meta,
            "title": _("GLEIF import")})

    def issues_view(self, request, object_id):
        job = self._job(request, object_id)
        response = StreamingHttpResponse(error_lines(gleif_import_issues(job=job)),
                                         content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="kredo-gleif-import-{job.pk}-issues.csv"'
        return response
