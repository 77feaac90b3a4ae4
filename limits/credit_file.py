"""The credit file's limits section: the insured's limits on the buyer with every decision and its reasons;
for the insurer, every insured's limits in force and the exposure on the buyer. Registered with
buyers.credit_file from LimitsConfig.ready()."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from buyers.credit_file.registry import CreditFileSection, capped, capped_list_serializer, register_section
from core.api.fields import ColumnMoneyField, MoneyField
from limits.exposure import buyer_exposure_total
from limits.models import CreditLimit, LimitDecision, ReasonCode

KEY = "limits"


def _with_decisions(qs):
    decisions = LimitDecision.objects.order_by("effective_date", "created_at", "pk")
    return (qs.select_related("policy").prefetch_related(Prefetch("decisions", queryset=decisions))
            .order_by("-created_at", "-pk"))


def for_tenant(*, tenant, user, buyer, on) -> dict:
    limits = CreditLimit.objects.filter(tenant=tenant, buyer=buyer)
    return {"limits": capped(_with_decisions(limits))}


def for_insurer(*, buyer, on) -> dict:
    in_force = CreditLimit.objects.filter(buyer=buyer, state=CreditLimit.State.IN_FORCE)
    return {
        "exposure": buyer_exposure_total(buyer_id=buyer.pk, on=on),
        "pending_requests": CreditLimit.objects.filter(buyer=buyer, state=CreditLimit.State.PENDING).count(),
        "limits": capped(_with_decisions(in_force.select_related("tenant")).order_by("-decided_amount", "pk")),
    }


class ReasonSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField(help_text="In the request's language.")


@extend_schema_field(ReasonSerializer(many=True))
class ReasonsField(serializers.Field):
    def to_representation(self, codes):
        return [{"code": code, "label": str(ReasonCode(code).label)} for code in codes if code in ReasonCode.values]


class DecisionSerializer(serializers.Serializer):
    kind = serializers.CharField()
    amount = ColumnMoneyField(column="amount")
    effective_date = serializers.DateField()
    reasons = ReasonsField(source="reason_codes")
    note = serializers.CharField()
    conditions = serializers.CharField()
    automatic = serializers.BooleanField()


class LimitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    policy = serializers.CharField(source="policy.number")
    state = serializers.CharField()
    requested_amount = MoneyField(source="requested")
    amount_in_force = MoneyField(source="in_force_amount")
    requested_terms_days = serializers.IntegerField()
    decided_terms_days = serializers.IntegerField(allow_null=True)
    review_date = serializers.DateField(allow_null=True)
    expiry_date = serializers.DateField(allow_null=True)
    decisions = DecisionSerializer(many=True, source="decisions.all")


class InsurerLimitSerializer(LimitSerializer):
    tenant = serializers.CharField(source="tenant.legal_name")


class LimitsSectionSerializer(serializers.Serializer):
    limits = capped_list_serializer(LimitSerializer)()


class InsurerLimitsSectionSerializer(serializers.Serializer):
    exposure = MoneyField(help_text="Every insured's limits in force, in the reporting currency.")
    pending_requests = serializers.IntegerField()
    limits = capped_list_serializer(InsurerLimitSerializer)()


def register() -> None:
    register_section(CreditFileSection(
        key=KEY, for_tenant=for_tenant, for_insurer=for_insurer,
        tenant_serializer=LimitsSectionSerializer, insurer_serializer=InsurerLimitsSectionSerializer,
        tenant_template="limits/credit_file_limits.html", insurer_template="limits/credit_file_limits_insurer.html",
    ))

