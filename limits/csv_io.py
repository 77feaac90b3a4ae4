"""Credit-limit requests in bulk from CSV: parse, validate, create.

Parsing validates the whole file set-based, in a constant number of queries
whatever its length: the tenant's policies by number, the visible buyers by
registration or VAT number, the references already used and the requests
already with an underwriter are each loaded once. Creation then goes through
`limits.services.request_limit` for every row, so the automatic-decision
matrix and every business check apply exactly as for a single request.

Every lookup goes through the tenant's selectors: a row naming another
tenant's policy number gets "unknown policy", never that policy.

The summary notification and queued (worker) imports are in limits.csv_jobs;
the export is in limits.csv_export.
"""

import csv
import io
import re
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from moneyed import Money

from buyers.normalize import compact
from buyers.selectors import buyers_visible_to
from core.exceptions import DomainError
from core.money import is_valid_currency, minor_unit_exponent
from limits.csv_rows import (  # noqa: F401  (also imported from here by views, jobs and tests)
    AMOUNT,
    BUYER_COUNTRY,
    BUYER_REGISTRATION,
    BUYER_VAT,
    CURRENCY,
    KNOWN_COLUMNS,
    MAX_BYTES,
    MAX_ROWS,
    MODE_ALL_OR_NOTHING,
    MODE_VALID_ROWS,
    MODES,
    POLICY_NUMBER,
    REFERENCE,
    REQUIRED_COLUMNS,
    TERMS_DAYS,
    ImportPreview,
    ImportResult,
    PreviewRow,
    RowError,
)
from limits.models import CreditLimit
from limits.selectors import limits_for_tenant
from limits.services import request_limit
from policies.selectors import policies_for_tenant

# CreditLimit.requested_amount: max_digits=16, decimal_places=2.
_MAX_INTEGER_DIGITS = 14
_REFERENCE_MAX_LENGTH = CreditLimit._meta.get_field("reference").max_length
_PLAIN_DECIMAL = re.compile(r"^\d+(?:\.(\d+))?$")
_SEPARATORS = re.compile(r"[,\s'’_]")

# The service's error fields, as the CSV columns a user can fix.
_SERVICE_FIELD_COLUMN = {
    "policy": POLICY_NUMBER,
    "amount": AMOUNT,
    "terms_days": TERMS_DAYS,
    "reference": REFERENCE,
}

# Parsing


def read_bytes(file) -> tuple[bytes | None, RowError | None]:
    too_big = RowError(
        line=None, column=None,
        message=_("The file is larger than %(size)s MB: split it into smaller files.")
        % {"size": MAX_BYTES // (1024 * 1024)},
    )
    if isinstance(file, bytes | bytearray):
        raw = bytes(file)
    elif isinstance(file, str):
        raw = file.encode("utf-8")
    else:
        size = getattr(file, "size", None)
        if size is not None and size > MAX_BYTES:
            return None, too_big
        if hasattr(file, "seek"):
            file.seek(0)
        raw = file.read(MAX_BYTES + 1)
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
    if len(raw) > MAX_BYTES:
        return None, too_big
    return raw, None


def _file_error(message: str) -> ImportPreview:
    return ImportPreview(file_errors=[RowError(line=None, column=None, message=message)])


def _sniff_delimiter(header_line: str) -> str:
    # The header holds only column names, so whichever separator it uses is the file's.
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _parse_amount(raw: str, currency: str | None) -> tuple[Decimal | None, str | None]:
    """A plain decimal, '.' before the decimals, no thousands separators: '50000.00'.

    '50,000' or '50.000' could be fifty thousand or fifty: rather than guess, the row is refused.
    """
    text = raw.strip()
    if not text:
        return None, _("Give the amount.")
    if text.startswith("-"):
        return None, _("The amount must be greater than zero.")
    example = {"example": "50000.00"}
    if "," in text or _SEPARATORS.search(text) or text.count(".") > 1:
        return None, _(
            "Write the amount without thousands separators and with '.' before the decimals, e.g. %(example)s."
        ) % example
    match = _PLAIN_DECIMAL.match(text)
    if match is None:
        return None, _("“%(value)s” is not an amount: write digits with '.' before the decimals, e.g. %(example)s.") % {
            "value": text, **example,
        }
    decimals = len(match.group(1) or "")
    allowed = min(minor_unit_exponent(currency), 2) if currency and is_valid_currency(currency) else 2
    if decimals > allowed:
        return None, _(
            "“%(value)s” has more decimals than %(currency)s allows. If '.' separates thousands here, "
            "remove it: amounts are written without thousands separators, e.g. %(example)s."
        ) % {"value": text, "currency": currency or "", **example}
    amount = Decimal(text)
    if amount <= 0:
        return None, _("The amount must be greater than zero.")
    if amount.adjusted() >= _MAX_INTEGER_DIGITS:
        return None, _("The amount is too large.")
    return amount, None


def _parse_terms(raw: str) -> tuple[int | None, str | None]:
    text = raw.strip()
    if not text:
        return None, _("Give the payment terms in days.")
    if not text.isdigit():
        return None, _("Payment terms are a whole number of days, e.g. 90.")
    days = int(text)
    if days <= 0:
        return None, _("Payment terms must be at least one day.")
    return days, None


def _vat_candidates(country: str, vat: str) -> set[str]:
    """A VAT number is written with or without its country prefix ('ESB12345678' or 'B12345678')."""
    candidates = {vat}
    if vat.startswith(country):
        candidates.add(vat[len(country):])
    else:
        candidates.add(country + vat)
    return {value for value in candidates if value}


def _read_rows(text: str, delimiter: str, columns: list[str], preview: ImportPreview, first_line: int) -> None:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader)  # the header, already read
    previous_end = reader.line_num
    for values in reader:
        line, previous_end = previous_end + first_line, reader.line_num
        if not any(value.strip() for value in values):
            continue  # blank lines say nothing
        if len(preview.rows) >= MAX_ROWS:
            preview.rows = []
            preview.file_errors.append(RowError(
                line=None, column=None,
                message=_("The file has more than %(max)s rows: split it into files of at most %(max)s rows.")
                % {"max": number_format(MAX_ROWS, force_grouping=True)},
            ))
            return
        row = PreviewRow(line=line, values={
            name: (values[i].strip() if i < len(values) else "") for i, name in enumerate(columns) if name
        })
        if len(values) > len(columns) and any(value.strip() for value in values[len(columns):]):
            row.add_error(None, _("This line has more values than the header has columns."))
        preview.rows.append(row)


