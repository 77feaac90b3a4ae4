"""The insured's dashboard (portal.dashboard, mounted at "/"): exposure of its own limits in force, never
another insured's."""


import pytest
from django.test import Client
from django.urls import resolve

from core.formatting import format_money
from core.tenancy import tenant_scope
from limits.models import CreditLimit
from portal.dashboard import DashboardView, dashboard_exposure
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory, eur, member
from tests.limit_factories import make_limit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


@pytest.fixture
def book(policy, outsider_policy):
    muller, dupont, lotus = make_buyer("Müller Maschinenbau GmbH"), make_buyer("Dupont SARL", "FR"), make_buyer(
        "Lotus Trading Ltd", "CN")
    make_limit(policy, muller, 100_000)
    make_limit(policy, dupont, 20_000)
    make_limit(policy, lotus, 70_000, state=CreditLimit.State.PENDING)  # not in force: not exposure
    make_limit(outsider_policy, lotus, 30_000)
    return {"muller": muller, "dupont": dupont, "lotus": lotus}


def test_home_resolves_to_the_portal_dashboard():
    assert resolve("/").func.view_class is DashboardView


def test_dashboard_shows_the_tenants_exposure_not_the_outsiders(book, client_of_user, client_of_outsider):
    page = client_of_user.get("/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Müller Maschinenbau GmbH" in html and "Dupont SARL" in html and "<svg" in html
    assert format_money(eur(120_000)) in html  # the EUR total of both limits in force
    exposure = html.split("Your exposure")[1]
    assert "Lotus Trading Ltd" not in exposure  # pending for the tenant (a task), in force only for the outsider

    outsider_html = client_of_outsider.get("/").content.decode()
    assert "Lotus Trading Ltd" in outsider_html
    assert "Müller Maschinenbau GmbH" not in outsider_html and "Dupont SARL" not in outsider_html


def test_dashboard_exposure_is_scoped_to_the_tenant(book, tenant, other_tenant):
    ours = dashboard_exposure(tenant=tenant)
    ((section, chart),) = ours["exposure_by_buyer"]
    assert [row.label for row in section.rows] == ["Müller Maschinenbau GmbH", "Dupont SARL"]
    assert section.total == eur(120_000)
    assert [row.key for row in ours["exposure_by_country"][0][0].rows] == ["DE", "FR"]
    with tenant_scope(other_tenant):
        ((theirs, _chart),) = dashboard_exposure(tenant=other_tenant)["exposure_by_buyer"]
    assert [row.label for row in theirs.rows] == ["Lotus Trading Ltd"]


def test_a_user_without_access_to_limits_sees_no_amounts(book, tenant):
    client = Client()
    client.force_login(member(tenant, roles=[]))
    page = client.get("/")
    assert page.status_code == 200
    assert "Müller Maschinenbau GmbH" not in page.content.decode()
    assert not page.context.get("show_exposure")


def test_dashboard_is_for_signed_in_insureds_only(client, client_of_underwriter):
    assert client.get("/").status_code == 302
    assert client_of_underwriter.get("/").status_code == 403  # insurer staff have no tenant


def test_dashboard_queries_do_not_grow_with_limits(tenant, client_of_user, django_assert_num_queries):
    for n in range(3):
        make_limit(PolicyFactory(tenant=tenant), make_buyer(f"Few {n} GmbH"), 1_000)
    # Exposure from the summary: by buyer per currency its totals, then its top rows (two queries here); by
    # country and by grade one query each (every group's subtotal, cut in Python: a few hundred at most).
    # The overdue groups of the task list: a count of drafts and a count of filing windows (none here, so no list);
    # three queries are the home tasks of the periods (renewal offers, open periods, their terms versions).
    with django_assert_num_queries(25) as few:  # one of them the policies' terms versions
        assert client_of_user.get("/").status_code == 200
    for n in range(30):
        make_limit(PolicyFactory(tenant=tenant), make_buyer(f"Many {n} GmbH"), 1_000)
    with django_assert_num_queries(len(few.captured_queries)):
        assert client_of_user.get("/").status_code == 200
