"""GLEIF import jobs in the insurer API: POST a golden copy (multipart; CSV or .zip), follow its job, fetch its
issues (invalid LEIs and conflicts, with their lines) as CSV.

Underwriters only (IsInsurerStaff with the GLEIF import permissions): tenant tokens and claims handlers get 403.
Thin, as the buyer import's endpoints: buyers.gleif.jobs stores and queues, buyers.gleif.selectors reads.
"""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from buyers.gleif import jobs
from buyers.gleif.models import GleifImportJob
from buyers.gleif.selectors import gleif_import_issues, gleif_import_job
from core.api.downloads import AnyAccept, csv_download
from core.api.idempotency import IdempotentPostMixin
from core.exceptions import DomainError
from core.imports.csv_errors import error_lines

TAGS = ["insurer: buyers"]
NOT_FOUND = OpenApiResponse(description="No such GLEIF import.")


class GleifImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="GLEIF's Level 1 golden copy (LEI-CDF CSV, or the .zip holding one "
                                           "CSV), or an extract with the same columns; up to 50 MB.")
    dry_run = serializers.BooleanField(default=False, help_text="Count what would change, write nothing.")


class GleifImportOutputSerializer(serializers.ModelSerializer):
    rows = serializers.IntegerField(source="rows_total", allow_null=True,
                                    help_text="Records in the file; null until the worker has read it.")
    issues_url = serializers.SerializerMethodField()

    class Meta:
        model = GleifImportJob
        fields = ["id", "state", "filename", "dry_run", "rows", "rows_done", "buyers_updated", "names_updated",
                  "statuses_updated", "leis_added", "invalid_leis", "conflicts", "unmatched", "lapsed_on_buyers",
                  "rows_with_errors", "file_error", "issues_url", "created_at", "started_at", "finished_at"]

    def get_issues_url(self, job) -> str:
        return reverse("api-insurer-gleif-import-issues", kwargs={"pk": job.pk})


JOB_EXAMPLE = OpenApiExample(
    "A job done", response_only=True,
    value={"id": 2, "state": "done", "filename": "golden-copy-es.csv.zip", "dry_run": False, "rows": 48210,
           "rows_done": 48210, "buyers_updated": 1204, "names_updated": 37, "statuses_updated": 1190,
           "leis_added": 512, "invalid_leis": 1, "conflicts": 2, "unmatched": 46494, "lapsed_on_buyers": 88,
           "rows_with_errors": 3, "file_error": "", "issues_url": "/api/v1/insurer/gleif-imports/2/issues/",
           "created_at": "2026-12-01T09:15:00Z", "started_at": "2026-12-01T09:15:01Z",
           "finished_at": "2026-12-01T09:16:12Z"},
)


def _job_or_404(pk) -> GleifImportJob:
    try:
        return gleif_import_job(pk=pk)
    except GleifImportJob.DoesNotExist as exc:
        raise Http404 from exc


@extend_schema_view(post=extend_schema(
    summary="Import legal names and LEIs from a GLEIF golden copy",
    description=(
        "Multipart form with `file` and `dry_run`. Stored and run in the background, batch by batch: the answer is "
        "202 with the job, to be followed at its `Location`. A confirmed buyer holding a record's LEI gets GLEIF's "
        "legal name and statuses; a confirmed buyer without an LEI whose country and registration number are the "
        "record's gets the LEI. Records matching no buyer are counted, never created. Invalid LEIs and conflicts "
        "are listed with their lines at `issues_url`. A file that cannot be read (too large, not UTF-8, a .zip "
        "without exactly one CSV, missing columns) is refused at once with a problem on `/file`. The uploader is "
        "e-mailed when it ends. Send an `Idempotency-Key` to retry safely."
    ),
    tags=TAGS, request={"multipart/form-data": GleifImportInputSerializer},
    responses={202: GleifImportOutputSerializer,
               400: OpenApiResponse(description="The file was refused: problem details on /file.")},
    examples=[JOB_EXAMPLE],
))
class GleifImportCreateApi(IdempotentPostMixin, APIView):
    permission_classes = [IsInsurerStaff]
    parser_classes = [MultiPartParser]
    serializer_class = GleifImportOutputSerializer
    required_permission = "buyers.add_gleifimportjob"
    insurer_wide_keys = True

    def handle_post(self, request):
        data = GleifImportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        started = jobs.start_gleif_import(requested_by=request.user, file=upload,
                                          dry_run=data.validated_data["dry_run"],
                                          filename=getattr(upload, "name", "") or "")
        if started.job is None:
            raise DomainError(started.refused, field="file")
        response = Response(GleifImportOutputSerializer(started.job).data, status=status.HTTP_202_ACCEPTED)
        response["Location"] = reverse("api-insurer-gleif-import", kwargs={"pk": started.job.pk})
        return response


@extend_schema_view(get=extend_schema(summary="A GLEIF import job: its state and counts", tags=TAGS,
                                      responses={200: GleifImportOutputSerializer, 404: NOT_FOUND},
                                      examples=[JOB_EXAMPLE]))
class GleifImportDetailApi(APIView):
    permission_classes = [IsInsurerStaff]
    serializer_class = GleifImportOutputSerializer
    required_permission = "buyers.view_gleifimportjob"

    def get(self, request, pk):
        return Response(GleifImportOutputSerializer(_job_or_404(pk)).data)


@extend_schema_view(get=extend_schema(
    summary="A GLEIF import's invalid LEIs and conflicts as CSV",
    description="`line`, `column`, `message`: every record skipped so far (the file's own problem, line empty, "
                "first).",
    tags=TAGS, responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.BINARY, description="The issues."),
                          404: NOT_FOUND},
))
class GleifImportIssuesApi(APIView):
    permission_classes = [IsInsurerStaff]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = AnyAccept
    required_permission = "buyers.view_gleifimportjob"

    def get(self, request, pk):
        job = _job_or_404(pk)
        return csv_download(error_lines(gleif_import_issues(job=job)), filename=f"kredo-gleif-import-{job.pk}-issues.csv")
