"""Exposure (domain.md, Credit limits: Exposure): decided amounts of limits in force, per buyer,
country and sector, across tenants, converted to the reporting currency with recorded rates."""

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from moneyed import Money

from buyers.models import Buyer
from core.formatting import format_money
from core.models import ExchangeRate
from core.tenancy import tenant_scope
from limits import services
from limits.charts import exposure_bar_chart
from limits.exposure import (
    ExposureRow,
    buyer_exposure_total,
    country_exposure_total,
    insurer_exposure,
    split_by_currency,
    tenant_exposure,
    tenant_exposure_top,
)
from limits.models import CreditLimit, LimitDecision
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory, UserFactory, eur
from tests.limit_factories import make_limit

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]  # the insurer's exposure reads across tenants

ON = date(2026, 3, 1)
TODAY = date(2026, 1, 5)


@pytest.fixture(autouse=True)
def _reporting_in_eur(settings):
    settings.REPORTING_CURRENCY = "EUR"


def usd(amount) -> Money:
    return Money(Decimal(str(amount)), "USD")


def record_rate(base, quote, rate, valid_on=date(2026, 1, 1)):
    return ExchangeRate.objects.create(base_currency=base, quote_currency=quote, valid_on=valid_on, rate=Decimal(rate))


@pytest.fixture
def usd_policy(tenant):
    return PolicyFactory(tenant=tenant, number="KR-TEST-USD", currency="USD")


@pytest.fixture
def outsider_usd_policy(other_tenant):
    return PolicyFactory(tenant=other_tenant, number="KR-OUT-USD", currency="USD")


@pytest.fixture
def book(policy, usd_policy, outsider_policy, outsider_usd_policy):
    """Two insureds' limits on shared buyers, in EUR and USD, plus limits that are not in force."""
    rate = record_rate("USD", "EUR", "0.9")
    muller = make_buyer("Müller Maschinenbau GmbH", "DE", sector_nace="28.41")
    dupont = make_buyer("Dupont SARL", "FR", sector_nace="28.99")
    lotus = make_buyer("Lotus Trading Ltd", "CN", sector_nace="46.90")
    unsorted = make_buyer("Sans Secteur SA", "FR", sector_nace="")
    make_limit(policy, muller, 100_000)  # tenant, EUR
    make_limit(usd_policy, muller, 50_000)  # tenant, USD -> 45,000 EUR
    make_limit(outsider_policy, muller, 30_000)  # other tenant, EUR
    make_limit(policy, dupont, 20_000)
    make_limit(outsider_usd_policy, lotus, 10_000)  # -> 9,000 EUR
    make_limit(outsider_policy, unsorted, 5_000)
    # Not in force: never counted.
    for state in ("refused", "expired", "withdrawn", "cancelled", "superseded"):
        make_limit(outsider_policy, dupont, 999_000, state=state)
    make_limit(outsider_policy, dupont, 999_000, state=CreditLimit.State.PENDING)
    return {"muller": muller, "dupont": dupont, "lotus": lotus, "unsorted": unsorted, "rate": rate}


def by_key(exposure):
    return {row.key: row for row in exposure}


# The insurer's exposure


def test_exposure_per_buyer_sums_both_tenants_in_the_reporting_currency(book):
    exposure = insurer_exposure(by="buyer", on=ON)
    rows = by_key(exposure)
    muller = rows[book["muller"].pk]
    # 100,000 EUR + 50,000 USD x 0.9 + 30,000 EUR
    assert muller.amount == eur(175_000)
    assert (muller.limits, muller.tenants, muller.label, muller.country) == (3, 2, "Müller Maschinenbau GmbH", "DE")
    assert rows[book["dupont"].pk].amount == eur(20_000)
    assert rows[book["lotus"].pk].amount == eur(9_000)
    assert [row.key for row in exposure] == [book["muller"].pk, book["dupont"].pk, book["lotus"].pk,
                                             book["unsorted"].pk]
    assert exposure.total == eur(209_000)
    assert exposure.limits == 6
    assert not exposure.unconverted


def test_exposure_per_country(book):
    rows = by_key(insurer_exposure(by="country", on=ON))
    assert set(rows) == {"DE", "FR", "CN"}
    assert rows["DE"].amount == eur(175_000)
    assert (rows["FR"].amount, rows["FR"].limits, rows["FR"].tenants) == (eur(25_000), 2, 2)
    assert rows["CN"].amount == eur(9_000)
    assert rows["DE"].label == "Germany"


