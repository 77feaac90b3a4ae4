"""Money in the API: {"amount": "1234.50", "currency": "EUR"}, amount a decimal string."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from moneyed import Money
from rest_framework import serializers

from core.amounts import DECIMAL_PLACES, MAX_DIGITS, AmountError, parse_amount
from core.dates import out_of_bounds
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
    """Money in and out. In: an object with exactly a plain decimal string `amount` (core.amounts) and an ISO
    4217 `currency`; places at most the currency's minor unit, digits within the column (`max_digits`,
    `decimal_places`: the model field's; every money column is 17 digits, 3 places).

    The messages are raised as they are, never through DRF's `fail()`, which `.format()`s them (a message
    showing the expected object's braces raised KeyError there, a 500 on any malformed amount)."""

    default_error_messages = {
        "invalid": _('Expected an object with "amount" (a decimal string) and "currency" (an ISO 4217 code).'),
        "amount": _("A valid decimal amount is required (as a string, never a float)."),
        "currency": _("Unknown currency code."),
        "negative": _("The amount must not be negative."),
        "positive": _("The amount must be greater than zero."),
    }

    def __init__(self, *, positive: bool = False, max_digits: int = MAX_DIGITS, decimal_places: int = DECIMAL_PLACES,
                 **kwargs):
        self.positive = positive
        self.max_digits = max_digits
        self.decimal_places = decimal_places
        super().__init__(**kwargs)

    @classmethod
    def for_column(cls, model_field, **kwargs) -> "MoneyField":
        """A MoneyField bounded by the model's DecimalField (its `max_digits` and `decimal_places`)."""
        return cls(max_digits=model_field.max_digits, decimal_places=model_field.decimal_places, **kwargs)

    def _refuse(self, key: str, message=None):
        raise serializers.ValidationError(str(message or self.error_messages[key]), code=key)

    def to_representation(self, value):
        # One representation for every output, at the currency's minor unit (issue 14): Money, or a stored
        # {"amount", "currency"} snapshot whose amounts may carry more places.
        return money_json(value)

    def to_internal_value(self, data):
        if not isinstance(data, dict) or set(data) != {"amount", "currency"}:
            self._refuse("invalid")
        currency = data["currency"]
        if not isinstance(currency, str) or len(currency) != 3 or not is_valid_currency(currency.upper()):
            self._refuse("currency")
        currency = currency.upper()
        if not isinstance(data["amount"], str):
            self._refuse("amount")
        try:
            amount = parse_amount(data["amount"], currency=currency, max_digits=self.max_digits,
                                  decimal_places=self.decimal_places)
        except AmountError as exc:
            self._refuse(exc.code, exc.message)
        if amount < 0:
            self._refuse("negative")
        if self.positive and amount == 0:
            self._refuse("positive")
        return Money(amount, currency)


@extend_schema_field(OpenApiTypes.STR)
class CountryCodeField(serializers.CharField):
    def to_representation(self, value):
        return str(value.code if hasattr(value, "code") else value)


@extend_schema_field(OpenApiTypes.INT)
class TenantRelatedField(serializers.PrimaryKeyRelatedField):
    """A foreign key looked up through the tenant's selector (`selector(tenant=...)`), never Model.objects.

    Another tenant's id, an id that does not exist and a value that is no id all answer "Unknown <thing>.", the
    wording of the services' own refusals ("Unknown overdue."), never DRF's `Invalid pk "36" - object does not
    exist.`, which told an outsider nothing but read differently from everything else."""

    def __init__(self, *, selector, **kwargs):
        self.selector = selector
        self._own_messages = set(kwargs.get("error_messages") or ())
        super().__init__(**kwargs)

    def get_queryset(self):
        return self.selector(tenant=self.context["request"].tenant)

    def fail(self, key, **kwargs):
        if key in ("does_not_exist", "incorrect_type") and key not in self._own_messages:
            thing = self.get_queryset().model._meta.verbose_name
            raise serializers.ValidationError(_("Unknown %(thing)s.") % {"thing": thing}, code="does_not_exist")
        super().fail(key, **kwargs)


class BoundedDateField(serializers.DateField):
    """An API date within sane bounds (core.dates): not before 1900, not more than 50 years ahead."""

    def to_internal_value(self, value):
        parsed = super().to_internal_value(value)
        if message := out_of_bounds(parsed):
            raise serializers.ValidationError(message, code="date_out_of_bounds")
        return parsed


@extend_schema_field({**MONEY_SCHEMA, "nullable": True})
class ColumnMoneyField(serializers.Field):
    """A Decimal column of a row shown as money in the row's `currency` (most models store amounts as Decimal
    beside one currency column); null while the column is unset."""

    def __init__(self, *, column: str, source: str = "*", **kwargs):
        self.column = column
        super().__init__(source=source, read_only=True, **kwargs)

    def to_representation(self, obj):
        return money_json(getattr(obj, self.column), obj.currency)
