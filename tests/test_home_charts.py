"""Charts where people would rather look (issue 9, item 6): exposure per buyer, country and grade, limit
utilisation, overdue ageing, premium per period, the claims pipeline. Server-side SVG with a text alternative,
aggregated in SQL, never another insured's figures."""

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from claims.claims.models import Claim
from core.charts import Bar, bar_chart, column_chart
from core.tenancy import tenant_scope
from portal.charts import claims_pipeline, limit_utilisation, overdue_ageing
from portal.dashboard import dashboard_exposure
from tests.buyer_factories import make_buyer
from tests.limit_factories import make_limit
from tests.overdue_factories import declare, invoice_line

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def book(tenant, policy, outsider_policy, other_tenant):
    good, risky = make_buyer("Good Payer GmbH", grade=2), make_buyer("Risky Payer SL", "ES", grade=5)
    make_limit(policy, good, 100_000)
    make_limit(policy, risky, 20_000)
    # Unpaid on Risky Payer: 15,000 due 10 January (64 days on 15 March), 1,000 not due yet.
    declare(tenant, policy, risky, [invoice_line("F-1", due=date(2026, 1, 10), amount="15000"),
                                    invoice_line("F-2", due=date(2026, 4, 1), amount="1000",
                                                 shipped=date(2026, 2, 1))], notified_on=date(2026, 3, 1))
    outsider_buyer = make_buyer("Outsider Debtor Ltd", "GB", grade=3)
    make_limit(outsider_policy, outsider_buyer, 9_000)
    declare(other_tenant, outsider_policy, outsider_buyer, [invoice_line(due=date(2026, 1, 10), amount="7000")],
            notified_on=date(2026, 3, 1))
    return {"good": good, "risky": risky}


def test_bar_chart_reads_every_bar_in_its_description_and_escapes():
    svg = bar_chart([Bar("<b>A</b> & Co", Decimal(10), "€10.00"), Bar("B", Decimal(5), "€5.00")], title="T <1>")
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-label") == "T <1>"
    assert root.find(f"{SVG}desc").text == "<b>A</b> & Co: €10.00; B: €5.00"
    assert "<b>" not in svg


def test_utilisation_bar_draws_the_limit_behind_the_part_used():
    root = ET.fromstring(bar_chart([Bar("A", Decimal(50), "50 of 200", whole=Decimal(200))]))
    track, used = [rect.get("width") for rect in root.iter(f"{SVG}rect")]
    assert (track, used) == ("280.0", "70.0")


def test_column_chart_is_well_formed_with_nothing_to_draw():
    assert ET.fromstring(column_chart([], title="")).tag == f"{SVG}svg"


def test_exposure_per_grade(book, tenant):
    ((section, chart),) = dashboard_exposure(tenant=tenant)["exposure_by_grade"]
    assert [(row.label, str(row.amount.amount)) for row in section.rows] == [
        ("Grade 2", "100000.00"), ("Grade 5", "20000.00")]
    assert chart.startswith("<svg")


def test_utilisation_is_outstanding_against_the_limit(book, tenant):
    ((section),) = limit_utilisation(tenant=tenant)
    (row,) = section.rows
    assert (row.label, row.outstanding.amount, row.limit.amount, row.percent) == (
        "Risky Payer SL", Decimal("16000.00"), Decimal("20000.00"), Decimal("80"))
    assert "€16,000.00 of €20,000.00" in section.chart


def test_overdue_ageing_buckets(book, tenant):
    ((section),) = overdue_ageing(tenant=tenant, today=date(2026, 3, 15))
    amounts = [str(amount.amount) for _label, amount in section.buckets]
    assert amounts == ["1000.00", "0.00", "0.00", "15000.00", "0.00", "0.00"]  # not due; 64 days: 61-90


def test_claims_pipeline_counts_per_stage(book, tenant, policy):
    assert claims_pipeline(tenant=tenant) is None  # no claim: no chart
    with scopes_disabled():
        overdue = book["risky"].overdues.get()
        Claim.objects.create(tenant=tenant, policy=policy, buyer=book["risky"], overdue=overdue, cause="insolvency",
                             currency="EUR", date_of_loss=date(2026, 3, 2), event_date=date(2026, 3, 2),
                             state=Claim.State.SUBMITTED, calculated_indemnity=Decimal("14400"))
    pipeline = claims_pipeline(tenant=tenant)
    submitted = next(stage for stage in pipeline.stages if stage.state == "submitted")
    assert (submitted.count, [str(m.amount) for m in submitted.amounts]) == (1, ["14400.00"])
    assert "Claims per stage" in pipeline.chart


def test_home_page_shows_the_charts_with_tables_and_never_the_outsiders(book, client_of_user, client_of_outsider,
                                                                       today):
    today(date(2026, 3, 15))
    html = client_of_user.get("/").content.decode()
    for heading in ("Per buyer grade", "Limit utilisation", "Overdue ageing"):
        assert heading in html
    assert html.count("<svg") >= 5  # buyer, country, grade, utilisation, ageing
    assert "<script" not in html.split("</head>")[1]  # no inline script: the CSP allows none
    assert "Outsider Debtor Ltd" not in html
    outsider_html = client_of_outsider.get("/").content.decode()
    assert "Risky Payer SL" not in outsider_html and "Outsider Debtor Ltd" in outsider_html


def test_premium_page_charts_the_premium_per_period(tenant, policy, client_of_user, finance):
    from policies.premium import services

    with tenant_scope(tenant):
        services.declare_turnover(tenant=tenant, declared_by=finance, policy=policy,
                                  period_start=date(2026, 1, 1), country="ES", turnover=Decimal("100000"),
                                  today=date(2026, 2, 10))
    html = client_of_user.get(f"/policies/{policy.pk}/premium/").content.decode()
    assert 'class="premium-chart"' in html and "2026-01" in html


def test_chart_queries_do_not_grow_with_rows(book, tenant, django_assert_num_queries):
    with django_assert_num_queries(2):  # the largest unpaid totals stored on the open overdues, then their limits
        limit_utilisation(tenant=tenant)
    with django_assert_num_queries(1):
        overdue_ageing(tenant=tenant, today=date(2026, 3, 15))
    with django_assert_num_queries(1):
        claims_pipeline(tenant=tenant)
