"""Turnover declarations and a policy's premium for integrators; the rules are in policies.premium.services."""

import django_filters
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.filters import IdFilter
from core.api.idempotency import IdempotentPostMixin
from core.api.views import TenantQuerysetMixin
from policies.premium import services as services_premium
from policies.premium.api.serializers import (
    PolicyPremiumOutputSerializer,
    PremiumInvoiceOutputSerializer,
    TurnoverDeclarationInputSerializer,
    TurnoverDeclarationOutputSerializer,
)
from policies.premium.calculation import parse_period
from policies.premium.models import PremiumInvoice, TurnoverDeclaration
from policies.premium.selectors import declarations_for_tenant, premium_invoices_for_tenant, premium_position
from policies.selectors import policies_for_tenant

TAGS = ["premium"]
_EUR = "EUR"


def _money(amount):
    return {"amount": amount, "currency": _EUR}


DECLARE_EXAMPLE = OpenApiExample(
    "Turnover of January to Spanish buyers",
    value={"policy": 1, "period_start": "2026-01-01", "country": "ES", "turnover": _money("1000000.00")},
    request_only=True,
)
DECLARATION_EXAMPLE = OpenApiExample(
    "Declared: 1,000,000 at 0.25% is 2,500 of premium",
    value={"id": 3, "policy": "KR-ES-2026-001", "policy_id": 1, "period_start": "2026-01-01",
           "period_end": "2026-01-31", "country": "ES", "turnover": _money("1000000.00"),
           "premium_rate_percent": "0.2500", "premium": _money("2500.00"), "declared_by": "finance@iberia",
           "declared_at": "2026-02-03T10:00:00Z"},
    response_only=True,
    status_codes=["200", "201"],
)
POSITION_EXAMPLE = OpenApiExample(
    "Period ended below the minimum premium (domain example 10)",
    value={
        "policy_id": 1, "policy": "KR-ES-2026-001", "period_start": "2026-01-01", "period_end": "2026-12-31",
        "premium_rate_percent": "0.2500", "declared_premium": _money("2500.00"),
        "minimum_premium": _money("5000.00"), "premium_due": _money("5000.00"), "adjustment": _money("2500.00"),
        "settled": True, "maximum_liability": _money("200000.00"),
        "periods": [{
            "period": "2026-01", "start": "2026-01-01", "end": "2026-01-31", "missing": False,
            "turnover": _money("1000000.00"), "premium": _money("2500.00"),
            "countries": [{"country": "ES", "turnover": _money("1000000.00"), "premium": _money("2500.00")}],
        }, {
            "period": "2026-02", "start": "2026-02-01", "end": "2026-02-28", "missing": True,
            "turnover": _money("0.00"), "premium": _money("0.00"), "countries": [],
        }],
    },
    response_only=True,
)


class TurnoverDeclarationFilter(django_filters.FilterSet):
    # Declared, not generated: generation would query the scoped manager at import.
    policy = IdFilter(field_name="policy_id")
    period = django_filters.CharFilter(method="filter_period",
                                       label="Period: 2026-01 (a month), 2026-Q1 (a quarter) or its first day.")
    country = django_filters.CharFilter(field_name="country", lookup_expr="iexact")

    class Meta:
        model = TurnoverDeclaration
        fields: list[str] = []

    def filter_period(self, queryset, name, value):
        start = parse_period(value)
        return queryset.filter(period_start=start) if start else queryset.none()


