"""The insured's proposals and quotes in the API (tenant tokens and sessions; the tenant admin's permissions)."""

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.idempotency import IdempotentPostMixin
from core.api.views import TenantQuerysetMixin
from policies.api.serializers import PolicyOutputSerializer
from policies.proposals import selectors, services
from policies.proposals.api.serializers import (
    ProposalInputSerializer,
    ProposalOutputSerializer,
    QuoteDeclineInputSerializer,
    QuoteOutputSerializer,
)
from policies.proposals.models import Proposal, Quote
from policies.selectors import policies_for_tenant

TAGS = ["proposals and quotes"]
REFUSED = OpenApiResponse(description="Invalid fields or a rule refused it: problem details with pointers.")


@extend_schema_view(
    get=extend_schema(summary="List your proposals", tags=TAGS),
    post=extend_schema(
        summary="Apply for cover (a proposal)",
        description=("Expected turnover by buyer country, the buyers you want covered (a registry buyer's id, or a "
                     "new buyer's name and country) with amounts, three years of loss history, your longest "
                     "credit period and the percentage of cover you want. Every amount in `currency`. Possible "
                     "without any policy yet. Send an `Idempotency-Key` to retry safely."),
        tags=TAGS, request=ProposalInputSerializer, responses={201: ProposalOutputSerializer, 400: REFUSED}),
)
class ProposalListCreateApi(IdempotentPostMixin, TenantQuerysetMixin, generics.ListAPIView):
    model = Proposal
    serializer_class = ProposalOutputSerializer

    @property
    def required_permission(self):
        return "policies.add_proposal" if self.request.method == "POST" else "policies.view_proposal"

    def get_tenant_queryset(self, tenant):
        return selectors.proposals_for_tenant(tenant=tenant)

    def handle_post(self, request):
        data = ProposalInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        proposal = services.submit_proposal(tenant=request.tenant, submitted_by=request.user,
                                            **data.service_arguments())
        proposal = selectors.proposals_for_tenant(tenant=request.tenant).get(pk=proposal.pk)
        return Response(ProposalOutputSerializer(proposal).data, status=status.HTTP_201_CREATED)


@extend_schema_view(get=extend_schema(summary="One of your proposals", tags=TAGS))
class ProposalDetailApi(TenantQuerysetMixin, generics.RetrieveAPIView):
    model = Proposal
    serializer_class = ProposalOutputSerializer
    required_permission = "policies.view_proposal"

    def get_tenant_queryset(self, tenant):
        return selectors.proposals_for_tenant(tenant=tenant)


@extend_schema_view(get=extend_schema(summary="List the quotes offered to you", tags=TAGS))
class QuoteListApi(TenantQuerysetMixin, generics.ListAPIView):
    model = Quote
    serializer_class = QuoteOutputSerializer
    required_permission = "policies.view_quote"

    def get_tenant_queryset(self, tenant):
        return selectors.quotes_for_tenant(tenant=tenant)


@extend_schema_view(get=extend_schema(summary="A quote offered to you, with every term", tags=TAGS))
class QuoteDetailApi(TenantQuerysetMixin, generics.RetrieveAPIView):
    model = Quote
    serializer_class = QuoteOutputSerializer
    required_permission = "policies.view_quote"

    def get_tenant_queryset(self, tenant):
        return selectors.quotes_for_tenant(tenant=tenant)


def _quote_or_404(tenant, pk) -> Quote:
    try:
        return selectors.quotes_for_tenant(tenant=tenant).get(pk=pk)
    except Quote.DoesNotExist as exc:
        raise Http404 from exc


@extend_schema_view(post=extend_schema(
    summary="Accept an offered quote: the policy is issued",
    description=("Within the quote's validity (after it: 400 `quote_expired`). Answers 201 with the issued policy "
                 "(its number, its first terms version) and sends `policy.issued`. Send an `Idempotency-Key`."),
    tags=TAGS, request=None, responses={201: PolicyOutputSerializer, 400: REFUSED}))
class QuoteAcceptApi(IdempotentPostMixin, APIView):
    serializer_class = PolicyOutputSerializer
    required_permission = selectors.DECIDE_QUOTE

    def handle_post(self, request, pk):
        policy = services.accept_quote(quote=_quote_or_404(request.tenant, pk), accepted_by=request.user)
        policy = policies_for_tenant(tenant=request.tenant).get(pk=policy.pk)
        return Response(PolicyOutputSerializer(policy).data, status=status.HTTP_201_CREATED)


@extend_schema_view(post=extend_schema(
    summary="Decline an offered quote, with a reason", tags=TAGS, request=QuoteDeclineInputSerializer,
    description="The proposal goes back to the underwriter. Send an `Idempotency-Key`.",
    responses={200: QuoteOutputSerializer, 400: REFUSED}))
class QuoteDeclineApi(IdempotentPostMixin, APIView):
    serializer_class = QuoteOutputSerializer
    required_permission = selectors.DECIDE_QUOTE

    def handle_post(self, request, pk):
        quote = _quote_or_404(request.tenant, pk)
        data = QuoteDeclineInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.decline_quote(quote=quote, declined_by=request.user, **data.validated_data)
        quote = _quote_or_404(request.tenant, pk)
        return Response(QuoteOutputSerializer(quote, context={"request": request}).data)