def parse_limit_requests(*, tenant, file, today: date | None = None) -> "ImportPreview":
    """Read and validate a CSV of limit requests; nothing is written.

    `file` is an uploaded file, any binary file object, or bytes. UTF-8 with or
    without BOM; ',' or ';' between values, told by the header line.
    """
    today = today or timezone.localdate()
    raw, error = read_bytes(file)
    if error is not None:
        return ImportPreview(file_errors=[error])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _file_error(_("The file is not UTF-8 text: save it as “CSV UTF-8” and upload it again."))
    if "\x00" in text:
        return _file_error(_("The file is not a CSV text file."))
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    if not header_line:
        return _file_error(_("The file is empty."))
    # Leading blank lines would shift the header: drop them, but keep line numbers true.
    skipped = text[: text.index(header_line)]
    text = text[len(skipped):]
    first_line = skipped.count("\n") + 1

    delimiter = _sniff_delimiter(header_line)
    preview = ImportPreview(delimiter=delimiter)
    try:
        header = next(csv.reader([header_line], delimiter=delimiter))
    except csv.Error:
        return _file_error(_("The first line is not a CSV header."))
    columns = [name.strip().lower().lstrip("\ufeff") for name in header]
    duplicates = sorted({name for name in columns if name and columns.count(name) > 1})
    if duplicates:
        return _file_error(_("These columns appear more than once: %(columns)s.") % {"columns": ", ".join(duplicates)})
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if BUYER_REGISTRATION not in columns and BUYER_VAT not in columns:
        missing.append(f"{BUYER_REGISTRATION} / {BUYER_VAT}")
    if missing:
        return _file_error(
            _("Missing columns: %(missing)s. The first line must name the columns: %(expected)s.")
            % {"missing": ", ".join(missing), "expected": ", ".join(KNOWN_COLUMNS)}
        )
    try:
        _read_rows(text, delimiter, columns, preview, first_line)
    except csv.Error as exc:
        return _file_error(_("The file is not valid CSV: %(problem)s.") % {"problem": exc})
    if preview.file_errors:
        return preview
    if not preview.rows:
        return _file_error(_("The file has no rows below the header."))
    _validate(tenant=tenant, rows=preview.rows, today=today)
    return preview


def _buyer_column(row: PreviewRow) -> str:
    """Problems with the buyer point at the identifier the row gave."""
    return BUYER_VAT if row.values.get(BUYER_VAT) and not row.values.get(BUYER_REGISTRATION) else BUYER_REGISTRATION


