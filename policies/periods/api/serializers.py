from rest_framework import serializers

from policies.periods.models import InsurancePeriod, PolicyNotice, RenewalOffer


class PeriodOutputSerializer(serializers.ModelSerializer):
    state_label = serializers.CharField(source="get_state_display")

    class Meta:
        model = InsurancePeriod
        fields = ("id", "number", "start", "end", "state", "state_label")
        read_only_fields = fields


class RenewalOfferOutputSerializer(serializers.ModelSerializer):
    policy_id = serializers.IntegerField()
    period = PeriodOutputSerializer(help_text="The period this offer renews.")
    next_period = PeriodOutputSerializer(allow_null=True, help_text="Once accepted: the period it began.")
    state_label = serializers.CharField(source="get_state_display")
    respond_by = serializers.DateField(source="period.end", help_text="The last day the offer may be accepted.")
    premium_rate_percent = serializers.DecimalField(max_digits=7, decimal_places=4,
                                                    help_text="The premium rate proposed for the next period.")
    term_changes = serializers.DictField(help_text="Other terms the next period changes, by term name.")
    loss_ratio_percent = serializers.DecimalField(
        max_digits=9, decimal_places=2,
        help_text="The period's loss ratio when offered: (claims paid + reserved) / premium earned.")

    class Meta:
        model = RenewalOffer
        fields = ("id", "policy_id", "period", "state", "state_label", "offered_on", "respond_by",
                  "premium_rate_percent", "term_changes", "loss_ratio_percent", "note", "decided_on", "next_period")
        read_only_fields = fields


class PolicyNoticeOutputSerializer(serializers.ModelSerializer):
    policy_id = serializers.IntegerField()
    kind_label = serializers.CharField(source="get_kind_display")
    last_covered_day = serializers.DateField(help_text="Shipments up to this day stay covered (run-off).")

    class Meta:
        model = PolicyNotice
        fields = ("id", "policy_id", "kind", "kind_label", "given_by_side", "given_on", "effective_on",
                  "last_covered_day", "reason")
        read_only_fields = fields


class NoticeInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PolicyNotice.Kind.choices)
    reason = serializers.CharField(max_length=2000)


class OfferChangeInputSerializer(serializers.Serializer):
    premium_rate_percent = serializers.DecimalField(max_digits=7, decimal_places=4, required=False,
                                                    min_value=0, max_value=100)
    term_changes = serializers.DictField(required=False, help_text="Term name -> value, e.g. "
                                         '{"percentage_of_cover_commercial": "85"}. Replaces the earlier changes.')
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")
