"""Load recorded exchange rates from a CSV file: `manage.py load_exchange_rates FILE.csv`.

Columns `date,base,quote,rate` (header row required): one unit of `base` is
worth `rate` units of `quote` from `date` on. Every row is checked first; any
error is reported with its line number and nothing is written. Otherwise the
rates are upserted in one transaction with bulk statements; a rate already
recorded with the same value is left alone, so loading a file twice changes
nothing the second time.
"""

import csv
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_scopes import scopes_disabled

from core import readcache
from core.models import ExchangeRate
from core.money import is_valid_currency
from core.rates import RATES

COLUMNS = ("date", "base", "quote", "rate")
BATCH_SIZE = 1000
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# ExchangeRate.rate: DecimalField(max_digits=20, decimal_places=10).
RATE_DECIMAL_PLACES = 10
RATE_INTEGER_DIGITS = 10


@dataclass(frozen=True)
class RateRow:
    line: int
    valid_on: date
    base: str
    quote: str
    rate: Decimal

    @property
    def key(self) -> tuple[str, str, date]:
        return (self.base, self.quote, self.valid_on)


def _parse_date(text: str) -> date | None:
    if not ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _parse_rate(text: str) -> tuple[Decimal | None, str]:
    """A positive decimal read from its text (never through float), within the column's precision."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None, f"rate {text!r} is not a decimal number"
    if not value.is_finite():
        return None, f"rate {text!r} is not a decimal number"
    if value <= 0:
        return None, f"rate {text} must be greater than zero"
    exponent = value.normalize().as_tuple().exponent
    if -exponent > RATE_DECIMAL_PLACES:
        return None, f"rate {text} has more than {RATE_DECIMAL_PLACES} decimal places"
    if value >= Decimal(10) ** RATE_INTEGER_DIGITS:
        return None, f"rate {text} is too large"
    return value, ""


def parse_rates(lines) -> tuple[list[RateRow], list[str]]:
    """(rows, errors): errors name the file's line numbers (the header is line 1)."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None:
        return [], ["line 1: the file is empty; expected the header date,base,quote,rate"]
    names = [name.strip().lower() for name in header]
    missing = [name for name in COLUMNS if name not in names]
    if missing or len(names) != len(set(names)):
        return [], [f"line 1: the header must name the columns date,base,quote,rate (got {','.join(header)})"]
    index = {name: names.index(name) for name in COLUMNS}
    rows, errors, first_line_of = [], [], {}
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # blank lines, e.g. at the end of the file
        if len(cells) != len(names):
            errors.append(f"line {line}: expected {len(names)} columns, got {len(cells)}")
            continue
        value = {name: cells[i].strip() for name, i in index.items()}
        problems = []
        valid_on = _parse_date(value["date"])
        if valid_on is None:
            problems.append(f"date {value['date']!r} is not an ISO date (YYYY-MM-DD)")
        base, quote = value["base"].upper(), value["quote"].upper()
        for column, code in (("base", base), ("quote", quote)):
            if not (len(code) == 3 and code.isalpha() and is_valid_currency(code)):
                problems.append(f"{column} currency {value[column]!r} is not a known ISO 4217 code")
        if base and base == quote:
            problems.append(f"base and quote are both {base}")
        rate, rate_problem = _parse_rate(value["rate"])
        if rate_problem:
            problems.append(rate_problem)
        if problems:
            errors.append(f"line {line}: " + "; ".join(problems))
            continue
        row = RateRow(line=line, valid_on=valid_on, base=base, quote=quote, rate=rate)
        if row.key in first_line_of:
            errors.append(
                f"line {line}: {base}/{quote} on {valid_on} already given on line {first_line_of[row.key]}"
            )
            continue
        first_line_of[row.key] = line
        rows.append(row)
    return rows, errors


def _existing_rates(rows: list[RateRow]) -> dict[tuple[str, str, date], Decimal]:
    """Rates already recorded for the file's pairs within its date range (one query)."""
    if not rows:
        return {}
    dates = [row.valid_on for row in rows]
    recorded = ExchangeRate.objects.filter(
        valid_on__gte=min(dates), valid_on__lte=max(dates),
        base_currency__in={row.base for row in rows}, quote_currency__in={row.quote for row in rows},
    ).values_list("base_currency", "quote_currency", "valid_on", "rate")
    return {(base, quote, valid_on): rate for base, quote, valid_on, rate in recorded.iterator(chunk_size=5000)}


@transaction.atomic
def load_rates(rows: list[RateRow]) -> tuple[int, int, int]:
    """Upsert (created, updated, unchanged); rows whose rate is already recorded are not written."""
    existing = _existing_rates(rows)
    to_create, to_update, unchanged = [], [], 0
    for row in rows:
        recorded = existing.get(row.key)
        if recorded is None:
            to_create.append(row)
        elif recorded != row.rate:
            to_update.append(row)
        else:
            unchanged += 1
    changed = to_create + to_update
    if changed:
        ExchangeRate.objects.bulk_create(
            [ExchangeRate(base_currency=r.base, quote_currency=r.quote, valid_on=r.valid_on, rate=r.rate) for r in changed],
            batch_size=BATCH_SIZE,
            update_conflicts=True,
            unique_fields=["base_currency", "quote_currency", "valid_on"],
            update_fields=["rate"],
        )
        readcache.invalidate(RATES)  # bulk writes send no signal
    return len(to_create), len(to_update), unchanged


class Command(BaseCommand):
    help = "Load exchange rates from a CSV file with the columns date,base,quote,rate (header row required)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="CSV file: date,base,quote,rate")

    def handle(self, *args, file: Path, **options):
        try:
            with file.open(encoding="utf-8-sig", newline="") as handle:
                rows, errors = parse_rates(handle)
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
        if errors:
            for error in errors:
                self.stderr.write(f"{file}: {error}")
            raise CommandError(f"{len(errors)} error(s) in {file}; nothing was loaded.")
        with scopes_disabled():
            created, updated, unchanged = load_rates(rows)
        self.stdout.write(
            self.style.SUCCESS(f"Exchange rates: {created} created, {updated} updated, {unchanged} unchanged.")
        )
