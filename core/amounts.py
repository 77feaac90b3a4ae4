"""Money amounts typed by a person or sent by a program: one reading for the API, the forms and the CSV files.

Only a plain decimal string is an amount: digits, optionally '.' and more digits (`"12500.00"`). Exponents
(`"1e3"`), `NaN`, spaces, thousands or decimal commas (`"12,5"`) are refused rather than guessed at, a number
in JSON too (a float has lost cents before we see it). Places are at most the currency's minor unit (JPY 0,
EUR 2, KWD 3) and the amount fits its column: every money column is `amount_column()` below,
`DecimalField(max_digits=17, decimal_places=3)` (14 digits before the point, three after for the dinars and
rials of ISO 4217), so an amount the database cannot hold is refused with a field message before anything is
saved (on PostgreSQL it would be a `numeric field overflow`, on SQLite a row saved and a crash after).
"""

import re
from decimal import Decimal

from django import forms
from django.db import models
from django.utils.translation import gettext as _

from core.money import is_valid_currency, minor_unit_exponent

# The money columns of every model (limits, invoices, payments, turnover, claims, recoveries, costs, premium):
# three places, the most any ISO 4217 currency has (KWD, BHD, OMR); the currency's own minor unit is checked
# on the way in (`parse_amount`) and kept by every calculation, so a EUR column never holds a third place.
MAX_DIGITS = 17
DECIMAL_PLACES = 3
_PLAIN_DECIMAL = re.compile(r"^-?(\d+)(?:\.(\d+))?$")
# Longer than any amount a column holds: refused before the regular expression reads it.
_MAX_TEXT = 64


def amount_column(*args, **kwargs) -> models.DecimalField:
    """A model's money column (its currency is the row's or the policy's): the one shape every amount has."""
    return models.DecimalField(*args, max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, **kwargs)


def money_sum_field(extra_digits: int = 2) -> models.DecimalField:
    """The output field of a SUM over money columns: room for the total, the columns' places kept."""
    return models.DecimalField(max_digits=MAX_DIGITS + extra_digits, decimal_places=DECIMAL_PLACES)


class AmountError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def parse_amount(text, *, currency: str | None = None, max_digits: int = MAX_DIGITS,
                 decimal_places: int = DECIMAL_PLACES) -> Decimal:
    """`text` as a Decimal, or AmountError (`code`: "amount", "places" or "digits") with a message to show."""
    match = _PLAIN_DECIMAL.match(text) if isinstance(text, str) and len(text) <= _MAX_TEXT else None
    if match is None:
        raise AmountError("amount", _("Write the amount as a decimal string with '.' before the decimals and no "
                                      "spaces, exponent or thousands separator, e.g. \"12500.00\"."))
    places = len(match.group(2) or "")
    allowed = decimal_places
    if currency and is_valid_currency(currency):
        allowed = min(allowed, minor_unit_exponent(currency))
    if places > allowed:
        if allowed == 0:
            raise AmountError("places", _("%(currency)s amounts have no decimals.") % {"currency": currency})
        raise AmountError("places", _("At most %(places)d decimal places are allowed.") % {"places": allowed})
    integer_digits = len(match.group(1).lstrip("0"))
    if integer_digits > max_digits - decimal_places:
        raise AmountError("digits", _("The amount is too large: at most %(digits)d digits before the decimal "
                                      "point.") % {"digits": max_digits - decimal_places})
    return Decimal(text)


class AmountFormField(forms.DecimalField):
    """A browser form's amount: the same reading as the API's (`parse_amount`), never a 500.

    The currency's places are checked where the form knows the currency (`check_places`)."""

    def __init__(self, *, max_digits: int = MAX_DIGITS, decimal_places: int = DECIMAL_PLACES, **kwargs):
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return parse_amount(str(value).strip(), max_digits=self.max_digits, decimal_places=self.decimal_places)
        except AmountError as exc:
            if exc.code == "amount":  # a person typed it: the form's words, not the API's
                raise forms.ValidationError(_("Enter a number with '.' before the decimals and no thousands "
                                              "separator, e.g. 12500.00."), code="invalid") from exc
            raise forms.ValidationError(exc.message, code=exc.code) from exc


def check_places(form: forms.Form, field: str, currency: str | None) -> None:
    """Refuse on `form` an amount of `field` with more places than `currency` has (a JPY amount with cents)."""
    value = form.cleaned_data.get(field)
    if value is None or not currency or not is_valid_currency(currency):
        return
    try:
        parse_amount(format(value, "f"), currency=currency)
    except AmountError as exc:
        form.add_error(field, exc.message)

