"""The buyer registry in the insurer API: the registry with its proposals, confirm, grade, merge, country grades.

Served under /api/v1/insurer/ to insurer staff (session) and insurer tokens only
(accounts.permissions.IsInsurerStaff). Every write goes through buyers.services, as the buyer admin's
actions do; underwriters only (a claims handler may read buyers elsewhere, but gets 403 here). The registry
belongs to no insured: an `Idempotency-Key` is filed under no tenant (core.api.idempotency).
"""

import django_filters
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from buyers import services
from buyers.api.insurer_serializers import (
    ConfirmInputSerializer,
    CountryRiskInputSerializer,
    CountryRiskOutputSerializer,
    GradeInputSerializer,
    InsurerBuyerDetailOutputSerializer,
    InsurerBuyerOutputSerializer,
    KindInputSerializer,
    MergeInputSerializer,
)
from buyers.models import Buyer, CountryRisk
from buyers.selectors import matching_query
from core.api.filters import IdFilter
from core.api.idempotency import IdempotentPostMixin
from core.exceptions import DomainError

TAGS = ["insurer: buyers"]
POST_NOTE = " Send an `Idempotency-Key` to retry safely."
REFUSED = OpenApiResponse(description="Invalid fields or a rule refused it: problem details with pointers.")
NOT_FOUND = OpenApiResponse(description="No such buyer.")
_BUYER = {"id": 12, "legal_name": "Late Payer S.p.A.", "trading_name": "", "country": "IT",
          "registration_number": "12345678901", "vat_number": "IT12345678901", "lei": "", "sector_nace": "46.90",
          "address": "", "city": "Milano", "postal_code": "", "grade": 4, "grade_date": "2026-12-01",
          "status": "confirmed", "identifiers": [], "proposed_by_tenant_id": 4, "merged_into_id": None,
          "created_at": "2026-11-20T10:00:00Z"}
DETAIL_EXAMPLE = OpenApiExample("A graded buyer", response_only=True, value={**_BUYER, "grades": [
    {"grade": 4, "previous_grade": None, "graded_on": "2026-12-01", "reason": "Accounts 2025 filed.",
     "created_at": "2026-12-01T09:00:00Z"}]})


class InsurerBuyerFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Buyer.Status.choices,
                                         help_text="`pending`: proposals waiting for identification.")
    country = django_filters.CharFilter(field_name="country", lookup_expr="iexact", max_length=2)
    proposed_by = IdFilter(field_name="proposed_by_tenant_id", help_text="The insured that proposed it.")
    q = django_filters.CharFilter(method="filter_q", max_length=200,
                                  help_text="Name or identifier, case and accents ignored.")

    class Meta:
        model = Buyer
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        return matching_query(queryset, value)


@extend_schema_view(get=extend_schema(
    summary="The buyer registry (proposals to confirm first: `?status=pending`)",
    description="Oldest first; walk it by keyset with `?cursor=` (empty to start).",
    tags=TAGS, examples=[OpenApiExample("A buyer", value=_BUYER, response_only=True)],
))
class InsurerBuyerListApi(generics.ListAPIView):
    permission_classes = [IsInsurerStaff]
    required_permission = "buyers.change_buyer"
    serializer_class = InsurerBuyerOutputSerializer
    filterset_class = InsurerBuyerFilter

    def get_queryset(self):
        return Buyer.objects.prefetch_related("identifiers").order_by("created_at", "pk")


def _buyer_or_404(buyer_id) -> Buyer:
    try:
        return Buyer.objects.get(pk=buyer_id)
    except Buyer.DoesNotExist as exc:
        raise Http404 from exc


def _detail(buyer_id) -> Response:
    buyer = Buyer.objects.prefetch_related("identifiers", "grades").filter(pk=buyer_id).first()
    if buyer is None:
        raise Http404
    return Response(InsurerBuyerDetailOutputSerializer(buyer).data)


