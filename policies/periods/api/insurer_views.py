"""The insurer API of the policy's life (/api/v1/insurer/, underwriters' tokens or sessions,
accounts.permissions.IsInsurerStaff): open renewal offers across insureds, change one, give notice on a policy."""

from functools import cached_property

from django.http import Http404
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from core.api.idempotency import IdempotentPostMixin
from policies.models import Policy
from policies.periods import services
from policies.periods.api.serializers import (
    NoticeInputSerializer,
    OfferChangeInputSerializer,
    PolicyNoticeOutputSerializer,
    RenewalOfferOutputSerializer,
)
from policies.periods.models import RenewalOffer

TAGS = ["insurer: policies"]
CHANGE = "policies.change_renewaloffer"
NOTICE = "policies.give_policy_notice"
POST_NOTE = " Send an `Idempotency-Key` to retry safely."
REFUSED = OpenApiResponse(description="Invalid fields or a rule refused it: problem details with pointers.")
NOT_FOUND = OpenApiResponse(description="No such offer or policy.")


def _offers():
    return RenewalOffer.objects.select_related("policy", "period", "next_period", "tenant")


@extend_schema_view(get=extend_schema(summary="Open renewal offers, across insureds, soonest period end first",
                                      tags=TAGS))
class InsurerRenewalOfferListApi(generics.ListAPIView):
    permission_classes = [IsInsurerStaff]
    required_permission = CHANGE
    serializer_class = RenewalOfferOutputSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return RenewalOffer._default_manager.none()
        return _offers().filter(state=RenewalOffer.State.OFFERED).order_by("period__end", "pk")


@extend_schema_view(post=extend_schema(
    summary="Change an open renewal offer",
    description=("The proposed rate and other terms (by term name, as the policy's terms list them), informed by the "
                 "offer's `loss_ratio_percent`. Applied by endorsement from the next period's first day when the "
                 "insured accepts. Answers with the offer." + POST_NOTE),
    tags=TAGS, request=OfferChangeInputSerializer,
    responses={200: RenewalOfferOutputSerializer, 400: REFUSED, 404: NOT_FOUND},
    examples=[OpenApiExample("Raise the rate", request_only=True,
                             value={"premium_rate_percent": "0.3000",
                                    "term_changes": {"percentage_of_cover_commercial": "85"},
                                    "note": "Loss ratio 62%."})]))
class InsurerRenewalOfferChangeApi(IdempotentPostMixin, APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = CHANGE
    serializer_class = RenewalOfferOutputSerializer

    @cached_property
    def offer(self) -> RenewalOffer:
        offer = _offers().filter(pk=self.kwargs["offer_id"]).first()
        if offer is None:
            raise Http404
        return offer

    def idempotency_tenant(self, request, *args, **kwargs):
        return self.offer.tenant

    def handle_post(self, request, offer_id):
        data = OfferChangeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        offer = services.change_offer(offer=self.offer, changed_by=request.user,
                                      premium_rate_percent=values.get("premium_rate_percent"),
                                      term_changes=values.get("term_changes"), note=values["note"])
        return Response(RenewalOfferOutputSerializer(offer).data)


@extend_schema_view(post=extend_schema(
    summary="Give the insurer's notice of non-renewal or cancellation on a policy",
    description=("As the insured's notice, given by the insurer: from its effective day no new shipment is covered "
                 "and limits end; earlier shipments stay covered." + POST_NOTE),
    tags=TAGS, request=NoticeInputSerializer,
    responses={201: PolicyNoticeOutputSerializer, 400: REFUSED, 404: NOT_FOUND}))
class InsurerPolicyNoticeApi(IdempotentPostMixin, APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = NOTICE
    serializer_class = PolicyNoticeOutputSerializer

    @cached_property
    def policy(self) -> Policy:
        policy = Policy.objects.select_related("tenant").filter(pk=self.kwargs["policy_id"]).first()
        if policy is None:
            raise Http404
        return policy

    def idempotency_tenant(self, request, *args, **kwargs):
        return self.policy.tenant

    def handle_post(self, request, policy_id):
        data = NoticeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        notice = services.give_notice(policy=self.policy, kind=data.validated_data["kind"], side="insurer",
                                      reason=data.validated_data["reason"], given_by=request.user)
        return Response(PolicyNoticeOutputSerializer(notice).data, status=201)