def test_exposure_per_sector_groups_by_nace_division_and_unknown(book):
    rows = by_key(insurer_exposure(by="sector", on=ON))
    assert set(rows) == {"28", "46", "unknown"}
    assert rows["28"].amount == eur(195_000)  # 28.41 and 28.99
    assert rows["46"].amount == eur(9_000)
    assert rows["unknown"].amount == eur(5_000)


def test_limits_not_in_force_are_not_exposure(tenant, policy):
    buyer = make_buyer()
    for state in ("refused", "expired", "withdrawn", "pending"):
        make_limit(PolicyFactory(tenant=tenant), buyer, 10_000, state=state)
    assert list(insurer_exposure(by="buyer", on=ON)) == []
    assert buyer_exposure_total(buyer_id=buyer.pk, on=ON) == eur(0)


def test_refused_and_withdrawn_limits_through_the_services_drop_out(tenant, policy, underwriter):
    buyer = make_buyer(country="FR")
    kept = services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer, amount=eur(40_000),
                                  terms_days=60, today=TODAY)
    assert kept.decided
    refused = services.request_limit(tenant=tenant, requested_by=None, policy=PolicyFactory(tenant=tenant),
                                     buyer=buyer, amount=eur(900_000), terms_days=60, today=TODAY)
    pending = services.request_limit(tenant=tenant, requested_by=None, policy=PolicyFactory(tenant=tenant),
                                     buyer=buyer, amount=eur(800_000), terms_days=60, today=TODAY)
    services.decide_limit(limit=refused.limit, decided_by=underwriter, kind=LimitDecision.Kind.REFUSED,
                          reason_codes=["buyer_grade"])
    withdrawn = services.request_limit(tenant=tenant, requested_by=None, policy=PolicyFactory(tenant=tenant),
                                       buyer=buyer, amount=eur(30_000), terms_days=60, today=TODAY)
    services.withdraw_limit(limit=withdrawn.limit, decided_by=underwriter, reason_codes=["country_risk"],
                            notified_on=TODAY)
    assert not pending.decided
    assert buyer_exposure_total(buyer_id=buyer.pk, on=ON) == eur(40_000)


def test_usd_limits_convert_with_the_inverse_rate_when_only_eur_usd_is_recorded(tenant, usd_policy):
    record_rate("EUR", "USD", "1.25")  # 1 USD = 0.8 EUR
    buyer = make_buyer()
    make_limit(usd_policy, buyer, 50_000)
    assert insurer_exposure(by="buyer", on=ON)[0].amount == eur(40_000)
    assert buyer_exposure_total(buyer_id=buyer.pk, on=ON) == eur(40_000)


def test_the_rate_of_the_date_asked_applies(tenant, usd_policy):
    record_rate("USD", "EUR", "0.9", valid_on=date(2026, 1, 1))
    record_rate("USD", "EUR", "0.8", valid_on=date(2026, 2, 1))
    buyer = make_buyer()
    make_limit(usd_policy, buyer, 10_000)
    assert buyer_exposure_total(buyer_id=buyer.pk, on=date(2026, 1, 31)) == eur(9_000)
    assert buyer_exposure_total(buyer_id=buyer.pk, on=date(2026, 2, 1)) == eur(8_000)


def test_a_missing_rate_is_reported_apart_not_a_crash(book):
    # Before the only USD rate was recorded.
    exposure = insurer_exposure(by="buyer", on=date(2025, 12, 31))
    muller = by_key(exposure)[book["muller"].pk]
    assert muller.amount == eur(130_000)  # the EUR limits only
    assert muller.unconverted == (usd(50_000),)
    assert muller.missing_currencies == ["USD"]
    lotus = by_key(exposure)[book["lotus"].pk]
    assert (lotus.amount, lotus.unconverted) == (eur(0), (usd(10_000),))
    assert exposure.total == eur(155_000)
    assert exposure.unconverted == (usd(60_000),)

    total = buyer_exposure_total(buyer_id=book["muller"].pk, on=date(2025, 12, 31))
    assert total == eur(130_000)
    assert total.unconverted == (usd(50_000),)
    assert "without an exchange rate" in str(total)


def test_rounding_happens_once_at_the_end(tenant, other_tenant, usd_policy):
    gbp_policy = PolicyFactory(tenant=other_tenant, currency="GBP")
    record_rate("USD", "EUR", "0.5")
    record_rate("GBP", "EUR", "0.5")
    buyer = make_buyer()
    make_limit(usd_policy, buyer, "10.01")  # 5.005 EUR
    make_limit(gbp_policy, buyer, "10.01")  # 5.005 EUR
    # Rounding each conversion would give 5.01 + 5.01 = 10.02.
    assert insurer_exposure(by="buyer", on=ON)[0].amount == eur("10.01")
    assert buyer_exposure_total(buyer_id=buyer.pk, on=ON) == eur("10.01")
    assert country_exposure_total(country="DE", on=ON) == eur("10.01")


