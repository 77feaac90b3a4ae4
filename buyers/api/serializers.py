from django.utils.translation import gettext_lazy as _
from django_countries import countries
from rest_framework import serializers

from buyers.identifiers import identifier_errors
from buyers.models import Buyer, BuyerIdentifier
from core.api.fields import CountryCodeField
from core.api.representation import FastRepresentationMixin


def _country_code(value: str) -> str:
    code = (value or "").strip().upper()
    if code not in countries:
        raise serializers.ValidationError(_("Unknown country code (ISO 3166-1 alpha-2)."))
    return code


class BuyerSearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=200, default="",
                              help_text="Name, registration number or VAT number; case and accents are ignored.")
    country = CountryCodeField(required=False, allow_blank=True, default="", help_text="ISO 3166-1 alpha-2 code.")

    def validate_country(self, value):
        return _country_code(value) if value else ""


class BuyerProposalInputSerializer(serializers.Serializer):
    legal_name = serializers.CharField(max_length=200)
    trading_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    country = CountryCodeField(help_text="ISO 3166-1 alpha-2 code.")
    registration_number = serializers.CharField(
        max_length=50, required=False, allow_blank=True, default="",
        help_text="National registration number; give it or the VAT number.",
    )
    vat_number = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    lei = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    sector_nace = serializers.CharField(max_length=10, required=False, allow_blank=True, default="")
    address = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    city = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    postal_code = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")

    def validate_country(self, value):
        return _country_code(value)

    def validate(self, attrs):
        # A mistyped LEI, VAT or registration number is a message on its field (buyers.identifiers).
        found = identifier_errors(country=attrs["country"], registration_number=attrs.get("registration_number", ""),
                                  vat_number=attrs.get("vat_number", ""), lei=attrs.get("lei", ""))
        if found:
            raise serializers.ValidationError({field: [message] for field, message in found.items()})
        return attrs


class BuyerIdentifierOutputSerializer(FastRepresentationMixin, serializers.ModelSerializer):
    country = CountryCodeField()

    class Meta:
        model = BuyerIdentifier
        fields = ("type", "issuer", "country", "value")
        read_only_fields = fields


class BuyerOutputSerializer(FastRepresentationMixin, serializers.ModelSerializer):
    """The buyer's identity and grade: never a limit or an amount of any insured."""

    country = CountryCodeField()
    status = serializers.CharField(help_text="`pending` (waiting for identification by the insurer) or `confirmed`.")
    identifiers = BuyerIdentifierOutputSerializer(many=True, read_only=True)

    class Meta:
        model = Buyer
        fields = (
            "id", "legal_name", "trading_name", "country", "registration_number", "vat_number", "lei", "sector_nace",
            "address", "city", "postal_code", "grade", "grade_date", "status", "kind", "identifiers",
        )
        read_only_fields = fields
