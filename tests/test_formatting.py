"""One way to show money, numbers and dates (issue 9 item 4): core.formatting and its template filter.

No tenant data here: pure formatting, so no outsider is needed.
"""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from moneyed import Money

from core.formatting import format_date, format_money, format_number
from core.money import amount_string


@pytest.mark.parametrize(("money", "locale", "shown"), [
    (Money("45000", "EUR"), "en", "€45,000.00"),
    (Money("45000", "EUR"), "es", "45.000,00\xa0€"),
    (Money("45000", "EUR"), "zh-hans", "€45,000.00"),
    (Money("1234567", "JPY"), "en", "¥1,234,567"),
    (Money("1234567.4", "JPY"), "es", "1.234.567\xa0JPY"),
    (Money("1234.5675", "KWD"), "en", "KWD1,234.568"),  # three places, half up
    (Money("20000.50", "EUR"), "es", "20.000,50\xa0€"),  # not "20000,50"
])
def test_money_is_written_for_the_reader_at_the_currency_minor_unit(money, locale, shown):
    assert format_money(money, locale) == shown


def test_money_from_the_stored_shape_or_a_decimal_column_with_its_currency():
    assert format_money({"amount": "30000.0000", "currency": "EUR"}, "en") == "€30,000.00"
    assert format_money(Decimal("30000.0000"), "en", currency="JPY") == "¥30,000"
    assert format_money(None) == ""
    with pytest.raises(TypeError):
        format_money(30000.0, "en", currency="EUR")


def test_the_active_language_is_the_default_locale():
    with translation.override("es"):
        assert format_money(Money("1500000", "EUR")) == "1.500.000,00\xa0€"
        assert format_number(3150000) == "3.150.000"
        assert format_number(Decimal("10530.5000")) == "10.530,5000"
    with translation.override("en"):
        assert format_number(Decimal("10530.50")) == "10,530.50"


def test_dates_follow_the_locale_and_english_reads_iso_not_us():
    assert format_date(date(2026, 12, 1), "en") == "2026-12-01"
    assert format_date(datetime(2026, 12, 1, 7, 33), "en") == "2026-12-01 07:33"
    assert format_date("2026-12-01", "es") == "1 de diciembre de 2026"
    assert format_date(date(2026, 12, 1), "zh-hans") == "2026年12月1日"


def test_a_template_date_and_a_message_date_agree():
    for language in ("en", "es", "zh-hans"):
        with translation.override(language):
            assert Template("{{ on }}").render(Context({"on": date(2026, 12, 1)})) == format_date(date(2026, 12, 1))
    with translation.override("en"):
        assert Template("{{ at|date:'SHORT_DATETIME_FORMAT' }}").render(
            Context({"at": datetime(2026, 12, 1, 7, 33)})) == "2026-12-01 07:33"


def test_the_template_filter_is_the_function():
    template = Template("{% load kredo_format %}{{ limit|money }} · {{ paid|money:'JPY' }} · {{ n|number }}")
    with translation.override("es"):
        assert template.render(Context({"limit": Money("45000", "EUR"), "paid": Decimal("9000.00"),
                                        "n": 3150000})) == "45.000,00\xa0€ · 9.000\xa0JPY · 3.150.000"


@pytest.mark.parametrize(("money", "machine"), [
    (Money("9000", "JPY"), "9000"), (Money("9000", "EUR"), "9000.00"), (Money("1.5", "KWD"), "1.500"),
    (Money("30000.0000", "EUR"), "30000.00"),
])
def test_machine_amounts_are_plain_decimals_at_the_minor_unit(money, machine):
    assert amount_string(money) == machine
    assert amount_string(money.amount, str(money.currency)) == machine


@pytest.mark.unscoped  # the underwriter's admin reads every insured's limits
def test_the_admin_lists_money_and_dates_the_readers_way(policy, outsider_policy, buyer, underwriter):
    from limits.models import CreditLimit
    from tests.factories import logged_in
    from tests.limit_factories import make_limit

    make_limit(policy, buyer, amount="20000.50")
    make_limit(outsider_policy, buyer, amount=1_234_567)
    CreditLimit.objects.update(created_at=datetime(2026, 12, 1, 7, 33, tzinfo=UTC))
    client = logged_in(underwriter)
    spanish = client.get("/admin/limits/creditlimit/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "20.000,50\xa0€" in spanish and "1.234.567,00\xa0€" in spanish  # not "20000,50"
    assert "1 de diciembre de 2026" in spanish
    english = client.get("/admin/limits/creditlimit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "€20,000.50" in english and "2026-12-01 07:33" in english and "12/01/2026" not in english
