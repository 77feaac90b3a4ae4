"""The indemnity calculation against domain.md's worked examples (1, 2, 3, 5, 9, 11, 12)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from moneyed import Money

from claims.claims.indemnity import CoverOnDate, InvoiceInput, calculate_indemnity


def cover(amount, pct="90", currency="EUR"):
    return lambda _day: CoverOnDate(Money(Decimal(str(amount)), currency), Decimal(pct))


def invoice(number, amount, shipped=date(2026, 2, 20), currency="EUR", terms=60, **kwargs):
    return InvoiceInput(number=number, invoice_date=shipped, shipment_date=shipped,
                        due_date=shipped + timedelta(days=terms), outstanding=Money(Decimal(str(amount)), currency),
                        **kwargs)


def calc(invoices, cover_on, currency="EUR", **kwargs):
    return calculate_indemnity(invoices=invoices, cover_on=cover_on, max_credit_period_days=kwargs.pop("max_days", 120),
                               non_qualifying_loss=kwargs.pop("nql", Money(0, currency)), **kwargs)


@pytest.mark.parametrize("unpaid,pct,expected", [("10000", "90", "9000.00"), ("25000", "85", "21250.00")])
def test_examples_1_and_2(unpaid, pct, expected):
    assert calc([invoice("A", unpaid)], cover(100_000, pct)).indemnity == Money(expected, "EUR")


def test_example_3_loss_above_the_limit_is_capped():
    result = calc([invoice("A", 120_000)], cover(100_000))
    assert result.covered_loss == Money(100_000, "EUR")
    assert result.indemnity == Money(90_000, "EUR")


def test_example_5_limit_reduced_on_1_march():
    def reduced(day):
        return CoverOnDate(Money(100_000 if day < date(2026, 3, 1) else 40_000, "EUR"), Decimal(90))

    before = calc([invoice("A", 80_000, shipped=date(2026, 2, 20))], reduced)
    after = calc([invoice("A", 80_000, shipped=date(2026, 3, 5))], reduced)
    assert (before.covered_loss, before.indemnity) == (Money(80_000, "EUR"), Money(72_000, "EUR"))
    assert (after.covered_loss, after.indemnity) == (Money(40_000, "EUR"), Money(36_000, "EUR"))


def test_example_9_recovery_before_payment_reduces_the_loss():
    result = calc([invoice("A", 10_000)], cover(100_000), recoveries_before_payment=Money(4_000, "EUR"))
    assert (result.covered_loss, result.indemnity) == (Money(6_000, "EUR"), Money(5_400, "EUR"))


def reduced_on_15_april(day):
    return CoverOnDate(Money(50_000 if day < date(2026, 4, 15) else 20_000, "EUR"), Decimal(90))


def test_example_11_cover_is_cumulative_in_shipment_order():
    result = calc([invoice("B", 25_000, shipped=date(2026, 4, 20)), invoice("A", 10_000, shipped=date(2026, 4, 10))],
                  reduced_on_15_april)
    assert [(line.invoice, line.covered) for line in result.lines] == [
        ("A", Money(10_000, "EUR")), ("B", Money(10_000, "EUR")),
    ]
    assert (result.covered_loss, result.indemnity) == (Money(20_000, "EUR"), Money(18_000, "EUR"))


def test_example_11_with_a_at_30000_b_is_not_covered():
    result = calc([invoice("A", 30_000, shipped=date(2026, 4, 10)), invoice("B", 25_000, shipped=date(2026, 4, 20))],
                  reduced_on_15_april)
    assert [line.covered for line in result.lines] == [Money(30_000, "EUR"), Money(0, "EUR")]
    assert result.indemnity == Money(27_000, "EUR")


def test_example_12_rounding_once_half_up():
    assert calc([invoice("A", "1000.01")], cover(100_000)).indemnity == Money("900.01", "EUR")
    jpy = calc([invoice("A", 1_234_567, currency="JPY")], cover(10_000_000, currency="JPY"), currency="JPY")
    assert jpy.indemnity == Money(1_111_110, "JPY")
    assert str(jpy.indemnity.amount) == "1111110"


def test_rounding_happens_once_not_per_invoice():
    # Three invoices of 0.05 at 90% are 0.045 each: rounding each would give 0.15, once gives 0.14 (0.135 -> 0.14).
    result = calc([invoice(str(i), "0.05") for i in range(3)], cover(100))
    assert result.indemnity == Money("0.14", "EUR")


def test_example_4_discretionary_percentage():
    assert calc([invoice("A", 15_000)], cover(20_000, "70")).indemnity == Money(10_500, "EUR")
    assert calc([invoice("A", 30_000)], cover(20_000, "70")).indemnity == Money(14_000, "EUR")


def test_late_notification_is_not_covered_unless_waived():
    late = calc([invoice("A", 10_000, notified_late=True)], cover(100_000))
    assert late.indemnity == Money(0, "EUR") and late.lines[0].notes[0].code == "indemnity.notified_late"
    waived = calc([invoice("A", 10_000, notified_late=True, lateness_waived=True)], cover(100_000))
    assert waived.indemnity == Money(9_000, "EUR")


def test_terms_beyond_the_maximum_credit_period_are_not_covered():
    assert calc([invoice("A", 10_000, terms=121)], cover(100_000)).indemnity == Money(0, "EUR")
    assert calc([invoice("A", 10_000, terms=120)], cover(100_000)).indemnity == Money(9_000, "EUR")


def test_non_qualifying_loss_and_remaining_liability():
    result = calc([invoice("A", 10_000)], cover(100_000), nql=Money(500, "EUR"))
    assert result.indemnity == Money(8_500, "EUR")
    capped = calc([invoice("A", 10_000)], cover(100_000), remaining_liability=Money(2_000, "EUR"))
    assert capped.indemnity == Money(2_000, "EUR")


def test_no_cover_on_the_shipment_date_pays_nothing():
    result = calc([invoice("A", 10_000)], cover(0))
    assert result.indemnity == Money(0, "EUR")


def test_other_currency_invoice_is_refused():
    with pytest.raises(ValueError):
        calc([invoice("A", 10, currency="USD")], cover(100))


amounts = st.decimals(min_value=0, max_value=1_000_000, places=2, allow_nan=False, allow_infinity=False)


@given(st.lists(amounts, min_size=1, max_size=6), amounts, amounts)
def test_indemnity_never_exceeds_limit_or_loss(outstanding, limit, recovered):
    invoices = [invoice(str(i), a, shipped=date(2026, 1, 1) + timedelta(days=i)) for i, a in enumerate(outstanding)]
    result = calc(invoices, cover(limit), recoveries_before_payment=Money(recovered, "EUR"))
    total = sum(outstanding)
    assert Decimal(0) <= result.covered_loss.amount <= min(limit, max(Decimal(0), total - recovered))
    assert result.indemnity.amount <= result.covered_loss.amount
