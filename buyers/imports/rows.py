"""The columns of a buyer import and each row's own checks (no database): name, country, identifiers
checked as the registry checks them (buyers.identifiers), field lengths, grade."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django_countries import countries

from buyers.identifiers import identifier_checks
from buyers.models import GRADE_BEST, GRADE_INSOLVENT, Buyer
from buyers.normalize import compact

LEGAL_NAME, COUNTRY, GRADE = "legal_name", "country", "grade"
REGISTRATION, VAT, LEI = "registration_number", "vat_number", "lei"
IDENTIFIERS = (REGISTRATION, VAT, LEI)
TEXT_FIELDS = ("legal_name", "trading_name", "sector_nace", "address", "city", "postal_code")
COLUMNS = (LEGAL_NAME, "trading_name", COUNTRY, REGISTRATION, VAT, LEI, "sector_nace", "address", "city",
           "postal_code", GRADE)
# The identifier's type in the registry's typed identifiers (BuyerIdentifier.Type).
IDENTIFIER_TYPES = {REGISTRATION: "national", VAT: "vat", LEI: "lei"}


@dataclass(frozen=True)
class RowError:
    line: int | None
    column: str | None
    message: str


@dataclass
class BuyerRow:
    line: int
    country: str
    values: dict[str, str]  # text fields and identifiers, stripped (identifiers compacted); blank = not given
    grade: int | None = None
    errors: list[RowError] = field(default_factory=list)
    given: list[tuple[str, str]] | None = None  # the identifiers given, once worked out (`identifiers`)

    def identifiers(self) -> list[tuple[str, str]]:
        """(column, value) of each identifier given; the values are not changed once parsed."""
        if self.given is None:
            self.given = [(column, self.values[column]) for column in IDENTIFIERS if self.values[column]]
        return self.given


def header_problem(columns: list[str]) -> str | None:
    duplicates = sorted({name for name in columns if name and columns.count(name) > 1})
    if duplicates:
        return _("These columns appear more than once: %(columns)s.") % {"columns": ", ".join(duplicates)}
    missing = [name for name in (LEGAL_NAME, COUNTRY) if name not in columns]
    if not any(name in columns for name in IDENTIFIERS):
        missing.append(" / ".join(IDENTIFIERS))
    if missing:
        return _("Missing columns: %(missing)s. The first line must name the columns: %(expected)s.") % {
            "missing": ", ".join(missing), "expected": ", ".join(COLUMNS)}
    return None


_MAX_LENGTH = {name: Buyer._meta.get_field(name).max_length for name in (*TEXT_FIELDS, *IDENTIFIERS)}


class RowChecks:
    """What `parse_row` works out once per job rather than once per row: whether a country code is known
    (django_countries' lookup goes through the translation context, ~50 µs a row) and which identifier checks
    a country has (buyers.identifiers: GB has no national rule, so its registration numbers are not looked at).
    The identifiers themselves are checked per row: one row per buyer, a value seldom comes twice in a file."""

    def __init__(self):
        self._known: dict[str, bool] = {}
        self._checks: dict[str, dict] = {}

    def known_country(self, code: str) -> bool:
        if code not in self._known:
            self._known[code] = code in countries
        return self._known[code]

    def identifier_errors(self, country: str, values: dict[str, str]) -> list[tuple[str, str]]:
        """What `identifier_errors` says of the row's identifiers, in its order of fields."""
        if country not in self._checks:
            self._checks[country] = identifier_checks(country)
        return [(name, message) for name, check in self._checks[country].items()
                if values[name] and (message := check(values[name]))]


def parse_row(line: int, raw: dict[str, str], checks: RowChecks | None = None) -> BuyerRow:
    checks = checks or RowChecks()
    values = {name: (raw.get(name) or "").strip() for name in (*TEXT_FIELDS, *IDENTIFIERS)}
    for name in IDENTIFIERS:
        values[name] = compact(values[name])
    row = BuyerRow(line=line, country=(raw.get(COUNTRY) or "").strip().upper(), values=values)
    known = bool(row.country) and checks.known_country(row.country)
    if not values[LEGAL_NAME]:
        row.errors.append(RowError(line, LEGAL_NAME, _("The buyer's legal name is required.")))
    if not row.country:
        row.errors.append(RowError(line, COUNTRY, _("The buyer's country is required.")))
    elif not known:
        row.errors.append(RowError(line, COUNTRY, _("Unknown country code (ISO 3166-1 alpha-2).")))
    for name, limit in _MAX_LENGTH.items():
        if len(values[name]) > limit:
            row.errors.append(RowError(line, name, _("At most %(max)d characters.") % {"max": limit}))
    if not row.identifiers():
        row.errors.append(RowError(line, REGISTRATION, _(
            "Give the buyer's national registration number, VAT number or LEI, so it can be identified.")))
    elif known:
        for name, message in checks.identifier_errors(row.country, values):
            row.errors.append(RowError(line, name, message))
    grade = (raw.get(GRADE) or "").strip()
    if grade:
        if grade.isdigit() and GRADE_BEST <= int(grade) <= GRADE_INSOLVENT:
            row.grade = int(grade)
        else:
            row.errors.append(RowError(line, GRADE, _(
                "A buyer grade is a whole number from 1 (best) to 10 (insolvent).")))
    return row


def identity_keys(country: str, column: str, value: str) -> set[tuple[str, str, str]]:
    """The keys one identifier is found by: (country, type, value); a VAT number with and without its country
    prefix ('ESB12345678' or 'B12345678'), as the registry may hold either."""
    kind = IDENTIFIER_TYPES[column]
    if column != VAT:
        return {(country, kind, value)}
    other = value[len(country):] if value.startswith(country) else country + value
    return {(country, kind, candidate) for candidate in (value, other) if candidate}
