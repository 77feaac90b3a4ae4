"""Buyers related to an insured in the insurer API (/api/v1/insurer/insured-relations/, underwriters only,
accounts.permissions.IsInsurerStaff): list them, record one, end one, through buyers.relations' services.

A relation excludes the buyer from the insured's cover unless its terms cover related companies; the insurer
records it, so an `Idempotency-Key` is filed under no tenant (the insurer's own keys, core.api.idempotency).
"""

import django_filters
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Tenant
from accounts.permissions import IsInsurerStaff
from buyers.models import Buyer
from buyers.relations import InsuredRelation, end_relation, record_relation
from core.api.filters import MAX_ID, IdFilter
from core.api.idempotency import IdempotentPostMixin
from core.exceptions import DomainError

TAGS = ["insurer: buyers"]
POST_NOTE = " Send an `Idempotency-Key` to retry safely."
REFUSED = OpenApiResponse(description="Invalid fields or a rule refused it: problem details with pointers.")


class InsuredRelationOutputSerializer(serializers.ModelSerializer):
    tenant_id = serializers.IntegerField(help_text="The insured.")
    buyer_id = serializers.IntegerField()
    buyer = serializers.CharField(source="buyer.legal_name", help_text="The buyer's legal name.")

    class Meta:
        model = InsuredRelation
        fields = ("id", "tenant_id", "buyer_id", "buyer", "note", "created_at")
        read_only_fields = fields


class RelationInputSerializer(serializers.Serializer):
    tenant = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="The insured.")
    buyer = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="The buyer of its own group.")
    # The length and the blank refusal are record_relation's, with its own messages on this field.
    note = serializers.CharField(max_length=4000, allow_blank=True,
                                 help_text="How they are related: a subsidiary, the parent, a common shareholder.")


class EndInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=4000, help_text="Why it ends: kept in the relation's history.")


class RelationFilter(django_filters.FilterSet):
    tenant = IdFilter(field_name="tenant_id", help_text="The insured's id.")
    buyer = IdFilter(field_name="buyer_id", help_text="The buyer's id.")

    class Meta:
        model = InsuredRelation
        fields: list[str] = []


def _found(model, pk, field: str, message: str):
    found = model.objects.filter(pk=pk).first()
    if found is None:
        raise DomainError(message, field=field)
    return found


@extend_schema_view(
    get=extend_schema(summary="Buyers related to insureds (`?tenant=`, `?buyer=`), newest first", tags=TAGS),
    post=extend_schema(
        summary="Record a buyer as related to an insured",
        description=("The insured's policies exclude selling to it unless their terms cover related companies "
                     "(checked when a limit is requested and when a claim is calculated). Answers 201." + POST_NOTE),
        tags=TAGS, request=RelationInputSerializer, responses={201: InsuredRelationOutputSerializer, 400: REFUSED},
        examples=[OpenApiExample("A subsidiary", request_only=True,
                                 value={"tenant": 4, "buyer": 12, "note": "A subsidiary (60%)."})]),
)
class InsuredRelationListApi(IdempotentPostMixin, generics.ListAPIView):
    permission_classes = [IsInsurerStaff]
    serializer_class = InsuredRelationOutputSerializer
    filterset_class = RelationFilter
    insurer_wide_keys = True

    @property
    def required_permission(self):
        return "buyers.view_insuredrelation" if self.request.method == "GET" else "buyers.add_insuredrelation"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return InsuredRelation._default_manager.none()
        return InsuredRelation.objects.select_related("buyer").order_by("-created_at", "-pk")

    def handle_post(self, request):
        parsed = RelationInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        data = parsed.validated_data
        tenant = _found(Tenant, data["tenant"], "tenant", _("Unknown insured."))
        buyer = _found(Buyer, data["buyer"], "buyer", _("Unknown buyer."))
        relation = record_relation(tenant=tenant, buyer=buyer, note=data["note"], recorded_by=request.user)
        return Response(InsuredRelationOutputSerializer(relation).data, status=status.HTTP_201_CREATED)


@extend_schema_view(post=extend_schema(
    summary="End a buyer's relation to an insured",
    description=("It was sold, dissolved or recorded in error: from now on it is an ordinary buyer of the insured. "
                 "The relation's history keeps who ended it and why. Answers 204." + POST_NOTE),
    tags=TAGS, request=EndInputSerializer,
    responses={204: None, 400: REFUSED, 404: OpenApiResponse(description="No such relation.")},
    examples=[OpenApiExample("Sold", request_only=True, value={"reason": "Sold to a third party on 1 June."})]))
class InsuredRelationEndApi(IdempotentPostMixin, APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = "buyers.delete_insuredrelation"
    insurer_wide_keys = True

    @cached_property
    def relation(self) -> InsuredRelation:
        relation = InsuredRelation.objects.filter(pk=self.kwargs["relation_id"]).first()
        if relation is None:
            raise Http404
        return relation

    def handle_post(self, request, relation_id):
        parsed = EndInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        end_relation(relation=self.relation, reason=parsed.validated_data["reason"], ended_by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
