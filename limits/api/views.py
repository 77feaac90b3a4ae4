import django_filters
from django.http import Http404
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from buyers.selectors import matching_buyer_or_reference
from core.api.filters import IdFilter
from core.api.idempotency import IdempotentPostMixin
from core.api.views import TenantQuerysetMixin
from limits import services
from limits.api.serializers import (
    CoverOutputSerializer,
    CoverQuerySerializer,
    LimitDetailOutputSerializer,
    LimitEditInputSerializer,
    LimitOutputSerializer,
    LimitRequestInputSerializer,
)
from limits.models import CreditLimit
from limits.selectors import cover_in_force, limit_list_for_tenant, limit_with_history

REQUEST_EXAMPLE = OpenApiExample(
    "Request 40,000 EUR at 60 days",
    value={"policy": 1, "buyer": 42, "amount": {"amount": "40000.00", "currency": "EUR"}, "terms_days": 60,
           "reference": "CL-2026-0042"},
    request_only=True,
)

_BUYER = {"id": 42, "legal_name": "Müller Maschinenbau GmbH", "country": "DE", "registration_number": "HRB123456",
          "grade": 2}
_LIMIT = {
    "id": 7, "reference": "CL-2026-0042", "policy": "KR-ES-2026-001", "policy_id": 1, "buyer": _BUYER,
    "requested": {"amount": "40000.00", "currency": "EUR"}, "requested_terms_days": 60, "conditions": "",
    "is_discretionary": False, "under_review": False, "review_date": None, "expiry_date": None,
    "created_at": "2026-03-02T09:15:00Z",
}
LIMIT_DECIDED_EXAMPLE = OpenApiExample(
    "Decided at once",
    summary="Within the automatic-decision matrix: in force at once",
    value={
        **_LIMIT, "state": "in_force", "in_force": {"amount": "40000.00", "currency": "EUR"},
        "decided_terms_days": 60, "decided_at": "2026-03-02T09:15:00Z",
        "decisions": [{
            "id": 11, "kind": "approved", "amount": {"amount": "40000.00", "currency": "EUR"},
            "effective_date": "2026-03-02", "reason_codes": [], "reasons": [], "note": "", "conditions": "",
            "automatic": True, "response_category": "approved", "scorecard_version": None,
            "created_at": "2026-03-02T09:15:00Z",
        }],
    },
    response_only=True,
    status_codes=["200", "201"],
)
LIMIT_REFERRED_EXAMPLE = OpenApiExample(
    "Referred to an underwriter",
    summary="Above the matrix: pending until an underwriter decides",
    value={
        **_LIMIT, "requested": {"amount": "250000.00", "currency": "EUR"}, "state": "pending",
        "in_force": {"amount": "0.00", "currency": "EUR"}, "decided_terms_days": None, "decided_at": None,
        "decisions": [{
            "id": 12, "kind": "referred", "amount": {"amount": "0.00", "currency": "EUR"},
            "effective_date": "2026-03-02", "reason_codes": [], "reasons": [], "note": "", "conditions": "",
            "automatic": False, "response_category": "still_investigating", "scorecard_version": None,
            "created_at": "2026-03-02T09:15:00Z",
        }],
    },
    response_only=True,
    status_codes=["200", "202"],
)
COVER_EXAMPLE = OpenApiExample(
    "Cover on a shipment date",
    value={"on": "2026-03-05", "amount": {"amount": "40000.00", "currency": "EUR"}, "percentage_of_cover": "90.00",
           "is_discretionary": False, "stopped": False},
    response_only=True,
)


class LimitFilter(django_filters.FilterSet):
    # Declared, not generated: generation would query the scoped manager at import.
    state = django_filters.ChoiceFilter(choices=CreditLimit.State.choices)
    policy = IdFilter(field_name="policy_id")
    buyer = IdFilter(field_name="buyer_id")
    country = django_filters.CharFilter(field_name="buyer__country", lookup_expr="iexact")
    reference = django_filters.CharFilter(field_name="reference")
    discretionary = django_filters.BooleanFilter(field_name="is_discretionary")
    q = django_filters.CharFilter(
        method="filter_q", label="Buyer name or identifier (case and accents ignored), or part of the reference."
    )

    class Meta:
        model = CreditLimit
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        return matching_buyer_or_reference(queryset, value)


def _limit_or_404(tenant, pk):
    try:
        return limit_with_history(tenant=tenant, pk=pk)
    except CreditLimit.DoesNotExist as exc:
        raise Http404 from exc