@extend_schema_view(get=extend_schema(
    summary="A buyer with its grade history", tags=TAGS,
    responses={200: InsurerBuyerDetailOutputSerializer, 404: NOT_FOUND}, examples=[DETAIL_EXAMPLE],
))
class InsurerBuyerDetailApi(APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = "buyers.change_buyer"
    serializer_class = InsurerBuyerDetailOutputSerializer

    def get(self, request, buyer_id):
        return _detail(buyer_id)


class _BuyerPostApi(IdempotentPostMixin, APIView):
    permission_classes = [IsInsurerStaff]
    serializer_class = InsurerBuyerDetailOutputSerializer
    insurer_wide_keys = True
    input_serializer = None

    @cached_property
    def buyer(self) -> Buyer:
        return _buyer_or_404(self.kwargs["buyer_id"])

    def handle_post(self, request, buyer_id):
        parsed = self.input_serializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        answer = self.act(request.user, parsed.validated_data)
        return _detail(answer.pk)


def _post(summary, description, request_serializer, examples=()):
    return extend_schema_view(post=extend_schema(
        summary=summary, description=description + POST_NOTE, tags=TAGS, request=request_serializer,
        responses={200: InsurerBuyerDetailOutputSerializer, 400: REFUSED, 404: NOT_FOUND},
        examples=[*examples, DETAIL_EXAMPLE],
    ))


@_post("Confirm a buyer's identification",
       "A proposal becomes a confirmed buyer every insured may request limits on; `grade` grades it at once.",
       ConfirmInputSerializer, [OpenApiExample("Confirm and grade", request_only=True, value={"grade": 4})])
class InsurerBuyerConfirmApi(_BuyerPostApi):
    required_permission = "buyers.change_buyer"
    input_serializer = ConfirmInputSerializer

    def act(self, user, data):
        if data["grade"] is not None:
            services.check_grade(data["grade"])  # before the status changes: a bad grade changes nothing
        return services.confirm_buyer(buyer=self.buyer, grade=data["grade"], graded_by=user)


@_post("Grade a buyer",
       "With the date and the reason, kept in the grade history; 8 or worse puts its limits under review at the "
       "next review job.",
       GradeInputSerializer,
       [OpenApiExample("Downgrade", request_only=True,
                       value={"grade": 8, "graded_on": "2026-12-01", "reason": "Payment incidents reported."})])
class InsurerBuyerGradeApi(_BuyerPostApi):
    required_permission = "buyers.grade_buyer"
    input_serializer = GradeInputSerializer

    def act(self, user, data):
        return services.grade_buyer(buyer=self.buyer, grade=data["grade"], graded_by=user, reason=data["reason"],
                                    graded_on=data["graded_on"])


@_post("Set a buyer's kind",
       ("A company, a private individual or a public buyer: a policy's terms may exclude the last two (checked when "
        "a limit is requested and when a claim is calculated). Kept in the buyer's history with the reason."),
       KindInputSerializer,
       [OpenApiExample("A public buyer", request_only=True,
                       value={"kind": "public_body", "reason": "A municipality's water company."})])
class InsurerBuyerKindApi(_BuyerPostApi):
    required_permission = "buyers.change_buyer"
    input_serializer = KindInputSerializer

    def act(self, user, data):
        return services.set_buyer_kind(buyer=self.buyer, kind=data["kind"], reason=data["reason"], changed_by=user)


@_post("Merge a duplicate into the buyer that stays",
       ("This buyer's identifiers, grades and every row naming it (limits and their decisions, cover stops, "
        "overdues, claims) move to `into`, each insured's rows staying its own, in one transaction. Refused, "
        "nothing moved, where `into` would hold two current limits or two open overdues on one policy. Answers "
        "with the buyer that stays."),
       MergeInputSerializer, [OpenApiExample("Merge", request_only=True, value={"into": 12})])
class InsurerBuyerMergeApi(_BuyerPostApi):
    required_permission = "buyers.merge_buyer"
    input_serializer = MergeInputSerializer

    def act(self, user, data):
        target = Buyer.objects.filter(pk=data["into"]).first()
        if target is None:
            raise DomainError(_("Unknown buyer."), field="into")
        try:
            return services.merge_buyers(source=self.buyer, target=target, merged_by=user)
        except DomainError as exc:
            if exc.field is None and not exc.fields:
                # A refusal of the pair (itself, already merged, a clash) is about the buyer named to stay.
                raise DomainError(exc.message, field="into", code=exc.code) from exc
            raise


@extend_schema_view(
    get=extend_schema(summary="Country risk grades", tags=TAGS, responses={200: CountryRiskOutputSerializer(many=True)},
                      description="The insurer's grade per country (1 lowest to 7 highest), read by the scorecard."),
    post=extend_schema(summary="Grade a country's risk",
                       description="A country graded before is graded again (one grade per country)." + POST_NOTE,
                       tags=TAGS, request=CountryRiskInputSerializer,
                       responses={200: CountryRiskOutputSerializer, 400: REFUSED},
                       examples=[OpenApiExample("Grade Italy", request_only=True,
                                                value={"country": "IT", "grade": 3, "graded_on": "2026-12-01",
                                                       "note": "OECD review."})]),
)
class InsurerCountryRiskApi(IdempotentPostMixin, APIView):
    permission_classes = [IsInsurerStaff]
    serializer_class = CountryRiskOutputSerializer
    insurer_wide_keys = True

    @property
    def required_permission(self):
        return "buyers.view_countryrisk" if self.request.method == "GET" else "buyers.change_countryrisk"

    def get(self, request):
        return Response(CountryRiskOutputSerializer(CountryRisk.objects.order_by("country"), many=True).data)

    def handle_post(self, request):
        parsed = CountryRiskInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        data = parsed.validated_data
        risk = services.set_country_risk(country=data["country"], grade=data["grade"], note=data["note"],
                                         graded_on=data["graded_on"])
        return Response(CountryRiskOutputSerializer(risk).data, status=status.HTTP_200_OK)
