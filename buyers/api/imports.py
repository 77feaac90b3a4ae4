"""Buyer import jobs in the insurer API: POST a CSV file (multipart), follow its job, fetch its row errors.

Underwriters only (insurer staff session or an underwriter's insurer token; accounts.permissions.IsInsurerStaff
with the buyer import permissions): tenant tokens and claims handlers get 403. Thin: buyers.imports.jobs stores
the file and queues the job, buyers.imports.selectors reads it, core.imports.csv_errors writes the errors file.
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
from buyers.imports import jobs
from buyers.imports.models import BuyerImportJob
from buyers.imports.selectors import buyer_import_errors, buyer_import_job
from core.api.downloads import AnyAccept, csv_download
from core.api.idempotency import IdempotentPostMixin
from core.exceptions import DomainError
from core.imports.csv_errors import error_lines

TAGS = ["insurer: buyers"]
NOT_FOUND = OpenApiResponse(description="No such buyer import.")


class BuyerImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="CSV, UTF-8: legal_name, trading_name, country, registration_number, "
                                           "vat_number, lei, sector_nace, address, city, postal_code, grade; up to "
                                           "50 MB, 100,000 rows.")
    mode = serializers.ChoiceField(choices=BuyerImportJob.Mode.choices, default=BuyerImportJob.Mode.VALID_ROWS)


class BuyerImportOutputSerializer(serializers.ModelSerializer):
    rows = serializers.IntegerField(source="rows_total", allow_null=True,
                                    help_text="Rows in the file; null until the worker has read it.")
    errors_url = serializers.SerializerMethodField()

    class Meta:
        model = BuyerImportJob
        fields = ["id", "state", "filename", "mode", "rows", "rows_done", "created", "updated", "rows_with_errors",
                  "file_error", "errors_url", "created_at", "started_at", "finished_at"]

    def get_errors_url(self, job) -> str:
        return reverse("api-insurer-buyer-import-errors", kwargs={"pk": job.pk})


JOB_EXAMPLE = OpenApiExample(
    "A job under way", response_only=True,
    value={"id": 3, "state": "running", "filename": "buyers-2026.csv", "mode": "valid_rows", "rows": 100000,
           "rows_done": 42000, "created": 40100, "updated": 1880, "rows_with_errors": 20, "file_error": "",
           "errors_url": "/api/v1/insurer/buyer-imports/3/errors/", "created_at": "2026-12-01T09:15:00Z",
           "started_at": "2026-12-01T09:15:01Z", "finished_at": None},
)


def _job_or_404(pk) -> BuyerImportJob:
    try:
        return buyer_import_job(pk=pk)
    except BuyerImportJob.DoesNotExist as exc:
        raise Http404 from exc


@extend_schema_view(post=extend_schema(
    summary="Import buyers from a CSV file",
    description=(
        "Multipart form with `file` and `mode`. Stored and imported in the background in batches of 1,000 rows: "
        "the answer is 202 with the job, to be followed at its `Location`. A row whose registration number, VAT "
        "number or LEI a buyer already has (same country) updates that buyer; an identifier given again on a "
        "later row of the file is an error on that row. A file that cannot be read at all (too large, not UTF-8, "
        "a wrong header) is refused at once with a problem on `/file`. Send an `Idempotency-Key` to retry safely."
    ),
    tags=TAGS, request={"multipart/form-data": BuyerImportInputSerializer},
    responses={202: BuyerImportOutputSerializer,
               400: OpenApiResponse(description="The file was refused: problem details on /file.")},
    examples=[JOB_EXAMPLE],
))
class BuyerImportCreateApi(IdempotentPostMixin, APIView):
    permission_classes = [IsInsurerStaff]
    parser_classes = [MultiPartParser]
    serializer_class = BuyerImportOutputSerializer
    required_permission = "buyers.add_buyerimportjob"
    insurer_wide_keys = True

    def handle_post(self, request):
        data = BuyerImportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        started = jobs.start_buyer_import(requested_by=request.user, file=upload, mode=data.validated_data["mode"],
                                          filename=getattr(upload, "name", "") or "")
        if started.job is None:
            raise DomainError(started.refused, field="file")
        response = Response(BuyerImportOutputSerializer(started.job).data, status=status.HTTP_202_ACCEPTED)
        response["Location"] = reverse("api-insurer-buyer-import", kwargs={"pk": started.job.pk})
        return response


@extend_schema_view(get=extend_schema(summary="A buyer import job: its state and counts", tags=TAGS,
                                      responses={200: BuyerImportOutputSerializer, 404: NOT_FOUND},
                                      examples=[JOB_EXAMPLE]))
class BuyerImportDetailApi(APIView):
    permission_classes = [IsInsurerStaff]
    serializer_class = BuyerImportOutputSerializer
    required_permission = "buyers.view_buyerimportjob"

    def get(self, request, pk):
        return Response(BuyerImportOutputSerializer(_job_or_404(pk)).data)


@extend_schema_view(get=extend_schema(
    summary="A buyer import's row errors as CSV",
    description="`line`, `column`, `message`: every problem found so far (the file's own, line empty, first).",
    tags=TAGS, responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.BINARY, description="The errors."),
                          404: NOT_FOUND},
))
class BuyerImportErrorsApi(APIView):
    permission_classes = [IsInsurerStaff]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = AnyAccept
    required_permission = "buyers.view_buyerimportjob"

    def get(self, request, pk):
        job = _job_or_404(pk)
        return csv_download(error_lines(buyer_import_errors(job=job)), filename=f"kredo-buyer-import-{job.pk}-errors.csv")