def test_country_total(book):
    assert country_exposure_total(country="DE", on=ON) == eur(175_000)
    assert country_exposure_total(country="FR", on=ON) == eur(25_000)
    assert country_exposure_total(country="IT", on=ON) == eur(0)


def test_top_rows_keep_the_total_of_all_groups(book):
    exposure = insurer_exposure(by="buyer", on=ON, limit=2)
    assert len(exposure.rows) == 2
    assert exposure.groups == 4
    assert exposure.total == eur(209_000)


def test_unknown_grouping_is_refused():
    with pytest.raises(ValueError):
        insurer_exposure(by="tenant")


@pytest.mark.parametrize("by", ["buyer", "country", "sector"])
def test_exposure_queries_do_not_grow_with_limits(by, tenant, other_tenant, usd_policy, django_assert_num_queries):
    record_rate("USD", "EUR", "0.9")
    policies = [usd_policy, PolicyFactory(tenant=tenant), PolicyFactory(tenant=other_tenant)]

    def add_limits(n):
        for i in range(n):
            make_limit(policies[i % len(policies)], make_buyer(country=["DE", "FR", "IT"][i % 3],
                                                               sector_nace=f"{10 + i % 5}.10"), 1_000 + i)

    add_limits(3)
    with CaptureQueriesContext(connection) as few:
        insurer_exposure(by=by, on=ON)
    add_limits(60)
    # Per buyer: totals per currency, the number of buyers, the top rows (converted, sorted and cut in the
    # database), then the insureds and the names of those rows only. Per country or sector: one query of
    # subtotals per (group, insured, currency) over the summary. The rate of each foreign currency was read
    # once, by the first call, and comes from the cache since.
    expected = 5 if by == "buyer" else 1
    with django_assert_num_queries(expected):
        exposure = insurer_exposure(by=by, on=ON, limit=20)
    assert exposure.limits == 63 and len(exposure.rows) == min(20, exposure.groups)
    assert len(few.captured_queries) == expected + 1
    buyer_id = Buyer.objects.values_list("pk", flat=True).first()
    with django_assert_num_queries(1):
        buyer_exposure_total(buyer_id=buyer_id, on=ON)
    with django_assert_num_queries(1):
        country_exposure_total(country="DE", on=ON)


# The insured's own exposure


def test_tenant_exposure_keeps_currencies_apart_and_shows_only_its_own_limits(book, tenant, other_tenant):
    # The tenant's own exposure is read in its scope, as its dashboard is.
    with tenant_scope(tenant):
        rows = list(tenant_exposure(tenant=tenant, by="buyer"))
        countries = list(tenant_exposure(tenant=tenant, by="country"))
    with tenant_scope(other_tenant):
        outsider_rows = list(tenant_exposure(tenant=other_tenant, by="buyer"))
    assert [(row.label, row.amount) for row in rows] == [
        ("Müller Maschinenbau GmbH", eur(100_000)),
        ("Dupont SARL", eur(20_000)),
        ("Müller Maschinenbau GmbH", usd(50_000)),  # never added to the EUR limit
    ]
    sections = split_by_currency(rows)
    assert [(s.currency, s.total) for s in sections] == [("EUR", eur(120_000)), ("USD", usd(50_000))]

    assert [(row.key, row.amount, row.limits) for row in countries] == [
        ("DE", eur(100_000), 1), ("FR", eur(20_000), 1), ("DE", usd(50_000), 1),
    ]
    assert {row.label for row in outsider_rows} == {"Müller Maschinenbau GmbH", "Lotus Trading Ltd",
                                                    "Sans Secteur SA"}
    assert {str(row.amount) for row in outsider_rows}.isdisjoint({str(eur(100_000)), str(usd(50_000))})


def test_the_dashboards_top_rows_from_the_database_are_the_top_of_the_whole_list(tenant, other_tenant, usd_policy):
    eur_policy = PolicyFactory(tenant=tenant)
    for i in range(14):
        buyer = make_buyer(f"Top {i:02d} GmbH", country=["DE", "FR", "IT", "ES"][i % 4])
        make_limit(eur_policy, buyer, 1_000 * (1 + i % 5))  # ties, broken by name
        if i % 3 == 0:
            make_limit(usd_policy, buyer, 500 + i)
    make_limit(PolicyFactory(tenant=other_tenant), make_buyer("Outsider GmbH"), 900_000)
    with tenant_scope(tenant):
        for by in ("buyer", "country"):
            expected = split_by_currency(tenant_exposure(tenant=tenant, by=by), top=3)
            got = tenant_exposure_top(tenant=tenant, by=by, top=3)
            assert [(s.currency, s.total, s.more, [(r.key, r.amount, r.limits) for r in s.rows]) for s in got] == \
                [(s.currency, s.total, s.more, [(r.key, r.amount, r.limits) for r in s.rows]) for s in expected]
    assert got[0].total == eur(sum(1_000 * (1 + i % 5) for i in range(14)))  # the outsider's limit is not in it