@extend_schema_view(
    get=extend_schema(summary="List your limits and requests", tags=["limits"]),
    post=extend_schema(
        summary="Request a credit limit",
        description=(
            "Requests within the automatic-decision matrix are decided at once (201, with the decision); "
            "others go to an underwriter (202, state `pending`). Send an `Idempotency-Key` to retry safely."
        ),
        tags=["limits"],
        request=LimitRequestInputSerializer,
        responses={201: LimitDetailOutputSerializer, 202: LimitDetailOutputSerializer},
        examples=[REQUEST_EXAMPLE, LIMIT_DECIDED_EXAMPLE, LIMIT_REFERRED_EXAMPLE],
    ),
)
class LimitListCreateApi(IdempotentPostMixin, TenantQuerysetMixin, generics.ListAPIView):
    model = CreditLimit
    serializer_class = LimitOutputSerializer
    filterset_class = LimitFilter

    @property
    def required_permission(self):
        return "limits.request_limit" if self.request.method == "POST" else "limits.view_creditlimit"

    def get_tenant_queryset(self, tenant):
        return limit_list_for_tenant(tenant=tenant)

    def handle_post(self, request):
        data = LimitRequestInputSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        v = data.validated_data
        outcome = services.request_limit(
            tenant=request.tenant, requested_by=request.user, policy=v["policy"], buyer=v["buyer"],
            amount=v["amount"], terms_days=v["terms_days"], reference=v["reference"],
        )
        limit = _limit_or_404(request.tenant, outcome.limit.pk)
        code = status.HTTP_201_CREATED if outcome.decided else status.HTTP_202_ACCEPTED
        return Response(LimitDetailOutputSerializer(limit).data, status=code)


@extend_schema_view(
    post=extend_schema(
        summary="Set a discretionary limit",
        description="Within the policy's discretionary maximum, for buyers graded within the allowed grades.",
        tags=["limits"], request=LimitRequestInputSerializer, responses={201: LimitDetailOutputSerializer},
    )
)
class DiscretionaryLimitApi(IdempotentPostMixin, APIView):
    serializer_class = LimitDetailOutputSerializer
    required_permission = "limits.request_limit"

    def handle_post(self, request):
        data = LimitRequestInputSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        v = data.validated_data
        limit = services.set_discretionary_limit(
            tenant=request.tenant, set_by=request.user, policy=v["policy"], buyer=v["buyer"],
            amount=v["amount"], terms_days=v["terms_days"], reference=v["reference"],
        )
        return Response(LimitDetailOutputSerializer(_limit_or_404(request.tenant, limit.pk)).data, status=201)


@extend_schema_view(
    get=extend_schema(summary="A limit with its decision history", tags=["limits"],
                      examples=[LIMIT_DECIDED_EXAMPLE, LIMIT_REFERRED_EXAMPLE]),
    patch=extend_schema(summary="Edit a pending request", tags=["limits"], request=LimitEditInputSerializer,
                        responses={200: LimitDetailOutputSerializer},
                        examples=[LIMIT_DECIDED_EXAMPLE, LIMIT_REFERRED_EXAMPLE]),
)
class LimitDetailApi(APIView):
    serializer_class = LimitDetailOutputSerializer
    @property
    def required_permission(self):
        return "limits.view_creditlimit" if self.request.method == "GET" else "limits.request_limit"

    def get(self, request, pk):
        return Response(LimitDetailOutputSerializer(_limit_or_404(request.tenant, pk)).data)

    def patch(self, request, pk):
        limit = _limit_or_404(request.tenant, pk)
        data = LimitEditInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.edit_pending_request(limit=limit, **data.validated_data)
        return Response(LimitDetailOutputSerializer(_limit_or_404(request.tenant, pk)).data)


@extend_schema_view(
    post=extend_schema(summary="Cancel a pending request", tags=["limits"], request=None,
                       responses={200: LimitDetailOutputSerializer, 400: OpenApiResponse(description="Not pending")}),
)
class LimitCancelApi(APIView):
    serializer_class = LimitDetailOutputSerializer
    required_permission = "limits.request_limit"

    def post(self, request, pk):
        limit = _limit_or_404(request.tenant, pk)
        services.cancel_request(limit=limit, cancelled_by=request.user)
        return Response(LimitDetailOutputSerializer(_limit_or_404(request.tenant, pk)).data)


@extend_schema_view(
    get=extend_schema(summary="Cover in force for a shipment date", tags=["limits"],
                      parameters=[CoverQuerySerializer], responses={200: CoverOutputSerializer},
                      examples=[COVER_EXAMPLE]),
)
class LimitCoverApi(APIView):
    serializer_class = CoverOutputSerializer
    required_permission = "limits.view_creditlimit"

    def get(self, request, pk):
        limit = _limit_or_404(request.tenant, pk)
        query = CoverQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        on = query.validated_data["on"]
        cover = cover_in_force(policy=limit.policy, buyer=limit.buyer, on=on)
        return Response(CoverOutputSerializer({"on": on, **cover.__dict__}).data)
