"""Scorecard versions in the insurer API, read-only: every version with its points and thresholds, what it may
decide alone and the policies it covers, so that an integrator explains a decision by the version it records
(`scorecard_version` on each decision). Edited in the admin (limits.scorecard.admin: a used version is frozen,
"New version from this one" copies it). Underwriters only."""

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from core.money import money_json
from limits.scorecard.models import Scorecard

TAGS = ["insurer: limits"]


class ScorecardOutputSerializer(serializers.ModelSerializer):
    max_automatic_amount = serializers.SerializerMethodField()
    buyer_exposure_cap = serializers.SerializerMethodField()
    policies = serializers.SerializerMethodField(help_text="Ids of the policies it covers; empty: every policy.")
    is_used = serializers.BooleanField(read_only=True, help_text="A decision used it: frozen.")

    class Meta:
        model = Scorecard
        fields = ["version", "name", "note", "is_active", "is_used", "currency", "max_automatic_amount",
                  "buyer_exposure_cap", "policies", "parameters", "first_used_at", "created_at"]

    def get_max_automatic_amount(self, obj) -> dict:
        return money_json(obj.max_automatic_amount, obj.currency)

    def get_buyer_exposure_cap(self, obj) -> dict | None:
        return None if obj.buyer_exposure_cap is None else money_json(obj.buyer_exposure_cap, obj.currency)

    def get_policies(self, obj) -> list[int]:
        return sorted(policy.pk for policy in obj.policies.all())


@extend_schema_view(get=extend_schema(summary="Scorecard versions, newest first", tags=TAGS,
                                      responses={200: ScorecardOutputSerializer(many=True)}))
class ScorecardListApi(generics.ListAPIView):
    permission_classes = [IsInsurerStaff]
    required_permission = "limits.view_scorecard"
    serializer_class = ScorecardOutputSerializer
    pagination_class = None  # a handful of versions

    def get_queryset(self):
        return Scorecard.objects.prefetch_related("policies").order_by("-version")


@extend_schema_view(get=extend_schema(summary="A scorecard version with its points and thresholds", tags=TAGS,
                                      responses={200: ScorecardOutputSerializer,
                                                 404: OpenApiResponse(description="No such version.")}))
class ScorecardDetailApi(APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = "limits.view_scorecard"
    serializer_class = ScorecardOutputSerializer

    def get(self, request, version):
        scorecard = Scorecard.objects.prefetch_related("policies").filter(version=version).first()
        if scorecard is None:
            raise Http404
        return Response(ScorecardOutputSerializer(scorecard).data)
