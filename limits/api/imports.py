"""Limit import jobs through the API: POST a CSV file (multipart), follow its job, fetch its row errors.

Thin: limits.bulk.jobs stores the file and queues the job, limits.bulk.selectors reads it (the tenant's
only), limits.bulk.csv_errors writes the errors file.
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

from core.api.downloads import AnyAccept, csv_download
from core.api.idempotency import IdempotentPostMixin
from core.exceptions import DomainError
from limits.bulk import jobs
from limits.bulk.csv_errors import error_lines
from limits.bulk.job_models import LimitImportJob
from limits.bulk.selectors import import_job

TAGS = ["limits"]
NOT_FOUND = OpenApiResponse(description="No such import among yours.")


class LimitImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="CSV, UTF-8, the columns of the limit CSV import; up to 50 MB, "
                                           "100,000 rows.")
    mode = serializers.ChoiceField(choices=LimitImportJob.Mode.choices, default=LimitImportJob.Mode.ALL_OR_NOTHING)


class LimitImportOutputSerializer(serializers.ModelSerializer):
    rows = serializers.IntegerField(source="rows_total", allow_null=True,
                                    help_text="Rows in the file; null until the worker has read it.")
    errors_url = serializers.SerializerMethodField()

    class Meta:
        model = LimitImportJob
        fields = ["id", "state", "filename", "mode", "rows", "rows_done", "created", "decided", "referred",
                  "rows_with_errors", "file_error", "errors_url", "created_at", "started_at", "finished_at"]

    def get_errors_url(self, job) -> str:
        return reverse("api-limit-import-errors", kwargs={"pk": job.pk})


JOB_EXAMPLE = OpenApiExample(
    "A job under way",
    value={"id": 3, "state": "running", "filename": "limits-march.csv", "mode": "valid_rows", "rows": 100000,
           "rows_done": 42000, "created": 41950, "decided": 31000, "referred": 10950, "rows_with_errors": 50,
           "file_error": "", "errors_url": "/api/v1/limit-imports/3/errors/", "created_at": "2026-03-02T09:15:00Z",
           "started_at": "2026-03-02T09:15:01Z", "finished_at": None},
    response_only=True,
)


def _job_or_404(tenant, pk) -> LimitImportJob:
    try:
        return import_job(tenant=tenant, pk=pk)
    except LimitImportJob.DoesNotExist as exc:
        raise Http404 from exc


@extend_schema_view(
    post=extend_schema(
        summary="Import limit requests from a CSV file",
        description=(
            "Multipart form with `file` and `mode`. The file is stored and imported in the background in batches "
            "of 1,000 rows: the answer is 202 with the job, to be followed at its `Location` (or with the "
            "`import.completed` webhook). A file that cannot be read at all (too large, not UTF-8, a wrong "
            "header) is refused at once with a problem on `/file`; problems with rows are in the job's errors."
        ),
        tags=TAGS, request={"multipart/form-data": LimitImportInputSerializer},
        responses={202: LimitImportOutputSerializer,
                   400: OpenApiResponse(description="The file was refused: problem details on /file.")},
        examples=[JOB_EXAMPLE],
    )
)
class LimitImportCreateApi(IdempotentPostMixin, APIView):
    parser_classes = [MultiPartParser]
    serializer_class = LimitImportOutputSerializer
    required_permission = "limits.request_limit"

    def handle_post(self, request):
        data = LimitImportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        started = jobs.start_import(tenant=request.tenant, requested_by=request.user, file=upload,
                                    mode=data.validated_data["mode"], filename=getattr(upload, "name", "") or "",
                                    background=True)
        if started.job is None:
            raise DomainError(str(started.result.errors[0].message), field="file")
        response = Response(LimitImportOutputSerializer(started.job).data, status=status.HTTP_202_ACCEPTED)
        response["Location"] = reverse("api-limit-import-detail", kwargs={"pk": started.job.pk})
        return response


@extend_schema_view(
    get=extend_schema(summary="A limit import job: its state and counts", tags=TAGS,
                      responses={200: LimitImportOutputSerializer, 404: NOT_FOUND}, examples=[JOB_EXAMPLE]),
)
class LimitImportDetailApi(APIView):
    serializer_class = LimitImportOutputSerializer
    required_permission = "limits.request_limit"

    def get(self, request, pk):
        return Response(LimitImportOutputSerializer(_job_or_404(request.tenant, pk)).data)


@extend_schema_view(
    get=extend_schema(
        summary="A limit import's row errors as CSV",
        description="`line`, `column`, `message`: every problem found so far (the file's own, line empty, first).",
        tags=TAGS,
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.BINARY, description="The errors."),
                   404: NOT_FOUND},
    )
)
class LimitImportErrorsApi(APIView):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = AnyAccept
    required_permission = "limits.request_limit"

    def get(self, request, pk):
        job = _job_or_404(request.tenant, pk)
        return csv_download(error_lines(job=job), filename=f"kredo-limit-import-{job.pk}-errors.csv")
