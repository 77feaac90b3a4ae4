"""The admin of an insurer-side import job (the buyer import, the GLEIF import): an upload page instead of the
add form, a progress page that HTMX polls, and the job's problem rows as CSV. Jobs are never edited or
deleted in the admin; the upload needs the add permission, the pages the view permission.

Each import says what differs (its form, how a job starts, its selectors, titles and file names); the URL
names and templates follow the model: `admin:<app>_<model>_upload|progress|<problems>` and
`admin/<app>/<model>/upload.html|progress.html|_progress.html`."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from core.imports.csv_errors import error_lines


class ImportJobAdmin(admin.ModelAdmin):
    upload_form = None  # a Form class with a `file` field
    upload_title = progress_title = ""
    problems = "errors"  # the CSV's URL name and file name: errors.csv, issues.csv

    # What each import provides.
    def start(self, *, request, form, upload):
        raise NotImplementedError  # -> an object with `job` (or None) and `refused`

    def columns(self) -> str:
        raise NotImplementedError

    def read_job(self, *, pk: int):
        raise NotImplementedError

    def read_progress(self, *, job):
        raise NotImplementedError

    def problem_rows(self, *, job):
        raise NotImplementedError

    def problems_filename(self, job) -> str:
        raise NotImplementedError

    # The same for every import.
    def _name(self, view: str) -> str:
        return f"{self.model._meta.app_label}_{self.model._meta.model_name}_{view}"

    def _template(self, name: str) -> str:
        return f"admin/{self.model._meta.app_label}/{self.model._meta.model_name}/{name}"

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("progress"))
    def progress_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse(f"admin:{self._name('progress')}", args=[obj.pk]),
                           obj.get_state_display())

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("upload/", view(self.upload_view), name=self._name("upload")),
            path("<path:object_id>/progress/", view(self.progress_view), name=self._name("progress")),
            path(f"<path:object_id>/{self.problems}.csv", view(self.problems_view), name=self._name(self.problems)),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse(f"admin:{self._name('upload')}"))

    def upload_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = self.upload_form(request.POST or None, request.FILES or None)
        refused = ""
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            started = self.start(request=request, form=form, upload=upload)
            if started.job is not None:
                return HttpResponseRedirect(reverse(f"admin:{self._name('progress')}", args=[started.job.pk]))
            refused = started.refused
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "title": self.upload_title,
                   "form": form, "refused": refused, "columns": self.columns()}
        return TemplateResponse(request, self._template("upload.html"), context,
                                status=400 if refused or form.errors else 200)

    def _job(self, request, object_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            return self.read_job(pk=int(object_id))
        except (ValueError, self.model.DoesNotExist) as exc:
            raise Http404 from exc

    def progress_view(self, request, object_id):
        context = {"progress": self.read_progress(job=self._job(request, object_id))}
        if getattr(request, "htmx", False):
            return render(request, self._template("_progress.html"), context)
        return TemplateResponse(request, self._template("progress.html"), {
            **self.admin_site.each_context(request), **context, "opts": self.model._meta,
            "title": self.progress_title})

    def problems_view(self, request, object_id):
        job = self._job(request, object_id)
        response = StreamingHttpResponse(error_lines(self.problem_rows(job=job)), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.problems_filename(job)}"'
        return response
