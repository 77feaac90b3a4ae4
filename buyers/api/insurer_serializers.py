"""The buyer registry in the insurer API: underwriters confirm, grade and merge buyers and grade countries.

Input serializers parse; the rules are buyers.services'. The output adds to the insured's view of a buyer
what the insurer sees: who proposed it, what it was merged into, its grade history.
"""

from rest_framework import serializers

from buyers.api.serializers import BuyerOutputSerializer, _country_code
from buyers.models import Buyer, BuyerGrade, CountryRisk
from core.api.fields import BoundedDateField, CountryCodeField
from core.api.filters import MAX_ID

# --- Input -------------------------------------------------------------------


class ConfirmInputSerializer(serializers.Serializer):
    grade = serializers.IntegerField(required=False, allow_null=True, default=None,
                                     help_text="Grade it at once, 1 (best) to 10 (insolvent); the reason recorded is "
                                               "the identification.")


class GradeInputSerializer(serializers.Serializer):
    # No min/max here: the 1-10 rule is buyers.services.check_grade's, with its own message on this field.
    grade = serializers.IntegerField(help_text="1 (best) to 10 (insolvent); 8 and worse put its limits under review.")
    graded_on = BoundedDateField(required=False, allow_null=True, default=None, help_text="Today if omitted.")
    reason = serializers.CharField(max_length=4000, help_text="Why: kept in the grade history.")


class MergeInputSerializer(serializers.Serializer):
    into = serializers.IntegerField(min_value=1, max_value=MAX_ID,
                                    help_text="The buyer that stays: identifiers, grades, limits, overdues and "
                                              "claims of this one move to it.")


class KindInputSerializer(serializers.Serializer):
    # A plain string: the choice is buyers.services.set_buyer_kind's, with its own message on this field.
    kind = serializers.CharField(max_length=30, help_text="`company`, `private_individual` or `public_body`: a "
                                                          "policy's terms may exclude the last two.")
    reason = serializers.CharField(max_length=4000, help_text="Why: kept in the buyer's history.")


class CountryRiskInputSerializer(serializers.Serializer):
    country = serializers.CharField(max_length=2, help_text="ISO 3166-1 alpha-2 code.")
    # The 1-7 rule is buyers.services.check_country_risk_grade's.
    grade = serializers.IntegerField(help_text="1 (lowest risk) to 7 (highest).")
    graded_on = BoundedDateField(required=False, allow_null=True, default=None, help_text="Today if omitted.")
    note = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")

    def validate_country(self, value):
        return _country_code(value)


# --- Output ------------------------------------------------------------------


class GradeOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = BuyerGrade
        fields = ("grade", "previous_grade", "graded_on", "reason", "created_at")
        read_only_fields = fields


class InsurerBuyerOutputSerializer(BuyerOutputSerializer):
    proposed_by_tenant_id = serializers.IntegerField(allow_null=True, help_text="The insured that proposed it.")
    merged_into_id = serializers.IntegerField(allow_null=True, help_text="The buyer it was merged into.")

    class Meta(BuyerOutputSerializer.Meta):
        model = Buyer
        fields = (*BuyerOutputSerializer.Meta.fields, "proposed_by_tenant_id", "merged_into_id", "created_at")
        read_only_fields = fields


class InsurerBuyerDetailOutputSerializer(InsurerBuyerOutputSerializer):
    grades = GradeOutputSerializer(many=True, read_only=True, help_text="The grade history, latest first.")

    class Meta(InsurerBuyerOutputSerializer.Meta):
        fields = (*InsurerBuyerOutputSerializer.Meta.fields, "grades")
        read_only_fields = fields


class CountryRiskOutputSerializer(serializers.ModelSerializer):
    country = CountryCodeField()

    class Meta:
        model = CountryRisk
        fields = ("country", "grade", "graded_on", "note")
        read_only_fields = fields
