"""One cell of a CSV download: decimals as strings, ISO dates, booleans as words, text safe to open.

Every export goes through it, so a buyer named "=HYPERLINK(...)" never runs as a
formula in the spreadsheet that opens the file (CSV injection).
"""

from datetime import date, datetime
from decimal import Decimal

from moneyed import Money

from core.money import amount_string

# A spreadsheet runs a cell starting with these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Money):
        # To the currency's minor unit: a zero EUR total reads 0.00, not 0, and a JPY amount 9000, not 9000.00.
        return amount_string(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