def test_split_by_currency_keeps_the_top_rows_and_counts_the_rest():
    rows = [ExposureRow(key=i, label=f"B{i}", amount=eur(100 - i), limits=1) for i in range(5)]
    (section,) = split_by_currency(rows, top=3)
    assert [row.key for row in section.rows] == [0, 1, 2]
    assert (section.more, section.total) == (2, eur(490))


# Pages


def test_dashboard_shows_the_tenants_exposure_not_the_outsiders(book, client_of_user, client_of_outsider):
    page = client_of_user.get("/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Müller Maschinenbau GmbH" in html and "Dupont SARL" in html
    assert format_money(eur(100_000)) in html and format_money(usd(50_000)) in html
    assert "Lotus Trading Ltd" not in html and "Sans Secteur SA" not in html
    assert "<svg" in html

    outsider_html = client_of_outsider.get("/").content.decode()
    assert "Lotus Trading Ltd" in outsider_html
    # The outsider's own pending request on Dupont is one of its tasks; its exposure has none.
    assert "Dupont SARL" not in outsider_html.split("Your exposure")[1]
    assert format_money(eur(100_000)) not in outsider_html


def test_dashboard_queries_do_not_grow_with_limits(tenant, policy, client_of_user):
    def add_limits(n):
        for _ in range(n):
            make_limit(PolicyFactory(tenant=tenant), make_buyer(), 1_000)

    add_limits(2)
    with CaptureQueriesContext(connection) as few:
        assert client_of_user.get("/").status_code == 200
    add_limits(25)
    with CaptureQueriesContext(connection) as many:
        assert client_of_user.get("/").status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)


def test_underwriter_sees_the_exposure_page(book, client_of_underwriter):
    page = client_of_underwriter.get("/admin/exposure/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Müller Maschinenbau GmbH" in html and "<svg" in html
    assert format_money(eur(175_000)) in html
    for by, expected in (("country", "Germany"), ("sector", "Sector (NACE division)")):
        page = client_of_underwriter.get("/admin/exposure/", {"by": by, "on": "2026-03-01"})
        assert page.status_code == 200 and expected in page.content.decode()


def test_exposure_page_reports_a_missing_rate_and_survives_a_wrong_date(book, client_of_underwriter):
    html = client_of_underwriter.get("/admin/exposure/", {"on": "2025-12-31"}).content.decode()
    assert "Missing rate for USD" in html
    page = client_of_underwriter.get("/admin/exposure/", {"by": "country", "on": "31/12/2025"})
    assert page.status_code == 200
    assert "Germany" in page.content.decode()


def test_exposure_page_is_for_insurer_staff_only(book, client_of_user, client):
    assert client_of_user.get("/admin/exposure/").status_code == 302
    assert client.get("/admin/exposure/").status_code == 302
    staff_without_permission = UserFactory(is_staff=True)
    client.force_login(staff_without_permission)
    assert client.get("/admin/exposure/").status_code == 403


# The chart


def test_chart_is_well_formed_svg_and_escapes_names():
    rows = [
        ExposureRow(key=1, label="<script>alert('x')</script> & Söhne", amount=eur(150_000), limits=1),
        ExposureRow(key=2, label="上海莲花贸易有限公司 with a very long name that goes on", amount=eur(50_000), limits=1),
        ExposureRow(key=3, label='"Quoted" \x07 Ltd', amount=eur(0), limits=1),
    ]
    svg = exposure_bar_chart(rows, title="Exposure <by buyer>")
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    widths = [rect.get("width") for rect in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths == ["280.0", "93.3", "0.0"]  # scaled to the largest bar
    texts = "".join(root.itertext())
    assert "<script>alert('x')</script> & Söhne" in texts


def test_chart_of_nothing_is_still_svg():
    assert ET.fromstring(exposure_bar_chart([], title="")).tag.endswith("svg")


def test_chart_refuses_to_draw_two_currencies_on_one_scale():
    rows = [ExposureRow(key=1, label="A", amount=eur(1), limits=1), ExposureRow(key=2, label="B", amount=usd(1), limits=1)]
    with pytest.raises(ValueError):
        exposure_bar_chart(rows)