def _validate(*, tenant, rows: list[PreviewRow], today: date) -> None:
    """Check every row against the tenant's data, loaded once per kind (never once per row)."""
    numbers = {row.values.get(POLICY_NUMBER, "") for row in rows} - {""}
    policies = {p.number: p for p in policies_for_tenant(tenant=tenant).filter(number__in=numbers)}

    registrations, vats, countries = set(), set(), set()
    for row in rows:
        country = row.values.get(BUYER_COUNTRY, "").upper()
        row.values[BUYER_COUNTRY] = country
        row.values[BUYER_REGISTRATION] = compact(row.values.get(BUYER_REGISTRATION, ""))
        row.values[BUYER_VAT] = compact(row.values.get(BUYER_VAT, ""))
        if not country:
            continue
        countries.add(country)
        if row.values[BUYER_REGISTRATION]:
            registrations.add(row.values[BUYER_REGISTRATION])
        if row.values[BUYER_VAT]:
            vats |= _vat_candidates(country, row.values[BUYER_VAT])
    visible = buyers_visible_to(tenant=tenant).filter(country__in=countries).order_by("pk")
    by_registration = {}
    if registrations:
        for buyer in visible.filter(registration_number__in=registrations):
            by_registration.setdefault((buyer.country.code, buyer.registration_number), buyer)
    by_vat = {}
    if vats:
        for buyer in visible.filter(vat_number__in=vats):
            by_vat.setdefault((buyer.country.code, buyer.vat_number), buyer)

    references = {row.values.get(REFERENCE, "") for row in rows} - {""}
    used_references = set(
        limits_for_tenant(tenant=tenant).filter(reference__in=references).values_list("reference", flat=True)
    ) if references else set()

    for row in rows:
        _validate_row(row, policies=policies, by_registration=by_registration, by_vat=by_vat,
                      used_references=used_references, today=today)

    pairs = {(row.policy.pk, row.buyer.pk) for row in rows if row.policy and row.buyer}
    if pairs:
        pending = set(
            limits_for_tenant(tenant=tenant, state=CreditLimit.State.PENDING)
            .filter(policy_id__in={p for p, _b in pairs}, buyer_id__in={b for _p, b in pairs})
            .values_list("policy_id", "buyer_id")
        )
    else:
        pending = set()
    first_line_of_pair, first_line_of_reference = {}, {}
    for row in rows:
        if row.reference:
            if row.reference in first_line_of_reference:
                row.add_error(REFERENCE, _("The reference %(ref)s is already on line %(line)d of this file.")
                              % {"ref": row.reference, "line": first_line_of_reference[row.reference]})
            else:
                first_line_of_reference[row.reference] = row.line
        if row.policy is None or row.buyer is None:
            continue
        pair = (row.policy.pk, row.buyer.pk)
        if pair in first_line_of_pair:
            row.add_error(_buyer_column(row), _(
                "This buyer is already requested on policy %(number)s on line %(line)d of this file: "
                "one request per buyer and policy."
            ) % {"number": row.policy.number, "line": first_line_of_pair[pair]})
        else:
            first_line_of_pair[pair] = row.line
        if pair in pending:
            row.add_error(_buyer_column(row), _(
                "A request on this buyer is already with an underwriter: edit or cancel it instead."
            ))


