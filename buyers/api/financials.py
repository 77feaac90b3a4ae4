"""Buyers' financial statements in the insurer API: a buyer's statements (read, record one) and a CSV import,
through the services the admin uses (buyers.financials). Underwriters only (IsInsurerStaff with the financial
statement permissions): tenant users and tokens, and claims handlers, get 403. Statements are the insurer's and
used only by its scorecard: an insured reads none of them (its credit file shows no financials).
"""

from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from buyers.financials.csv_import import (
    FIELD_DIGITS,
    FIELD_PLACES,
    KNOWN_COLUMNS,
    import_financial_statements_csv,
)
from buyers.financials.models import AMOUNTS, FinancialStatement
from buyers.financials.services import record_financial_statement
from buyers.models import Buyer
from core.amounts import AmountError, parse_amount
from core.api.fields import ColumnMoneyField
from core.api.idempotency import IdempotentPostMixin
from core.exceptions import DomainError, row_field

TAGS = ["insurer: buyers"]
REFUSED = OpenApiResponse(description="Invalid fields or a rule refused it: problem details with pointers.")
NOT_FOUND = OpenApiResponse(description="No such buyer.")


class StatementOutputSerializer(serializers.ModelSerializer):
    revenue = ColumnMoneyField(column="revenue")
    equity = ColumnMoneyField(column="equity")
    total_assets = ColumnMoneyField(column="total_assets")
    current_assets = ColumnMoneyField(column="current_assets")
    current_liabilities = ColumnMoneyField(column="current_liabilities")
    net_income = ColumnMoneyField(column="net_income")
    ebitda = ColumnMoneyField(column="ebitda")

    class Meta:
        model = FinancialStatement
        fields = ["id", "buyer", "year", "currency", *AMOUNTS, "source", "recorded_at"]


class StatementInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="The financial year.")
    currency = serializers.CharField(max_length=3, help_text="ISO 4217 code of every amount.")
    revenue = serializers.CharField(help_text="Plain decimal string in `currency`, e.g. \"12500000.00\".")
    equity = serializers.CharField(help_text="May be negative.")
    total_assets = serializers.CharField()
    current_assets = serializers.CharField()
    current_liabilities = serializers.CharField()
    net_income = serializers.CharField(help_text="May be negative.")
    ebitda = serializers.CharField(help_text="May be negative.")


class StatementImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="CSV, UTF-8: " + ", ".join(KNOWN_COLUMNS) + "; up to 20,000 rows.")


EXAMPLE = OpenApiExample("A statement", request_only=True, value={
    "year": 2025, "currency": "EUR", "revenue": "12500000.00", "equity": "3100000.00", "total_assets": "9800000.00",
    "current_assets": "5200000.00", "current_liabilities": "3900000.00", "net_income": "410000.00",
    "ebitda": "1150000.00"})


def _buyer_or_404(buyer_id) -> Buyer:
    try:
        return Buyer.objects.get(pk=buyer_id)
    except Buyer.DoesNotExist as exc:
        raise Http404 from exc


def _amounts(data: dict) -> dict:
    """The seven amounts read as the CSV import reads them (core.amounts): every field's problem at once."""
    currency = data["currency"].strip().upper() or None
    amounts, errors = {}, {}
    for name in AMOUNTS:
        try:
            amounts[name] = parse_amount(data[name].strip(), currency=currency, max_digits=FIELD_DIGITS,
                                         decimal_places=FIELD_PLACES)
        except AmountError as exc:
            errors[name] = [exc.message]
    if errors:
        raise DomainError(next(iter(errors.values()))[0], field=next(iter(errors)), fields=errors)
    return amounts


@extend_schema_view(
    get=extend_schema(summary="A buyer's financial statements, latest year first", tags=TAGS,
                      responses={200: StatementOutputSerializer(many=True), 404: NOT_FOUND}),
    post=extend_schema(
        summary="Record a buyer's financial statement for a year",
        description="A year already recorded is replaced (the history keeps the earlier figures): 201 with the "
                    "statement. The scorecard reads the latest year. Send an `Idempotency-Key` to retry safely.",
        tags=TAGS, request=StatementInputSerializer, examples=[EXAMPLE],
        responses={201: StatementOutputSerializer, 400: REFUSED, 404: NOT_FOUND}),
)
class BuyerStatementsApi(IdempotentPostMixin, APIView):
    permission_classes = [IsInsurerStaff]
    serializer_class = StatementOutputSerializer
    insurer_wide_keys = True

    @property
    def required_permission(self):
        return "buyers.add_financialstatement" if self.request.method == "POST" else "buyers.view_financialstatement"

    def get(self, request, buyer_id):
        buyer = _buyer_or_404(buyer_id)
        statements = FinancialStatement.objects.filter(buyer=buyer).order_by("-year")
        return Response(StatementOutputSerializer(statements, many=True).data)

    def handle_post(self, request, buyer_id):
        buyer = _buyer_or_404(buyer_id)
        data = StatementInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        statement = record_financial_statement(buyer=buyer, year=data.validated_data["year"],
                                               currency=data.validated_data["currency"], recorded_by=request.user,
                                               **_amounts(data.validated_data))
        return Response(StatementOutputSerializer(statement).data, status=status.HTTP_201_CREATED)


@extend_schema_view(post=extend_schema(
    summary="Import financial statements from a CSV file",
    description="Multipart `file`. All or nothing, in the request: every row's problem at once, on "
                "`/rows/<line>/<column>` (the file's line), or the rows recorded (a year already recorded is "
                "replaced). Buyers are found by `buyer_country` and `buyer_registration_number` or "
                "`buyer_vat_number`. Send an `Idempotency-Key` to retry safely.",
    tags=TAGS, request={"multipart/form-data": StatementImportInputSerializer},
    responses={200: OpenApiResponse(description='{"rows": n, "recorded": n}'), 400: REFUSED},
))
class StatementImportApi(IdempotentPostMixin, APIView):
    permission_classes = [IsInsurerStaff]
    parser_classes = [MultiPartParser]
    required_permission = "buyers.add_financialstatement"
    insurer_wide_keys = True

    def handle_post(self, request):
        data = StatementImportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with transaction.atomic():
            result = import_financial_statements_csv(file=data.validated_data["file"], recorded_by=request.user)
        if result.errors:
            fields: dict[str, list[str]] = {}
            for error in result.errors:
                path = "file" if error.line is None else row_field("rows", error.line, error.column or "line")
                fields.setdefault(path, []).append(str(error.message))
            raise DomainError(_("The file was not imported: correct the rows listed and send it again."),
                              fields=fields)
        return Response({"rows": result.rows, "recorded": result.recorded})
