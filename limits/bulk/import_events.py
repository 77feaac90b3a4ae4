"""What the uploader and the integrator hear when a limit import job ends: one summary, one webhook."""

from django.urls import reverse
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from core import webhooks
from core.notifications import message, notify
from limits.bulk.job_models import LimitImportJob
from limits.bulk.selectors import import_errors

IMPORT_COMPLETED = "import.completed"
_SUMMARY_ERRORS_SHOWN = 20


class ImportCompletedPayload(serializers.Serializer):
    """`data` of the import.completed webhook: the job's outcome (the row errors are at `errors_url`)."""

    job_id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=["limit_requests"])
    state = serializers.ChoiceField(choices=[LimitImportJob.State.DONE, LimitImportJob.State.FAILED])
    filename = serializers.CharField(allow_blank=True)
    mode = serializers.ChoiceField(choices=LimitImportJob.Mode.choices)
    rows = serializers.IntegerField(allow_null=True)
    created = serializers.IntegerField()
    decided = serializers.IntegerField()
    referred = serializers.IntegerField()
    rows_with_errors = serializers.IntegerField()
    errors_url = serializers.CharField(help_text="The API path of the row errors as CSV.")


webhooks.register_event(IMPORT_COMPLETED, gettext_lazy("Import finished"), ImportCompletedPayload)


def completed_payload(job: LimitImportJob) -> dict:
    return {
        "job_id": job.pk, "kind": "limit_requests", "state": job.state, "filename": job.filename, "mode": job.mode,
        "rows": job.rows_total, "created": job.created, "decided": job.decided, "referred": job.referred,
        "rows_with_errors": job.rows_with_errors,
        "errors_url": reverse("api-limit-import-errors", kwargs={"pk": job.pk}),
    }


def summary_dedup_key(job: LimitImportJob) -> str:
    return f"limits-csv-import:job-{job.pk}"


def announce_finished(*, job: LimitImportJob) -> None:
    """One notification to the uploader and one webhook, in the transaction that finishes the job."""
    names = {"file": job.filename[:80] or "CSV", "created": job.created, "errors": job.rows_with_errors}
    nothing = job.state == LimitImportJob.State.FAILED or (
        job.mode == LimitImportJob.Mode.ALL_OR_NOTHING and job.rows_with_errors and not job.created)
    subject = message("limits.csv_import.nothing_created" if nothing else "limits.csv_import.created", **names)
    lines = [subject, message("limits.csv_import.counts", rows=job.rows_total or 0, decided=job.decided,
                              referred=job.referred)]
    errors = list(import_errors(job=job)[:_SUMMARY_ERRORS_SHOWN + 1])
    for error in errors[:_SUMMARY_ERRORS_SHOWN]:
        lines.append(message("limits.csv_import.row_error", line=error.line or "—", column=error.column or "—",
                             message=error.message))
    if len(errors) > _SUMMARY_ERRORS_SHOWN:
        more = import_errors(job=job).count() - _SUMMARY_ERRORS_SHOWN
        lines.append(message("limits.csv_import.more_errors", count=more))
    notify(tenant=job.tenant, event="limits.csv_import", dedup_key=summary_dedup_key(job), subject=subject,
           body=lines, link=reverse("limits:import-job", kwargs={"pk": job.pk}), recipient=job.requested_by)
    webhooks.emit(tenant=job.tenant, event=IMPORT_COMPLETED, payload=completed_payload(job),
                  event_id=f"limit-import:{job.pk}")
