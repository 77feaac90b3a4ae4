"""Money helpers: Decimal and django-money only, never float."""

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

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


@lru_cache(maxsize=512)
def _minor_unit_exponent(code: str) -> int:
    # ISO 4217 minor units, from Babel's CLDR data (a py-moneyed dependency); static, so read once a currency.
    return get_currency_precision(code)


def minor_unit_exponent(currency: str | Currency) -> int:
    """Digits after the decimal point of a currency (EUR 2, JPY 0)."""
    return _minor_unit_exponent(currency.code if isinstance(currency, Currency) else currency)


@lru_cache(maxsize=512)
def _minor_unit(code: str) -> Decimal:
    return Decimal(1).scaleb(-_minor_unit_exponent(code))


def quantize_money(value: Money) -> Money:
    """Round once, half up, to the currency's minor unit (domain.md, example 12)."""
    return Money(value.amount.quantize(_minor_unit(value.currency.code), rounding=ROUND_HALF_UP), value.currency)


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
    # Written out rather than through Money and amount_string: it runs for every amount of every row of a list.
    if value is None:
        return None
    if isinstance(value, Money):
        amount, code = value.amount, value.currency.code
    elif isinstance(value, dict):
        amount, code = Decimal(str(value["amount"])), _currency_code(value["currency"])
    else:
        if isinstance(value, float):
            raise TypeError("Money amounts must be Decimal or str, never float")
        amount, code = Decimal(str(value)), _currency_code(currency)
    return {"amount": format(amount.quantize(_minor_unit(code), rounding=ROUND_HALF_UP), "f"), "currency": code}


def _currency_code(currency) -> str:
    """As Money(amount, currency) reads it: a Currency, or a code in any case (an unknown one raises)."""
    return currency.code if isinstance(currency, Currency) else get_currency(str(currency).upper()).code
