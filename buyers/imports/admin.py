"""Buyer imports in the admin: upload a file (*Import buyers from CSV*), follow its job (HTMX polling, as
the limit import page does), download its row errors. Underwriters only (add/view buyer import)."""

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

from buyers.imports import jobs
from buyers.imports.models import BuyerImportJob
from buyers.imports.rows import COLUMNS
from buyers.imports.selectors import buyer_import_errors, buyer_import_job, job_progress
from core.imports.csv_errors import error_lines


class BuyerUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file"))
    mode = forms.ChoiceField(label=gettext_lazy("mode"), choices=BuyerImportJob.Mode.choices,
                             initial=BuyerImportJob.Mode.VALID_ROWS)


@admin.register(BuyerImportJob)
class BuyerImportJobAdmin(admin.ModelAdmin):
    list_display = ("__str__", "progress_link", "rows_total", "rows_done", "created", "updated", "rows_with_errors",
                    "requested_by", "created_at")
    list_filter = ("state",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("progress"))
    def progress_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:buyers_buyerimportjob_progress", args=[obj.pk]),
                           obj.get_state_display())

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("upload/", view(self.upload_view), name="buyers_buyerimportjob_upload"),
            path("<path:object_id>/progress/", view(self.progress_view), name="buyers_buyerimportjob_progress"),
            path("<path:object_id>/errors.csv", view(self.errors_view), name="buyers_buyerimportjob_errors"),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:buyers_buyerimportjob_upload"))

    def upload_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = BuyerUploadForm(request.POST or None, request.FILES or None)
        refused = ""
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            started = jobs.start_buyer_import(requested_by=request.user, file=upload, mode=form.cleaned_data["mode"],
                                              filename=getattr(upload, "name", "") or "")
            if started.job is not None:
                return HttpResponseRedirect(reverse("admin:buyers_buyerimportjob_progress", args=[started.job.pk]))
            refused = started.refused
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": _("Import buyers from CSV"), "form": form, "refused": refused,
                   "columns": ", ".join(COLUMNS)}
        return TemplateResponse(request, "admin/buyers/buyerimportjob/upload.html", context,
                                status=400 if refused or form.errors else 200)

    def _job(self, request, object_id) -> BuyerImportJob:
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            return buyer_import_job(pk=int(object_id))
        except (ValueError, BuyerImportJob.DoesNotExist) as exc:
            raise Http404 from exc

    def progress_view(self, request, object_id):
        job = self._job(request, object_id)
        context = {"progress": job_progress(job=job)}
        if getattr(request, "htmx", False):
            return render(request, "admin/buyers/buyerimportjob/_progress.html", context)
        return TemplateResponse(request, "admin/buyers/buyerimportjob/progress.html", {
            **self.admin_site.each_context(request), **context, "opts": self.model._meta,
            "title": _("Buyer import")})

    def errors_view(self, request, object_id):
        job = self._job(request, object_id)
        response = StreamingHttpResponse(error_lines(buyer_import_errors(job=job)),
                                         content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="kredo-buyer-import-{job.pk}-errors.csv"'
        return response
