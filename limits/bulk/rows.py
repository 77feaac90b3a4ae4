"""What a bulk of limit requests is made of: its fields, its rows and their errors, the preview and the result.

Shared by every step of limits.bulk: decoding a source (csv_decode), resolving its rows (resolve),
importing them (importer) and the queued jobs (jobs); the views show the preview and the result.
"""

from dataclasses import dataclass, field

from moneyed import Money

from buyers.models import Buyer
from core.row_errors import RowError
from limits.models import CreditLimit
from policies.models import Policy

# The fields of a row, as a CSV file names its columns.
POLICY_NUMBER = "policy_number"
BUYER_COUNTRY = "buyer_country"
BUYER_REGISTRATION = "buyer_registration_number"
BUYER_VAT = "buyer_vat"
AMOUNT = "amount"
CURRENCY = "currency"
TERMS_DAYS = "terms_days"
REFERENCE = "reference"

KNOWN_COLUMNS = (POLICY_NUMBER, BUYER_COUNTRY, BUYER_REGISTRATION, BUYER_VAT, AMOUNT, CURRENCY, TERMS_DAYS, REFERENCE)

# The most rows one bulk may hold.
MAX_ROWS = 5_000

MODE_ALL_OR_NOTHING = "all_or_nothing"
MODE_VALID_ROWS = "valid_rows"
MODES = (MODE_ALL_OR_NOTHING, MODE_VALID_ROWS)




@dataclass
class PreviewRow:
    line: int
    values: dict[str, str]
    policy: Policy | None = None
    buyer: Buyer | None = None
    amount: Money | None = None
    terms_days: int | None = None
    reference: str = ""
    errors: list[RowError] = field(default_factory=list)

    def add_error(self, column: str | None, message: str) -> None:
        self.errors.append(RowError(line=self.line, column=column, message=message))

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def buyer_column(self) -> str:
        """Problems with the buyer point at the identifier the row gave."""
        if self.values.get(BUYER_VAT) and not self.values.get(BUYER_REGISTRATION):
            return BUYER_VAT
        return BUYER_REGISTRATION


@dataclass
class ImportPreview:
    rows: list[PreviewRow] = field(default_factory=list)
    # Problems with the source as a whole (size, encoding, header): nothing can be imported.
    file_errors: list[RowError] = field(default_factory=list)
    delimiter: str = ","  # the separator of a CSV file's values

    @property
    def valid_rows(self) -> list[PreviewRow]:
        return [row for row in self.rows if row.is_valid]

    @property
    def invalid_rows(self) -> list[PreviewRow]:
        return [row for row in self.rows if not row.is_valid]

    @property
    def errors(self) -> list[RowError]:
        return [*self.file_errors, *(error for row in self.rows for error in row.errors)]

    @property
    def has_errors(self) -> bool:
        return bool(self.file_errors) or any(row.errors for row in self.rows)


@dataclass
class ImportResult:
    mode: str
    rows: int = 0
    created: int = 0
    decided: int = 0  # decided at once by the automatic-decision matrix
    referred: int = 0  # waiting for an underwriter
    errors: list[RowError] = field(default_factory=list)
    created_limits: list[CreditLimit] = field(default_factory=list)

    @property
    def rows_with_errors(self) -> int:
        return len({error.line for error in self.errors if error.line is not None})

    @property
    def rolled_back(self) -> bool:
        """All-or-nothing and something was wrong: nothing was created."""
        return self.mode == MODE_ALL_OR_NOTHING and bool(self.errors)
