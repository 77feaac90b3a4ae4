"""Money helpers: Decimal and django-money only, never float."""

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import get_currency_precision
from moneyed import Currency, Money, get_currency
from moneyed.classes import CurrencyDoesNotExist

__all__ = ["Money", "money", "quantize_money", "amount_string", "money_json", "is_valid_currency", "minor_unit_exponent"]


def is_valid_currency(code: str) -> bool:
    try:
        get_currency(code)
    except CurrencyDoesNotExist:
        return False
    return True


def minor_unit_exponent(currency: str | Currency) -> int:
    """Digits after the decimal point of a currency (EUR 2, JPY 0)."""
    code = currency.code if isinstance(currency, Currency) else currency
    # ISO 4217 minor units, from Babel's CLDR data (a py-moneyed dependency).
    return get_currency_precision(code)


def quantize_money(value: Money) -> Money:
    """Round once, half up, to the currency's minor unit (domain.md, example 12)."""
    exp = minor_unit_exponent(value.currency)
    step = Decimal(1).scaleb(-exp)
    return Money(value.amount.quantize(step, rounding=ROUND_HALF_UP), value.currency)


def money(amount, currency: str) -> Money:
    if isinstance(amount, float):
        raise TypeError("Money amounts must be Decimal or str, never float")
    return Money(Decimal(amount), currency)


def amount_string(value: Money, currency: str | None = None) -> str:
    """The machine form of an amount (API, CSV, webhooks): a plain decimal string at the currency's minor unit,
    "45000.00" for EUR, "1234567" for JPY, "1.500" for KWD, never locale-formatted.

    `value` may be a Decimal with its `currency`, for columns stored apart from their currency.
    """
    if not isinstance(value, Money):
        if isinstance(value, float):
            raise TypeError("Money amounts must be Decimal or str, never float")
        value = Money(Decimal(str(value)), currency)
    return format(quantize_money(value).amount, "f")


def money_json(value, currency: str | None = None) -> dict | None:
    """The one machine representation of money (API, webhooks, stored snapshots' output):
    {"amount": "<decimal string at the currency's minor unit>", "currency": "<ISO 4217>"}; None stays None.

    `value` is Money, a Decimal column with its `currency`, or an already stored {"amount", "currency"}.
    """
    if value is None:
        return None
    if isinstance(value, dict):
        value = Money(Decimal(str(value["amount"])), value["currency"])
    elif not isinstance(value, Money):
        if isinstance(value, float):
            raise TypeError("Money amounts must be Decimal or str, never float")
        value = Money(Decimal(str(value)), currency)
    return {"amount": amount_string(value), "currency": str(value.currency)}
