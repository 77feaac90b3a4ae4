"""Finance's premium pages: position, declaring a period (formset), CSV upload; isolation and permissions."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from moneyed import Money

from policies.premium.models import TurnoverDeclaration
from policies.premium.services import close_period, declare_turnover
from tests.factories import member
from tests.test_premium import premium_roles  # noqa: F401  (the role change asked of accounts/roles.py)

pytestmark = pytest.mark.usefixtures("in_tenant_scope")

AFTER_YEAR = date(2027, 1, 5)


@pytest.fixture(autouse=True)
def _today_after_the_policy_year(today):
    today(AFTER_YEAR)


def _declare(policy, user, start, country, amount):
    return declare_turnover(tenant=policy.tenant, declared_by=user, policy=policy, period_start=start,
                            country=country, turnover=Money(Decimal(amount), "EUR"), today=AFTER_YEAR)


def _rows(*rows, period="2026-01-01", extra=5):
    data = {"period_start": period, "rows-TOTAL_FORMS": str(extra), "rows-INITIAL_FORMS": "0",
            "rows-MIN_NUM_FORMS": "0", "rows-MAX_NUM_FORMS": "300"}
    for i, (country, turnover) in enumerate(rows):
        data[f"rows-{i}-country"] = country
        data[f"rows-{i}-turnover"] = turnover
    return data


def test_premium_page_shows_periods_premium_missing_and_adjustment(client_of_user, policy, user):
    _declare(policy, user, date(2026, 1, 1), "ES", "600000")
    _declare(policy, user, date(2026, 1, 1), "DE", "400000")
    close_period(policy=policy, today=AFTER_YEAR)
    response = client_of_user.get(f"/policies/{policy.pk}/premium/")
    assert response.status_code == 200
    page = response.content.decode()
    position = response.context["position"]
    assert position.declared_premium == Money(2500, "EUR")
    assert position.settled.adjustment == Decimal("2500.00")
    assert [p.label for p in position.missing_periods] == [f"2026-{m:02d}" for m in range(2, 13)]
    assert "Spain" in page and "Germany" in page and "2026-02" in page
    assert "€1,500.00" in page  # Spain's premium


def test_premium_page_query_count_does_not_grow(client_of_user, policy, user, django_assert_num_queries):
    for month in range(1, 13):
        for country in ("ES", "DE", "FR", "IT"):
            _declare(policy, user, date(2026, month, 1), country, "1000")
    with django_assert_num_queries(15):  # with the policy's insurance periods
        assert client_of_user.get(f"/policies/{policy.pk}/premium/").status_code == 200


def test_declare_a_period_with_one_row_per_country(client_of_user, policy):
    response = client_of_user.post(f"/policies/{policy.pk}/premium/declare/",
                                   _rows(("ES", "600000"), ("DE", "400000")))
    assert response.status_code == 302
    assert response["Location"] == f"/policies/{policy.pk}/premium/"
    assert sorted(TurnoverDeclaration.objects.values_list("country", "premium")) == [
        ("DE", Decimal("1000.00")), ("ES", Decimal("1500.00"))]


def test_correcting_a_period_prefills_its_rows(client_of_user, policy, user):
    _declare(policy, user, date(2026, 1, 1), "ES", "600000")
    response = client_of_user.get(f"/policies/{policy.pk}/premium/declare/?period=2026-01-01")
    assert response.status_code == 200
    assert response.context["rows"].forms[0].initial == {"country": "ES", "turnover": Decimal("600000.00")}
    client_of_user.post(f"/policies/{policy.pk}/premium/declare/", _rows(("ES", "500000")))
    assert TurnoverDeclaration.objects.get().turnover == Decimal("500000.00")


@pytest.mark.parametrize("data,message", [
    (_rows(("ES", "-1")), "greater than or equal to 0"),
    (_rows(("ES", "abc")), "Enter a number"),
    (_rows(("ES", "100"), period="2027-01-01"), "Select a valid choice"),
    (_rows(("ES", "100"), ("ES", "5")), "listed twice"),
    (_rows(), "at least one country"),
])
def test_bad_input_is_a_form_error_and_nothing_is_written(client_of_user, policy, data, message):
    response = client_of_user.post(f"/policies/{policy.pk}/premium/declare/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TurnoverDeclaration.objects.exists()


def test_a_period_not_ended_is_refused_with_a_clear_message(client_of_user, policy, today):
    today(date(2026, 6, 15))
    response = client_of_user.post(f"/policies/{policy.pk}/premium/declare/", _rows(("ES", "1"), period="2026-06-01"))
    assert response.status_code == 400
    assert "has not ended yet" in response.content.decode()
    assert not TurnoverDeclaration.objects.exists()


def test_csv_upload(client_of_user, policy):
    upload = SimpleUploadedFile("turnover.csv", b"period,country,turnover\n2026-01,ES,1000000\n", "text/csv")
    response = client_of_user.post(f"/policies/{policy.pk}/premium/import/", {"file": upload})
    assert response.status_code == 302
    assert TurnoverDeclaration.objects.get().premium == Decimal("2500.00")


def test_csv_upload_with_errors_lists_them_and_writes_nothing(client_of_user, policy):
    upload = SimpleUploadedFile("turnover.csv", b"period,country,turnover\n2026-01,ES,1000000\n2026-02,ES,-5\n")
    response = client_of_user.post(f"/policies/{policy.pk}/premium/import/", {"file": upload})
    assert response.status_code == 400
    assert "cannot be negative" in response.content.decode()
    assert not TurnoverDeclaration.objects.exists()


@pytest.mark.parametrize("suffix", ["premium/", "premium/declare/", "premium/import/"])
def test_outsider_gets_404_on_every_page(client_of_outsider, policy, suffix):
    assert client_of_outsider.get(f"/policies/{policy.pk}/{suffix}").status_code == 404
    assert client_of_outsider.post(f"/policies/{policy.pk}/{suffix}", _rows(("ES", "1"))).status_code in (404, 405)
    assert not TurnoverDeclaration.objects.exists()


def test_outsider_page_shows_only_its_own_declarations(client_of_outsider, outsider_policy, outsider, policy, user):
    _declare(policy, user, date(2026, 1, 1), "ES", "123456")
    response = client_of_outsider.get(f"/policies/{outsider_policy.pk}/premium/")
    assert response.status_code == 200
    assert "123456" not in response.content.decode()


def test_credit_manager_cannot_declare_or_see_turnover(tenant, policy, client):
    client.force_login(member(tenant, ["Credit manager"]))
    assert client.get(f"/policies/{policy.pk}/premium/").status_code == 403
    assert client.post(f"/policies/{policy.pk}/premium/declare/", _rows(("ES", "1"))).status_code == 403
    assert not TurnoverDeclaration.objects.exists()


def test_admin_lists_declarations_settlements_and_schedules(client, policy, user):
    from tests.factories import UserFactory

    _declare(policy, user, date(2026, 1, 1), "ES", "1000")
    close_period(policy=policy, today=AFTER_YEAR)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for model in ("turnoverdeclaration", "periodpremium", "premiumschedule"):
        assert client.get(f"/admin/policies/{model}/").status_code == 200
    assert client.get("/admin/policies/premiumschedule/add/").status_code == 200
    response = client.post("/admin/policies/premiumschedule/add/",
                           {"policy": policy.pk, "declaration_frequency": "quarterly"})
    assert response.status_code == 200  # refused: turnover is already declared monthly
    assert "already declared" in response.content.decode()
