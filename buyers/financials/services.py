"""The one write of a buyer's financial statement, used by the admin and the CSV import."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buyers.financials.models import AMOUNTS, FIRST_YEAR, NON_NEGATIVE, FinancialStatement
from core.exceptions import DomainError
from core.money import is_valid_currency


def statement_errors(*, year, currency: str, amounts: dict) -> dict[str, str]:
    """Each problem of a statement's values, keyed by field (the same rules as the table's CHECKs)."""
    errors = {}
    this_year = timezone.localdate().year
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= this_year:
        errors["year"] = _("The financial year is a year from %(first)d to %(last)d.") % {
            "first": FIRST_YEAR, "last": this_year}
    if not is_valid_currency(currency or ""):
        errors["currency"] = _("Unknown currency code (ISO 4217).")
    for name in AMOUNTS:
        value = amounts.get(name)
        if not isinstance(value, Decimal):
            errors[name] = _("Give the amount.")
        elif name in NON_NEGATIVE and value < 0:
            errors[name] = _("This amount cannot be negative.")
    if not errors and amounts["current_assets"] > amounts["total_assets"]:
        errors["current_assets"] = _("Current assets cannot exceed total assets.")
    return errors


@transaction.atomic
def record_financial_statement(*, buyer, year: int, currency: str, recorded_by=None,
                               source: str = FinancialStatement.Source.UNDERWRITER,
                               **amounts: Decimal) -> FinancialStatement:
    """Record a buyer's accounts for a year; a second statement for the same year replaces the first.

    Replacing, not refusing: accounts are restated, and the history table keeps the earlier figures.
    """
    currency = (currency or "").strip().upper()
    errors = statement_errors(year=year, currency=currency, amounts=amounts)
    if errors:
        field, message = next(iter(errors.items()))
        raise DomainError(message, field=field, fields={name: [text] for name, text in errors.items()})
    try:
        with transaction.atomic():
            statement, _created = FinancialStatement.objects.select_for_update().update_or_create(
                buyer=buyer, year=year,
                defaults={"currency": currency, "source": source, "recorded_by": recorded_by,
                          **{name: amounts[name] for name in AMOUNTS}},
            )
    except IntegrityError as exc:  # another underwriter recorded the same year meanwhile
        raise DomainError(_("A statement for this year was just recorded: open it and check."), field="year") from exc
    return statement
