from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response

from buyers import services
from buyers.api.serializers import (
    BuyerOutputSerializer,
    BuyerProposalInputSerializer,
    BuyerSearchQuerySerializer,
)
from buyers.models import Buyer
from buyers.selectors import buyers_visible_to, search_buyers
from core.api.idempotency import IdempotentPostMixin
from core.api.views import TenantQuerysetMixin

PROPOSAL_EXAMPLE = OpenApiExample(
    "Propose a German buyer",
    value={
        "legal_name": "Müller Maschinenbau GmbH", "country": "DE", "registration_number": "HRB 123456",
        "vat_number": "DE811111111", "sector_nace": "28.41", "address": "Industriestraße 5", "city": "Stuttgart",
        "postal_code": "70173",
    },
    request_only=True,
)
BUYER_EXAMPLE = OpenApiExample(
    "A confirmed buyer",
    value={
        "id": 42, "legal_name": "Müller Maschinenbau GmbH", "trading_name": "Müller", "country": "DE",
        "registration_number": "HRB123456", "vat_number": "DE811111111", "lei": "", "sector_nace": "28.41",
        "address": "Industriestraße 5", "city": "Stuttgart", "postal_code": "70173", "grade": 2,
        "grade_date": "2026-01-15", "status": "confirmed",
        "identifiers": [{"type": "vat", "issuer": "", "country": "DE", "value": "DE811111111"}],
    },
    response_only=True,
)
PROPOSED_EXAMPLE = OpenApiExample(
    "Proposal waiting for identification",
    value={
        "id": 97, "legal_name": "Müller Maschinenbau GmbH", "trading_name": "", "country": "DE",
        "registration_number": "HRB123456", "vat_number": "DE811111111", "lei": "", "sector_nace": "28.41",
        "address": "Industriestraße 5", "city": "Stuttgart", "postal_code": "70173", "grade": None,
        "grade_date": None, "status": "pending", "identifiers": [],
    },
    response_only=True,
    status_codes=["201"],
)


@extend_schema_view(
    get=extend_schema(
        summary="Search the buyer registry",
        description="Confirmed buyers and your own pending proposals; every word of `q` must match.",
        tags=["buyers"],
        parameters=[
            OpenApiParameter("q", str, description="Name, registration number or VAT number (case and accents ignored)."),
            OpenApiParameter("country", str, description="ISO 3166-1 alpha-2 country code."),
        ],
        examples=[BUYER_EXAMPLE],
    ),
    post=extend_schema(
        summary="Propose a buyer missing from the registry",
        description=(
            "The buyer waits for identification by the insurer and is visible to your company only until then. "
            "A buyer already in the registry is a 400 (`duplicate_buyer`). Send an `Idempotency-Key` to retry safely."
        ),
        tags=["buyers"],
        request=BuyerProposalInputSerializer,
        responses={201: BuyerOutputSerializer},
        examples=[PROPOSAL_EXAMPLE, PROPOSED_EXAMPLE],
    ),
)
class BuyerListCreateApi(IdempotentPostMixin, TenantQuerysetMixin, generics.ListAPIView):
    model = Buyer
    serializer_class = BuyerOutputSerializer

    @property
    def required_permission(self):
        return "buyers.add_buyer" if self.request.method == "POST" else "buyers.view_buyer"

    def get_tenant_queryset(self, tenant):
        params = BuyerSearchQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return search_buyers(
            tenant=tenant, query=params.validated_data["q"], country=params.validated_data["country"] or None
        ).prefetch_related("identifiers")

    def handle_post(self, request):
        data = BuyerProposalInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        buyer = services.propose_buyer(tenant=request.tenant, **data.validated_data)
        buyer = buyers_visible_to(tenant=request.tenant).prefetch_related("identifiers").get(pk=buyer.pk)
        return Response(BuyerOutputSerializer(buyer).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="One buyer of the registry with its identifiers",
        description="Its identity and grade only; 404 for another company's pending proposal or a merged buyer.",
        tags=["buyers"],
        examples=[BUYER_EXAMPLE],
    )
)
class BuyerDetailApi(TenantQuerysetMixin, generics.RetrieveAPIView):
    model = Buyer
    serializer_class = BuyerOutputSerializer
    required_permission = "buyers.view_buyer"

    def get_tenant_queryset(self, tenant):
        return buyers_visible_to(tenant=tenant).prefetch_related("identifiers")