@extend_schema_view(
    get=extend_schema(summary="List your turnover declarations", tags=TAGS, examples=[DECLARATION_EXAMPLE]),
    post=extend_schema(
        summary="Declare (or correct) the turnover of a period to buyers in one country",
        description=(
            "Premium = turnover x the policy's premium rate, rounded once to the currency's minor unit. "
            "Declaring a period and country again corrects it (200); the earlier values stay in the history. "
            "Send an `Idempotency-Key` to retry safely."
        ),
        tags=TAGS,
        request=TurnoverDeclarationInputSerializer,
        responses={201: TurnoverDeclarationOutputSerializer, 200: TurnoverDeclarationOutputSerializer,
                   400: OpenApiResponse(description="Period outside the policy or not ended, negative turnover, "
                                                    "another currency, an excluded country")},
        examples=[DECLARE_EXAMPLE, DECLARATION_EXAMPLE],
    ),
)
class TurnoverDeclarationListCreateApi(IdempotentPostMixin, TenantQuerysetMixin, generics.ListAPIView):
    model = TurnoverDeclaration
    serializer_class = TurnoverDeclarationOutputSerializer
    filterset_class = TurnoverDeclarationFilter

    @property
    def required_permission(self):
        return "policies.declare_turnover" if self.request.method == "POST" else "policies.view_turnoverdeclaration"

    def get_tenant_queryset(self, tenant):
        return declarations_for_tenant(tenant=tenant)

    def handle_post(self, request):
        data = TurnoverDeclarationInputSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        v = data.validated_data
        declaration, created = services_premium.declare_turnover(
            tenant=request.tenant, declared_by=request.user, policy=v["policy"], period_start=v["period_start"],
            country=v["country"], turnover=v["turnover"],
        )
        declaration = declarations_for_tenant(tenant=request.tenant).get(pk=declaration.pk)
        return Response(TurnoverDeclarationOutputSerializer(declaration).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


@extend_schema_view(get=extend_schema(
    summary="A policy's premium: periods, declared premium, minimum-premium adjustment, maximum liability",
    tags=TAGS, responses={200: PolicyPremiumOutputSerializer}, examples=[POSITION_EXAMPLE],
))
class PolicyPremiumApi(APIView):
    serializer_class = PolicyPremiumOutputSerializer
    required_permission = "policies.view_turnoverdeclaration"

    def get(self, request, pk):
        policy = get_object_or_404(policies_for_tenant(tenant=request.tenant), pk=pk)
        position = premium_position(policy=policy, today=timezone.localdate())
        return Response(PolicyPremiumOutputSerializer(position).data)


INVOICE_EXAMPLE = OpenApiExample(
    "The deposit, reminded (domain example 18)",
    value={"id": 7, "policy": "KR-ES-2026-001", "policy_id": 1, "kind": "deposit", "period_start": "2026-01-01",
           "period_end": "2026-12-31", "amount": _money("6000.00"), "issued_on": "2026-01-01",
           "due_on": "2026-01-31", "state": "open", "reminded_on": "2026-02-01", "paid_on": None,
           "paid": _money("0.00")},
    response_only=True,
)


@extend_schema_view(get=extend_schema(
    summary="A policy's premium invoices and credits, newest first",
    description=("Deposit, turnover premium, period-end adjustment, credit-limit fees and profit-share credits, "
                 "with what was paid on each. An invoice unpaid when the suspension notice after its reminder "
                 "runs out suspends cover for shipments until the day it is paid. `?cursor=` walks the list by "
                 "keyset."),
    tags=TAGS, examples=[INVOICE_EXAMPLE],
    responses={200: PremiumInvoiceOutputSerializer(many=True), 404: OpenApiResponse(description="Not your policy.")},
))
class PremiumInvoiceListApi(generics.ListAPIView):
    # No `model` here: the path's <pk> is the policy's (the isolation matrix reads a view's model as its pk's).
    serializer_class = PremiumInvoiceOutputSerializer
    required_permission = "policies.view_premiuminvoice"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return PremiumInvoice.objects.none()
        tenant = self.request.tenant
        # Another tenant's policy is "not found", as for every resource.
        policy = get_object_or_404(policies_for_tenant(tenant=tenant), pk=self.kwargs["pk"])
        return premium_invoices_for_tenant(tenant=tenant, policy=policy)
