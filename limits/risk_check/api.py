"""`POST /api/v1/risk-check/`: the risk check before selling, read-only (nothing is written, so no
Idempotency-Key). Thin: limits.risk_check.service answers; bad input is a 400 with field pointers."""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from buyers.selectors import buyers_visible_to
from core.api.fields import MoneyField, TenantRelatedField
from core.exceptions import DomainError
from limits.models import ReasonCode
from limits.risk_check.service import AUTOMATIC, NOT_COVERED, REFER, risk_check
from policies.models import Policy
from policies.selectors import policies_for_tenant


class RiskCheckInputSerializer(serializers.Serializer):
    policy = TenantRelatedField(
        selector=lambda tenant: policies_for_tenant(tenant=tenant, status=Policy.Status.ACTIVE), required=False,
        help_text="Id of one of your active policies; may be left out when you have only one.")
    country = serializers.CharField(max_length=2, min_length=2, required=False,
                                    help_text="The buyer's ISO 3166 alpha-2 country; taken from `buyer` when given.")
    sector_nace = serializers.RegexField(r"^[0-9]{2}(\.?[0-9]{1,2})?$", required=False, allow_blank=True,
                                         help_text="The buyer's NACE code, e.g. 46.90.")
    buyer = TenantRelatedField(selector=lambda tenant: buyers_visible_to(tenant=tenant), required=False,
                               help_text="A buyer of the registry, if known.")
    amount = MoneyField(positive=True, help_text="The amount to sell; converted to the policy's currency.")
    terms_days = serializers.IntegerField(min_value=1, max_value=3650, help_text="Payment terms in days.")

    def validate(self, data):
        if "buyer" not in data and not data.get("country"):
            raise serializers.ValidationError({"country": ["Give the buyer's country, or a buyer."]})
        return data


class _Deadlines(serializers.Serializer):
    due_date = serializers.DateField()
    max_extension_end = serializers.DateField()
    notification_deadline = serializers.DateField()
    waiting_period_end = serializers.DateField()
    claim_filing_deadline = serializers.DateField()


class RiskCheckSerializer(serializers.Serializer):
    policy = serializers.CharField(source="policy.number")
    buyer = serializers.IntegerField(source="buyer.pk", allow_null=True, default=None)
    country = serializers.CharField()
    country_risk = serializers.IntegerField(allow_null=True, help_text="The insurer's grade, 1 (low) to 7.")
    sector_nace = serializers.CharField(allow_blank=True)
    sector_section = serializers.CharField(allow_null=True)
    sector_points = serializers.IntegerField(help_text="The scorecard's points for the sector (higher = riskier).")
    amount = MoneyField(help_text="In the policy's currency.")
    terms_days = serializers.IntegerField()
    country_covered = serializers.BooleanField()
    buyer_exclusion = serializers.CharField(help_text=(
        "The terms' exclusion the buyer falls under (`related_company`, `private_individual`, `public_buyer`), as a "
        "limit request would be refused; empty when none."))
    excluded_countries = serializers.ListField(child=serializers.CharField())
    max_credit_period_days = serializers.IntegerField()
    terms_allowed = serializers.BooleanField()
    decision = serializers.ChoiceField(choices=[AUTOMATIC, REFER, NOT_COVERED], help_text=(
        "automatic: a request would likely be decided at once; referred: an underwriter would decide; "
        "not_covered: the buyer's country, or its kind (`buyer_exclusion`), is excluded."))
    outcome = serializers.ChoiceField(choices=["approved", "partial", "conditional", "refused", "referred"])
    decided_amount = MoneyField(allow_null=True)
    reason_codes = serializers.ListField(child=serializers.ChoiceField(choices=ReasonCode.choices))
    scorecard_version = serializers.IntegerField(allow_null=True)
    percentage_of_cover = serializers.DecimalField(max_digits=5, decimal_places=2)
    discretionary_allowed = serializers.BooleanField(help_text="Whether you may set this as a discretionary limit.")
    discretionary_limit_max = MoneyField()
    discretionary_percentage_of_cover = serializers.DecimalField(max_digits=5, decimal_places=2)
    deadlines = _Deadlines(help_text="Of an invoice shipped today, due after the payment terms.")
    premium = MoneyField(help_text="The premium the amount adds at the policy's rate.")
    premium_rate_percent = serializers.DecimalField(max_digits=6, decimal_places=3)


class RiskCheckApi(APIView):
    required_permission = "limits.view_creditlimit"

    @extend_schema(summary="Risk check before selling", tags=["limits"], request=RiskCheckInputSerializer,
                   responses={200: RiskCheckSerializer}, description=(
                       "What a limit of `amount` on the buyer (or a prospect of `country` and `sector_nace`) would "
                       "meet today: the country and sector risk, whether it would likely be decided automatically "
                       "and at what cover, the terms allowed, the deadlines of an invoice shipped today and the "
                       "premium it adds. Read-only: nothing is requested or saved."))
    def post(self, request):
        data = RiskCheckInputSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        policy = values.get("policy") or _only_policy(request.tenant)
        report = risk_check(tenant=request.tenant, policy=policy, country=values.get("country", ""),
                            sector_nace=values.get("sector_nace", ""), buyer=values.get("buyer"),
                            amount=values["amount"], terms_days=values["terms_days"], today=timezone.localdate())
        return Response(RiskCheckSerializer(report).data)


def _only_policy(tenant) -> Policy:
    policies = list(policies_for_tenant(tenant=tenant, status=Policy.Status.ACTIVE)[:2])
    if len(policies) != 1:
        raise DomainError(_("Choose the policy: you have more than one active policy.") if policies
                          else _("You have no active policy."), field="policy")
    return policies[0]
