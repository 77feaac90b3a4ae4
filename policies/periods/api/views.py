"""The insured's API of its policy's periods: the periods, the renewal offer (read, accept, decline) and the notice
(read, give). Thin: the selectors scope to the tenant, the services decide (policies.periods)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.idempotency import IdempotentPostMixin
from core.api.views import TenantQuerysetMixin
from policies.periods import services
from policies.periods.api.serializers import (
    NoticeInputSerializer,
    PeriodOutputSerializer,
    PolicyNoticeOutputSerializer,
    RenewalOfferOutputSerializer,
)
from policies.periods.models import InsurancePeriod, PolicyNotice
from policies.periods.selectors import (
    ANSWER_OFFER,
    GIVE_NOTICE,
    periods_for_tenant,
    renewal_offers_for_tenant,
)
from policies.selectors import policies_for_tenant

TAGS = ["policies"]
VIEW = "policies.view_policy"
POST_NOTE = " Send an `Idempotency-Key` to retry safely."
REFUSED = OpenApiResponse(description="A rule refused it: problem details with pointers.")
NOT_FOUND = OpenApiResponse(description="No such policy among yours, or no offer or notice on it.")


def _policy(request, pk):
    return get_object_or_404(policies_for_tenant(tenant=request.tenant), pk=pk)


def _latest_offer(request, pk):
    offer = renewal_offers_for_tenant(tenant=request.tenant, policy=_policy(request, pk)).order_by(
        "-offered_on", "-pk").first()
    if offer is None:
        raise Http404
    return offer


@extend_schema_view(get=extend_schema(summary="A policy's insurance periods", tags=TAGS))
class PolicyPeriodListApi(TenantQuerysetMixin, generics.ListAPIView):
    model = InsurancePeriod
    serializer_class = PeriodOutputSerializer
    required_permission = VIEW

    def get_tenant_queryset(self, tenant):
        return periods_for_tenant(tenant=tenant, policy=get_object_or_404(policies_for_tenant(tenant=tenant),
                                                                          pk=self.kwargs["pk"]))


@extend_schema_view(get=extend_schema(summary="The policy's latest renewal offer", tags=TAGS,
                                      responses={200: RenewalOfferOutputSerializer, 404: NOT_FOUND}))
class RenewalOfferApi(APIView):
    serializer_class = RenewalOfferOutputSerializer
    required_permission = VIEW

    def get(self, request, pk):
        return Response(RenewalOfferOutputSerializer(_latest_offer(request, pk)).data)


class _AnswerApi(IdempotentPostMixin, APIView):
    serializer_class = RenewalOfferOutputSerializer
    required_permission = ANSWER_OFFER

    def handle_post(self, request, pk):
        offer = _latest_offer(request, pk)
        self.answer(offer, request.user)
        offer.refresh_from_db()
        return Response(RenewalOfferOutputSerializer(offer).data)


@extend_schema_view(post=extend_schema(
    summary="Accept the renewal offer",
    description=("The next period starts the day after this one ends, on the offered rate and terms; limits in "
                 "force carry over. `policy.renewed` is sent. Answers with the offer." + POST_NOTE),
    tags=TAGS, request=None, responses={200: RenewalOfferOutputSerializer, 400: REFUSED, 404: NOT_FOUND}))
class RenewalOfferAcceptApi(_AnswerApi):
    def answer(self, offer, user):
        services.accept_offer(offer=offer, accepted_by=user)


@extend_schema_view(post=extend_schema(
    summary="Decline the renewal offer",
    description="The policy ends with the period; shipments before its end stay covered." + POST_NOTE,
    tags=TAGS, request=None, responses={200: RenewalOfferOutputSerializer, 400: REFUSED, 404: NOT_FOUND}))
class RenewalOfferDeclineApi(_AnswerApi):
    def answer(self, offer, user):
        services.decline_offer(offer=offer, declined_by=user)


@extend_schema_view(
    get=extend_schema(summary="The notice of non-renewal or cancellation on the policy", tags=TAGS,
                      responses={200: PolicyNoticeOutputSerializer, 404: NOT_FOUND}),
    post=extend_schema(
        summary="Give notice of non-renewal or cancellation",
        description=("Non-renewal: the policy ends with its period, if given at least the terms' notice days before "
                     "its end. Cancellation: no shipment from the notice days after today is covered. Earlier "
                     "shipments stay covered (run-off)." + POST_NOTE),
        tags=TAGS, request=NoticeInputSerializer,
        responses={201: PolicyNoticeOutputSerializer, 400: REFUSED, 404: NOT_FOUND}),
)
class PolicyNoticeApi(IdempotentPostMixin, APIView):
    serializer_class = PolicyNoticeOutputSerializer

    @property
    def required_permission(self):
        return GIVE_NOTICE if self.request.method == "POST" else VIEW

    def get(self, request, pk):
        notice = PolicyNotice.objects.filter(policy=_policy(request, pk)).first()
        if notice is None:
            raise Http404
        return Response(PolicyNoticeOutputSerializer(notice).data)

    def handle_post(self, request, pk):
        policy = _policy(request, pk)
        data = NoticeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        notice = services.give_notice(policy=policy, kind=data.validated_data["kind"], side="insured",
                                      reason=data.validated_data["reason"], given_by=request.user)
        return Response(PolicyNoticeOutputSerializer(notice).data, status=201)