def _validate_row(row: PreviewRow, *, policies, by_registration, by_vat, used_references, today) -> None:
    values = row.values
    number = values.get(POLICY_NUMBER, "")
    if not number:
        row.add_error(POLICY_NUMBER, _("Give the policy number."))
    else:
        row.policy = policies.get(number)
        if row.policy is None:
            row.add_error(POLICY_NUMBER, _("Unknown policy %(number)s.") % {"number": number})
        elif not row.policy.is_in_force_on(today):
            row.add_error(POLICY_NUMBER, _("Policy %(number)s is not in force.") % {"number": number})
            row.policy = None

    country = values[BUYER_COUNTRY]
    registration, vat = values[BUYER_REGISTRATION], values[BUYER_VAT]
    if not country:
        row.add_error(BUYER_COUNTRY, _("Give the buyer's country (two letters, e.g. ES)."))
    elif len(country) != 2 or not country.isalpha():
        row.add_error(BUYER_COUNTRY, _("“%(value)s” is not a country code: use two letters, e.g. ES.")
                      % {"value": country})
    elif not registration and not vat:
        row.add_error(BUYER_REGISTRATION, _("Give the buyer's registration number or VAT number."))
    else:
        by_number = by_registration.get((country, registration)) if registration else None
        by_vat_number = next(
            (by_vat[(country, v)] for v in sorted(_vat_candidates(country, vat)) if (country, v) in by_vat), None
        ) if vat else None
        if registration and by_number is None:
            row.add_error(BUYER_REGISTRATION, _("Unknown buyer: no buyer in %(country)s with registration number "
                                                "%(number)s.") % {"country": country, "number": registration})
        elif vat and by_vat_number is None and by_number is None:
            row.add_error(BUYER_VAT, _("Unknown buyer: no buyer in %(country)s with VAT number %(number)s.")
                          % {"country": country, "number": vat})
        elif by_number and by_vat_number and by_number.pk != by_vat_number.pk:
            row.add_error(BUYER_VAT, _("The registration number and the VAT number name different buyers."))
        else:
            row.buyer = by_number or by_vat_number
    if row.policy is not None and row.buyer is not None and not row.policy.terms.covers_country(country):
        row.add_error(BUYER_COUNTRY, _("Buyers in %(country)s are not covered by policy %(number)s.")
                      % {"country": row.buyer.country.name, "number": row.policy.number})

    currency = values.get(CURRENCY, "").upper()
    if not currency:
        row.add_error(CURRENCY, _("Give the currency."))
    elif not is_valid_currency(currency):
        row.add_error(CURRENCY, _("“%(value)s” is not a currency code: use three letters, e.g. EUR.")
                      % {"value": currency})
        currency = ""
    elif row.policy is not None and currency != row.policy.currency:
        row.add_error(CURRENCY, _("The amount must be in the policy's currency, %(currency)s.")
                      % {"currency": row.policy.currency})

    amount, problem = _parse_amount(values.get(AMOUNT, ""), row.policy.currency if row.policy else currency)
    if problem:
        row.add_error(AMOUNT, problem)
    elif currency:
        row.amount = Money(amount, currency)

    row.terms_days, problem = _parse_terms(values.get(TERMS_DAYS, ""))
    if problem:
        row.add_error(TERMS_DAYS, problem)
    elif row.policy is not None and row.terms_days > row.policy.terms.max_credit_period_days:
        row.add_error(TERMS_DAYS, _(
            "Payment terms of %(days)d days exceed the policy's maximum credit period of %(max)d days."
        ) % {"days": row.terms_days, "max": row.policy.terms.max_credit_period_days})

    row.reference = values.get(REFERENCE, "")
    if len(row.reference) > _REFERENCE_MAX_LENGTH:
        row.add_error(REFERENCE, _("The reference is longer than %(max)d characters.") % {"max": _REFERENCE_MAX_LENGTH})
    elif row.reference in used_references:
        row.add_error(REFERENCE, _("You already used the reference %(ref)s.") % {"ref": row.reference})


# Creation


class _RollBack(Exception):
    pass


def import_limit_requests(*, tenant, requested_by, preview: ImportPreview, mode: str,
                          today: date | None = None) -> ImportResult:
    """Create the previewed requests through `request_limit`, row by row, in one transaction.

    all_or_nothing: one bad row (in the file or refused by the service) and nothing is created.
    valid_rows: the good rows are created, each in its own savepoint; the others are reported.
    """
    if mode not in MODES:
        raise ValueError(f"Unknown import mode {mode!r}")
    result = ImportResult(mode=mode, rows=len(preview.rows), errors=list(preview.errors))
    if preview.file_errors or not preview.rows:
        return result
    if mode == MODE_ALL_OR_NOTHING and result.errors:
        return result
    today = today or timezone.localdate()
    service_errors: list[RowError] = []
    created: list[tuple[CreditLimit, bool]] = []
    try:
        with transaction.atomic():
            for row in preview.valid_rows:
                try:
                    with transaction.atomic():  # one savepoint per row: a refused row leaves the others
                        outcome = request_limit(
                            tenant=tenant, requested_by=requested_by, policy=row.policy, buyer=row.buyer,
                            amount=row.amount, terms_days=row.terms_days, reference=row.reference, today=today,
                            notify_insured=False,  # the import sends one summary (csv_jobs), not one per row
                        )
                except DomainError as exc:
                    column = _buyer_column(row) if exc.field == "buyer" else _SERVICE_FIELD_COLUMN.get(exc.field)
                    service_errors.append(RowError(line=row.line, column=column, message=exc.message))
                    continue
                created.append((outcome.limit, outcome.decided))
            if mode == MODE_ALL_OR_NOTHING and service_errors:
                # Every row was tried so that the user sees all that is wrong at once.
                raise _RollBack
    except _RollBack:
        created = []
    result.errors = sorted([*result.errors, *service_errors], key=lambda e: (e.line or 0))
    result.created_limits = [limit for limit, _decided in created]
    result.created = len(created)
    result.decided = sum(1 for _limit, decided in created if decided)
    result.referred = result.created - result.decided
    return result
