"""Loss payees in the insurer API (/api/v1/insurer/, underwriters' tokens or sessions,
accounts.permissions.IsInsurerStaff): a policy's assignments, assigning the indemnity to a bank, releasing it.

Thin: the rules (a valid IBAN, dates within the policy, one running assignment per scope) are
policies.loss_payees.services', as in the admin; a refusal points at the field it is about.
"""

from django.conf import settings
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from accounts.permissions import IsInsurerStaff
from core.api.fields import BoundedDateField
from core.api.filters import MAX_ID
from core.api.idempotency import IdempotentPostMixin
from core.exceptions import DomainError
from policies.loss_payees import services
from policies.loss_payees.models import LossPayee
from policies.models import Policy

TAGS = ["insurer: policies"]
POST_NOTE = " Send an `Idempotency-Key` to retry safely."
REFUSED = OpenApiResponse(description="Invalid fields or a rule refused it: problem details with pointers.")
NOT_FOUND = OpenApiResponse(description="No such policy or assignment.")


class InsurerLossPayeeOutputSerializer(serializers.ModelSerializer):
    buyer_id = serializers.IntegerField(allow_null=True, help_text="Null: every buyer without its own assignment.")
    policy_id = serializers.IntegerField()
    tenant_id = serializers.IntegerField(help_text="The insured.")
    ended_on = serializers.DateField(allow_null=True, help_text="The last day it applies; null while it runs.")

    class Meta:
        model = LossPayee
        fields = ("id", "tenant_id", "policy_id", "buyer_id", "bank_name", "iban", "bic", "contact_name",
                  "contact_email", "language", "effective_from", "ended_on", "reason", "release_reason",
                  "created_at")
        read_only_fields = fields


class AssignInputSerializer(serializers.Serializer):
    buyer = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False, allow_null=True, default=None,
                                     help_text="The buyer whose indemnity is assigned; omitted or null: the whole "
                                               "policy.")
    bank_name = serializers.CharField(max_length=200)
    iban = serializers.CharField(max_length=50, help_text="The account the indemnity is paid to (checked).")
    bic = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    contact_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    contact_email = serializers.EmailField(max_length=254, help_text="Told of what the bank finances.")
    language = serializers.ChoiceField(choices=[code for code, _name in settings.LANGUAGES], default="en")
    webhook_url = serializers.URLField(max_length=500, required=False, allow_blank=True, default="",
                                       help_text="The bank's receiver, sent only the events of what it finances.")
    effective_from = BoundedDateField(help_text="Within the policy period.")
    reason = serializers.CharField(max_length=300, help_text="The financing agreement.")


class ReleaseInputSerializer(serializers.Serializer):
    ended_on = BoundedDateField(help_text="The last day the assignment applies.")
    reason = serializers.CharField(max_length=300)


def _policy_or_404(policy_id) -> Policy:
    policy = Policy.objects.select_related("tenant").filter(pk=policy_id).first()
    if policy is None:
        raise Http404
    return policy


def _payees():
    return LossPayee.objects.order_by("-effective_from", "-pk")


@extend_schema_view(
    get=extend_schema(summary="A policy's loss payees, running and ended, newest first", tags=TAGS,
                      responses={200: InsurerLossPayeeOutputSerializer(many=True), 404: NOT_FOUND}),
    post=extend_schema(
        summary="Assign the indemnity on a buyer, or on the whole policy, to a bank",
        description=("An endorsement: from `effective_from` claims on the buyer (or, without `buyer`, on every "
                     "buyer without an assignment of its own) are paid to the bank, which is told of limit "
                     "decisions, reductions, overdues and claims on what it finances. The insured is told. "
                     "Answers 201 with the assignment." + POST_NOTE),
        tags=TAGS, request=AssignInputSerializer,
        responses={201: InsurerLossPayeeOutputSerializer, 400: REFUSED, 404: NOT_FOUND},
        examples=[OpenApiExample("On one buyer", request_only=True, value={
            "buyer": 12, "bank_name": "Banco Financiador S.A.", "iban": "ES9121000418450200051332",
            "contact_email": "factoring@banco.example", "language": "es", "effective_from": "2026-07-01",
            "reason": "Receivables financing agreement 2026/114"})]),
)
class InsurerPolicyLossPayeesApi(IdempotentPostMixin, generics.ListAPIView):
    permission_classes = [IsInsurerStaff]
    serializer_class = InsurerLossPayeeOutputSerializer
    pagination_class = None  # a policy has a handful of assignments

    @property
    def required_permission(self):
        return "policies.view_losspayee" if self.request.method == "GET" else "policies.add_losspayee"

    @cached_property
    def policy(self) -> Policy:
        return _policy_or_404(self.kwargs["policy_id"])

    def idempotency_tenant(self, request, *args, **kwargs):
        return self.policy.tenant

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return LossPayee._default_manager.none()
        return _payees().filter(policy=self.policy)

    def handle_post(self, request, policy_id):
        parsed = AssignInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        data = dict(parsed.validated_data)
        buyer, buyer_id = None, data.pop("buyer")
        if buyer_id is not None:
            # policies never import buyers: the registry is reached through the assignment's own foreign key.
            buyer = LossPayee._meta.get_field("buyer").related_model.objects.filter(pk=buyer_id).first()
            if buyer is None:
                raise DomainError(_("Unknown buyer."), field="buyer")
        payee = services.assign_loss_payee(policy=self.policy, buyer=buyer, made_by=request.user, **data)
        return Response(InsurerLossPayeeOutputSerializer(payee).data, status=status.HTTP_201_CREATED)


@extend_schema_view(post=extend_schema(
    summary="Release a loss payee",
    description=("The financing was repaid: after `ended_on` claims are paid to the insured again. The insured is "
                 "told. Answers with the assignment." + POST_NOTE),
    tags=TAGS, request=ReleaseInputSerializer,
    responses={200: InsurerLossPayeeOutputSerializer, 400: REFUSED, 404: NOT_FOUND},
    examples=[OpenApiExample("Repaid", request_only=True,
                             value={"ended_on": "2026-12-31", "reason": "Financing repaid."})]))
class InsurerLossPayeeReleaseApi(IdempotentPostMixin, generics.GenericAPIView):
    permission_classes = [IsInsurerStaff]
    required_permission = "policies.change_losspayee"
    serializer_class = InsurerLossPayeeOutputSerializer

    @cached_property
    def payee(self) -> LossPayee:
        payee = LossPayee.objects.select_related("tenant").filter(pk=self.kwargs["payee_id"]).first()
        if payee is None:
            raise Http404
        return payee

    def idempotency_tenant(self, request, *args, **kwargs):
        return self.payee.tenant

    def handle_post(self, request, payee_id):
        parsed = ReleaseInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        payee = services.release_loss_payee(payee=self.payee, ended_on=parsed.validated_data["ended_on"],
                                            reason=parsed.validated_data["reason"], made_by=request.user)
        return Response(InsurerLossPayeeOutputSerializer(payee).data)
