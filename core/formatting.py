"""How a person reads money, numbers and dates: one function each, for pages, admin, messages and e-mails.

Money is shown at the currency's minor unit (JPY 0, EUR 2, KWD 3) in the reader's locale with Babel's CLDR
data (`€45,000.00`, `45.000,00 €`, `¥1,234,567`). Dates follow Django's locale formats (config/formats/ for
English), so a date written by a template and one written into a message read the same.
Machine files (CSV, the API) never use these: they write `core.money.amount_string`.
"""

from datetime import date, datetime
from decimal import Decimal

from babel.numbers import format_currency, format_decimal
from django.utils import formats, translation
from moneyed import Money

from core.money import quantize_money

__all__ = ["format_money", "format_number", "format_date", "babel_locale"]


def babel_locale(language: str | None = None) -> str:
    """Django's language code ("zh-hans") as Babel's locale ("zh_Hans"); the active language by default."""
    return translation.to_locale(language or translation.get_language() or "en")


def _as_money(value, currency: str | None) -> Money | None:
    if value is None or value == "":
        return None
    if isinstance(value, Money):
        return value
    if isinstance(value, dict):  # the stored and API shape {"amount": "...", "currency": "EUR"}
        return Money(Decimal(str(value["amount"])), value["currency"])
    if isinstance(value, float):
        raise TypeError("Money amounts must be Decimal or str, never float")
    if not currency:
        raise ValueError("a plain amount needs its currency")
    return Money(Decimal(str(value)), currency)


def format_money(value, locale: str | None = None, *, currency: str | None = None) -> str:
    """`value` (Money, {"amount", "currency"}, or a Decimal with `currency`) for a reader in `locale`.

    Rounded half up to the currency's minor unit first (as everywhere in Kredo), then written by CLDR.
    """
    money = _as_money(value, currency)
    if money is None:
        return ""
    money = quantize_money(money)
    return format_currency(money.amount, str(money.currency), locale=babel_locale(locale))


def format_number(value, locale: str | None = None) -> str:
    """A plain number with the locale's thousands separator and decimal sign, its decimals kept."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        raise TypeError("numbers are shown from Decimal or int, never float")
    number = value if isinstance(value, int | Decimal) else Decimal(str(value))
    if isinstance(number, Decimal):
        digits = max(0, -number.as_tuple().exponent) if number.is_finite() else 0
        return format_decimal(number, format=f"#,##0.{'0' * digits}" if digits else "#,##0",
                              locale=babel_locale(locale))
    return format_decimal(number, locale=babel_locale(locale))


def format_date(value, locale: str | None = None) -> str:
    """A date (or ISO date string) in the locale's DATE_FORMAT, the one `{{ a_date }}` uses in templates."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    fmt = "DATETIME_FORMAT" if isinstance(value, datetime) else "DATE_FORMAT"
    if locale is None:
        return formats.date_format(value, fmt)
    with translation.override(locale):
        return formats.date_format(value, fmt)
