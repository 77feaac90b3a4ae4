"""Currency conversion with the recorded exchange rates (never a live feed)."""

from datetime import date
from decimal import Decimal

from moneyed import Money

from core import readcache
from core.models import ExchangeRate


class MissingRate(LookupError):
    pass


RATES = "exchange_rates"  # the read cache's name for the table (core.readcache)


def _latest_recorded(base: str, quote: str, on: date) -> Decimal | None:
    """The rate recorded for base/quote most recently on or before `on`, or None.

    Cached until a rate is recorded or changed (core.readcache): every limit request in another currency
    and every exposure page asks it again.
    """
    return readcache.cached(RATES, f"{base}:{quote}:{on.isoformat()}", lambda: (
        ExchangeRate.objects.filter(base_currency=base, quote_currency=quote, valid_on__lte=on)
        .order_by("-valid_on").values_list("rate", flat=True).first()))


def rate(*, base: str, quote: str, on: date) -> Decimal:
    """Units of `quote` per unit of `base`, the latest recorded on or before `on`.

    An inverse rate is used when only the opposite pair is recorded.
    """
    if base == quote:
        return Decimal(1)
    direct = _latest_recorded(base, quote, on)
    if direct is not None:
        return direct
    inverse = _latest_recorded(quote, base, on)
    if inverse is not None:
        return Decimal(1) / inverse
    raise MissingRate(f"No exchange rate {base}/{quote} on or before {on}")


def convert(value: Money, *, to: str, on: date) -> Money:
    """Convert; not rounded (callers round once, at the end)."""
    return Money(value.amount * rate(base=str(value.currency), quote=to, on=on), to)
