"""Read-mostly tables are cached and every change is seen at once: exchange rates (recorded one by one in the
admin or in bulk by load_exchange_rates) and the automatic-decision matrix. Reference data, shared by every
insured: no tenant's rows are read here."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from moneyed import Money

from core.models import ExchangeRate
from core.rates import MissingRate, convert, rate
from limits.models import AutoDecisionRule
from limits.services.requests import automatic_ceiling
from tests.buyer_factories import make_buyer

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
ON = date(2026, 3, 1)


def test_a_rate_is_read_once_then_from_the_cache(django_assert_num_queries):
    ExchangeRate.objects.create(base_currency="USD", quote_currency="EUR", valid_on=date(2026, 1, 1), rate=Decimal("0.9"))
    with django_assert_num_queries(1):
        assert rate(base="USD", quote="EUR", on=ON) == Decimal("0.9")
    with django_assert_num_queries(0):
        assert convert(Money(100, "USD"), to="EUR", on=ON) == Money(90, "EUR")


def test_a_new_or_changed_rate_is_seen_at_once(django_capture_on_commit_callbacks):
    with pytest.raises(MissingRate):
        rate(base="GBP", quote="EUR", on=ON)  # "no rate" is cached too ...
    with django_capture_on_commit_callbacks(execute=True):
        recorded = ExchangeRate.objects.create(base_currency="GBP", quote_currency="EUR", valid_on=date(2026, 2, 1),
                                               rate=Decimal("1.15"))
    assert rate(base="GBP", quote="EUR", on=ON) == Decimal("1.15")  # ... and forgotten when a rate is recorded
    recorded.rate = Decimal("1.20")
    recorded.save()
    assert rate(base="GBP", quote="EUR", on=ON) == Decimal("1.20")
    recorded.delete()
    with pytest.raises(MissingRate):
        rate(base="GBP", quote="EUR", on=ON)


def test_rates_loaded_in_bulk_are_seen_at_once(tmp_path):
    ExchangeRate.objects.create(base_currency="USD", quote_currency="EUR", valid_on=date(2026, 1, 1), rate=Decimal("0.9"))
    assert rate(base="USD", quote="EUR", on=ON) == Decimal("0.9")
    path = tmp_path / "rates.csv"
    path.write_text("date,base,quote,rate\n2026-01-01,USD,EUR,0.95\n2026-02-01,CHF,EUR,1.05\n")
    call_command("load_exchange_rates", str(path))  # bulk upsert: no signal, the command invalidates
    assert rate(base="USD", quote="EUR", on=ON) == Decimal("0.95")
    assert rate(base="CHF", quote="EUR", on=ON) == Decimal("1.05")


def test_the_matrix_is_cached_and_an_edit_applies_to_the_next_request(django_assert_num_queries):
    buyer = make_buyer(grade=2)
    assert automatic_ceiling(buyer=buyer, currency="EUR", on=ON) == Money(50_000, "EUR")  # the default matrix
    with django_assert_num_queries(0):
        assert automatic_ceiling(buyer=buyer, currency="EUR", on=ON) == Money(50_000, "EUR")
    rule = AutoDecisionRule.objects.get(min_grade__lte=2, max_grade__gte=2, is_active=True)
    rule.max_amount = Decimal(30_000)
    rule.save()
    assert automatic_ceiling(buyer=buyer, currency="EUR", on=ON) == Money(30_000, "EUR")
    rule.is_active = False
    rule.save()
    assert automatic_ceiling(buyer=buyer, currency="EUR", on=ON) is None
