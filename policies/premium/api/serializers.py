from drf_spectacular.utils import extend_schema_field
from moneyed import Money
from rest_framework import serializers

from core.api.fields import BoundedDateField, CountryCodeField, MoneyField, TenantRelatedField
from core.money import money_json
from policies.premium.models import PremiumInvoice, TurnoverDeclaration
from policies.selectors import policies_for_tenant


class TenantPolicyField(TenantRelatedField):
    """A policy looked up through the tenant's selector: another tenant's id is "Unknown policy."."""

    def __init__(self, **kwargs):
        super().__init__(selector=lambda tenant: policies_for_tenant(tenant=tenant), **kwargs)


class TurnoverDeclarationInputSerializer(serializers.Serializer):
    policy = TenantPolicyField(help_text="Id of one of your policies.")
    period_start = BoundedDateField(
        help_text="First day of the declaration period: a calendar month (or quarter) inside the policy period, "
                  "already ended; the first period starts on the policy's start date."
    )
    country = serializers.CharField(min_length=2, max_length=2, help_text="Buyers' country, ISO 3166-1 alpha-2.")
    turnover = MoneyField(help_text="Insured turnover of the period to buyers in the country, in the policy's "
                                    "currency; 0 if none.")


class TurnoverDeclarationOutputSerializer(serializers.ModelSerializer):
    policy = serializers.CharField(source="policy.number")
    policy_id = serializers.IntegerField()
    country = CountryCodeField()
    turnover = MoneyField(source="turnover_money")
    premium = MoneyField(source="premium_money")
    declared_by = serializers.SerializerMethodField()

    class Meta:
        model = TurnoverDeclaration
        fields = ("id", "policy", "policy_id", "period_start", "period_end", "country", "turnover",
                  "premium_rate_percent", "premium", "declared_by", "declared_at")

    def get_declared_by(self, obj) -> str | None:
        return obj.declared_by.username if obj.declared_by_id else None


class CountryPremiumSerializer(serializers.Serializer):
    country = CountryCodeField()
    turnover = MoneyField(source="turnover_money")
    premium = MoneyField(source="premium_money")


class PremiumPeriodSerializer(serializers.Serializer):
    period = serializers.CharField(source="period.label", help_text="2026-01 (a month) or 2026-Q1 (a quarter).")
    start = BoundedDateField(source="period.start")
    end = BoundedDateField(source="period.end")
    missing = serializers.BooleanField(help_text="Ended and nothing declared for it.")
    turnover = MoneyField(source="turnover_money")
    premium = MoneyField(source="premium_money")
    countries = CountryPremiumSerializer(source="declarations", many=True)


class PolicyPremiumOutputSerializer(serializers.Serializer):
    policy_id = serializers.IntegerField(source="policy.pk")
    policy = serializers.CharField(source="policy.number")
    period_start = BoundedDateField(source="policy.start_date")
    period_end = BoundedDateField(source="policy.end_date")
    premium_rate_percent = serializers.DecimalField(source="policy.terms_shown.premium_rate_percent", max_digits=7,
                                                    decimal_places=4)
    declared_premium = MoneyField()
    minimum_premium = MoneyField()
    premium_due = MoneyField(help_text="The larger of the minimum premium and the premium declared so far.")
    adjustment = MoneyField(help_text="Raises the declared premium to the minimum at the end of the policy period.")
    settled = serializers.BooleanField(source="is_settled", help_text="The policy period ended and its premium was settled.")
    maximum_liability = MoneyField(help_text="Premium due x the policy's maximum liability multiple.")
    periods = PremiumPeriodSerializer(many=True)


class PremiumInvoiceOutputSerializer(serializers.ModelSerializer):
    policy = serializers.CharField(source="policy.number")
    policy_id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=PremiumInvoice.Kind.choices,
                                   help_text="profit_share_credit is owed to the insured, every other kind by it.")
    state = serializers.ChoiceField(choices=PremiumInvoice.State.choices)
    amount = MoneyField(source="amount_money")
    paid = serializers.SerializerMethodField(help_text="The payments recorded on it so far.")

    class Meta:
        model = PremiumInvoice
        fields = ("id", "policy", "policy_id", "kind", "period_start", "period_end", "amount", "issued_on",
                  "due_on", "state", "reminded_on", "paid_on", "paid")

    @extend_schema_field(MoneyField())
    def get_paid(self, obj) -> dict:
        return money_json(Money(getattr(obj, "paid_total", 0) or 0, obj.currency))
