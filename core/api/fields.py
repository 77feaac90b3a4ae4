"""Money in the API: {"amount": "1234.50", "currency": "EUR"}, amount a decimal string."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from moneyed import Money
from rest_framework import serializers

from core.money import is_valid_currency, money_json

MONEY_SCHEMA = {
    "type": "object",
    "properties": {
        "amount": {"type": "string", "format": "decimal", "example": "1234.50"},
        "currency": {"type": "string", "example": "EUR", "minLength": 3, "maxLength": 3},
    },
    "required": ["amount", "currency"],
}


@extend_schema_field(MONEY_SCHEMA)
class MoneyField(serializers.Field):
    default_error_messages = {
        "invalid": _('Expected an object {"amount": "<decimal string>", "currency": "<ISO 4217 code>"}.'),
        "amount": _("A valid decimal amount is required (as a string, never a float)."),
        "currency": _("Unknown currency code."),
        "negative": _("The amount must not be negative."),
        "positive": _("The amount must be greater than zero."),
        "places": _("At most two decimal places are allowed."),
    }

    def __init__(self, *, positive: bool = False, **kwargs):
        self.positive = positive
        super().__init__(**kwargs)

    def to_representation(self, value):
        # One representation for every output, at the currency's minor unit (issue 14): Money, or a stored
        # {"amount", "currency"} snapshot whose amounts may carry more places.
        return money_json(value)

    def to_internal_value(self, data):
        if not isinstance(data, dict) or "amount" not in data or "currency" not in data:
            self.fail("invalid")
        raw_amount = data["amount"]
        if isinstance(raw_amount, float | bool):
            self.fail("amount")
        try:
            amount = Decimal(str(raw_amount))
        except (InvalidOperation, ValueError):
            self.fail("amount")
        if not amount.is_finite():
            self.fail("amount")
        currency = str(data["currency"]).upper()
        if not is_valid_currency(currency):
            self.fail("currency")
        if amount.as_tuple().exponent < -2:
            self.fail("places")
        if amount < 0:
            self.fail("negative")
        if self.positive and amount == 0:
            self.fail("positive")
        return Money(amount, currency)


@extend_schema_field(OpenApiTypes.STR)
class CountryCodeField(serializers.CharField):
    def to_representation(self, value):
        return str(value.code if hasattr(value, "code") else value)


@extend_schema_field({**MONEY_SCHEMA, "nullable": True})
class ColumnMoneyField(serializers.Field):
    """A Decimal column of a row shown as money in the row's `currency` (most models store amounts as Decimal
    beside one currency column); null while the column is unset."""

    def __init__(self, *, column: str, source: str = "*", **kwargs):
        self.column = column
        super().__init__(source=source, read_only=True, **kwargs)

    def to_representation(self, obj):
        return money_json(getattr(obj, self.column), obj.currency)
