from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.fields import BoundedDateField, ColumnMoneyField, CountryCodeField, MoneyField
from policies.models import TERM_FIELDS
from policies.proposals.models import Proposal, ProposalBuyer, ProposalLossYear, ProposalTurnover, Quote
from policies.proposals.services import BuyerLine, LossLine, TurnoverLine


class _InCurrency(serializers.Serializer):
    """A row whose amounts are in the proposal's currency (checked by ProposalInputSerializer)."""


class ProposalTurnoverInputSerializer(_InCurrency):
    country = CountryCodeField(max_length=2, help_text="ISO 3166-1 alpha-2 code of the buyers' country.")
    expected_turnover = MoneyField(positive=True, help_text="Expected insured turnover over 12 months.")


class ProposalBuyerInputSerializer(_InCurrency):
    registry_buyer_id = serializers.IntegerField(required=False, allow_null=True, min_value=1,
                                                 help_text="A registry buyer's id; or give legal_name and country.")
    legal_name = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    country = CountryCodeField(required=False, allow_blank=True, default="", max_length=2)
    requested_amount = MoneyField(positive=True)


class ProposalLossYearInputSerializer(_InCurrency):
    year = serializers.IntegerField(min_value=1990, max_value=2100)
    turnover = MoneyField()
    losses_count = serializers.IntegerField(min_value=0, max_value=100000)
    losses_amount = MoneyField()


class ProposalInputSerializer(serializers.Serializer):
    currency = serializers.CharField(max_length=3, help_text="ISO 4217 code; every amount is in it.")
    desired_start_date = BoundedDateField()
    desired_cover_percent = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=1, max_value=100)
    max_credit_period_days = serializers.IntegerField(min_value=1, max_value=365)
    turnovers = ProposalTurnoverInputSerializer(many=True)
    buyers = ProposalBuyerInputSerializer(many=True)
    loss_years = ProposalLossYearInputSerializer(many=True, help_text="Exactly three different years.")

    def validate(self, data):
        currency = data["currency"].upper()
        errors = {}
        for rows in ("turnovers", "buyers", "loss_years"):
            row_errors = [{} for _row in data[rows]]
            for i, row in enumerate(data[rows]):
                for name, value in row.items():
                    if hasattr(value, "currency") and str(value.currency) != currency:
                        row_errors[i][name] = [_("The amount must be in the proposal's currency, %(currency)s.")
                                               % {"currency": currency}]
            if any(row_errors):
                errors[rows] = row_errors
        if errors:
            raise serializers.ValidationError(errors)
        return {**data, "currency": currency}

    def service_arguments(self) -> dict:
        v = self.validated_data
        return {
            "currency": v["currency"], "desired_start_date": v["desired_start_date"],
            "desired_cover_percent": v["desired_cover_percent"], "max_credit_period_days": v["max_credit_period_days"],
            "turnovers": [TurnoverLine(country=t["country"], expected_turnover=t["expected_turnover"].amount)
                          for t in v["turnovers"]],
            "buyers": [BuyerLine(registry_buyer_id=b.get("registry_buyer_id"), legal_name=b["legal_name"],
                                 country=b["country"], requested_amount=b["requested_amount"].amount)
                       for b in v["buyers"]],
            "losses": [LossLine(year=y["year"], turnover=y["turnover"].amount, losses_count=y["losses_count"],
                                losses_amount=y["losses_amount"].amount) for y in v["loss_years"]],
        }


class ProposalTurnoverOutputSerializer(serializers.ModelSerializer):
    country = CountryCodeField()
    expected_turnover = ColumnMoneyField(column="expected_turnover")

    class Meta:
        model = ProposalTurnover
        fields = ("country", "expected_turnover")


class ProposalBuyerOutputSerializer(serializers.ModelSerializer):
    country = CountryCodeField()
    requested_amount = ColumnMoneyField(column="requested_amount")

    class Meta:
        model = ProposalBuyer
        fields = ("registry_buyer_id", "legal_name", "country", "requested_amount")


class ProposalLossYearOutputSerializer(serializers.ModelSerializer):
    turnover = ColumnMoneyField(column="turnover")
    losses_amount = ColumnMoneyField(column="losses_amount")

    class Meta:
        model = ProposalLossYear
        fields = ("year", "turnover", "losses_count", "losses_amount")


class ProposalOutputSerializer(serializers.ModelSerializer):
    turnovers = ProposalTurnoverOutputSerializer(many=True, read_only=True)
    buyers = ProposalBuyerOutputSerializer(many=True, read_only=True)
    loss_years = ProposalLossYearOutputSerializer(many=True, read_only=True)
    quote_ids = serializers.SerializerMethodField(help_text="Its quotes offered so far, newest first.")

    class Meta:
        model = Proposal
        fields = ("id", "state", "currency", "desired_start_date", "desired_cover_percent", "max_credit_period_days",
                  "submitted_at", "turnovers", "buyers", "loss_years", "quote_ids")
        read_only_fields = fields

    def get_quote_ids(self, proposal) -> list[int]:
        return [q.pk for q in proposal.quotes.all() if q.state != Quote.State.DRAFT]


class InsurerProposalOutputSerializer(ProposalOutputSerializer):
    tenant_id = serializers.IntegerField(read_only=True)
    tenant = serializers.CharField(source="tenant.legal_name", read_only=True)

    class Meta(ProposalOutputSerializer.Meta):
        fields = (*ProposalOutputSerializer.Meta.fields, "tenant_id", "tenant")
        read_only_fields = fields

    def get_quote_ids(self, proposal) -> list[int]:
        return [q.pk for q in proposal.quotes.all()]


class QuoteOutputSerializer(serializers.ModelSerializer):
    terms = serializers.SerializerMethodField(help_text="Every term the policy will be issued with, by the names "
                                                        "of a policy's terms versions (amounts as decimal strings "
                                                        "in the quote's currency).")
    policy_id = serializers.IntegerField(read_only=True, allow_null=True)
    policy = serializers.CharField(source="policy.number", read_only=True, allow_null=True, default=None)
    may_decide = serializers.SerializerMethodField(help_text="Whether the caller may accept or decline it now.")

    class Meta:
        model = Quote
        fields = ("id", "proposal_id", "state", "currency", "start_date", "end_date", "valid_until", "terms",
                  "offered_at", "decided_at", "decline_reason", "decline_note", "policy_id", "policy", "may_decide")
        read_only_fields = fields

    @extend_schema_field({"type": "object", "additionalProperties": True})
    def get_terms(self, quote) -> dict:
        return {name: quote.terms.get(name) for name in TERM_FIELDS}

    def get_may_decide(self, quote) -> bool:
        from policies.proposals.selectors import quote_actions

        request = self.context.get("request")
        return bool(request) and quote_actions(quote=quote, user=request.user).can_decide


class InsurerQuoteOutputSerializer(QuoteOutputSerializer):
    tenant_id = serializers.IntegerField(read_only=True)

    class Meta(QuoteOutputSerializer.Meta):
        fields = (*QuoteOutputSerializer.Meta.fields, "tenant_id")
        read_only_fields = fields


class QuoteDeclineInputSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=Quote.DeclineReason.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class InsurerQuoteInputSerializer(serializers.Serializer):
    start_date = BoundedDateField()
    end_date = BoundedDateField(required=False, allow_null=True, default=None,
                                help_text="Default: a year from the start, less a day.")
    valid_until = BoundedDateField()
    terms = serializers.DictField(required=False, default=dict,
                                  help_text="Terms that differ from the proposal's suggestion (the domain's "
                                            "defaults with its cover percentage and credit period), by name.")
