"""Policies: terms and defaults, constraints at every door, the insured's pages and API."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from moneyed import Money

from policies.models import Policy, TermsVersion
from policies.services import create_policy
from policies.terms import default_end_date
from tests.factories import PolicyFactory, admin_policy_form, api_error

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


def test_defaults_are_the_domain_terms(tenant):
    policy = create_policy(tenant=tenant, number="P-1", start_date=date(2026, 1, 1))
    t = policy.terms_shown()
    assert policy.end_date == date(2026, 12, 31)  # 12 months
    assert t.currency == "EUR"
    assert t.percentage_of_cover_commercial == Decimal("90")
    assert t.percentage_of_cover_political == Decimal("90")
    assert t.discretionary_limit_max == Money("20000", "EUR")
    assert t.discretionary_percentage_of_cover == Decimal("70")
    assert t.discretionary_max_buyer_grade == 6
    assert (t.max_credit_period_days, t.max_extension_days, t.overdue_notification_days) == (120, 60, 60)
    assert (t.waiting_period_days, t.claim_filing_days, t.claim_payment_days) == (150, 240, 30)
    assert t.non_qualifying_loss == Money("0", "EUR")
    assert t.max_liability_multiple == Decimal("40")
    assert t.premium_rate_percent == Decimal("0.25")
    assert t.minimum_premium == Money("5000", "EUR")
    assert t.recovery_sharing == Policy.RecoverySharing.PRO_RATA
    assert (t.notification_deadline_from, t.reduction_notice_days) == ("due_date", 1)


@pytest.mark.parametrize(
    "start,end",
    [(date(2026, 1, 1), date(2026, 12, 31)), (date(2024, 2, 29), date(2025, 2, 27)), (date(2026, 3, 31), date(2027, 3, 30))],
)
def test_default_period_is_twelve_months(start, end):
    assert default_end_date(start) == end


@pytest.mark.parametrize(
    "field,value",
    [
        ("percentage_of_cover_commercial", Decimal("100.01")),
        ("percentage_of_cover_political", Decimal("-1")),
        ("discretionary_percentage_of_cover", Decimal("101")),
        ("discretionary_limit_max_amount", Decimal("-0.01")),
        ("minimum_premium_amount", Decimal("-5")),
        ("discretionary_max_buyer_grade", 11),
    ],
)
def test_database_rejects_bad_terms(policy, field, value):
    version = TermsVersion(policy=policy, effective_from=date(2026, 6, 1), **{field: value})
    with pytest.raises(IntegrityError), transaction.atomic():
        version.save()


def test_database_keeps_one_terms_version_a_day(policy):
    with pytest.raises(IntegrityError), transaction.atomic():
        TermsVersion.objects.create(policy=policy, effective_from=policy.start_date)


def test_database_rejects_end_before_start(tenant):
    policy = PolicyFactory.build(tenant=tenant, start_date=date(2026, 5, 1), end_date=date(2026, 5, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        policy.save()


def test_service_rejects_bad_terms_with_field_messages(tenant):
    with pytest.raises(ValidationError) as err:
        create_policy(
            tenant=tenant, number="P-2", start_date=date(2026, 1, 1),
            percentage_of_cover_commercial=Decimal("120"), currency="XXY",
        )
    assert set(err.value.message_dict) >= {"percentage_of_cover_commercial", "currency"}
    assert not Policy.objects.filter(number="P-2").exists()


def test_admin_form_rejects_bad_percentage(client_of_underwriter, tenant):
    data = admin_policy_form(tenant, number="P-ADMIN", percentage_of_cover_commercial="150")
    response = client_of_underwriter.post("/admin/policies/policy/add/", data)
    assert response.status_code == 200
    assert "percentage_of_cover_commercial" in response.context["adminform"].form.errors
    assert not Policy.objects.filter(number="P-ADMIN").exists()

    data["percentage_of_cover_commercial"] = "85"
    response = client_of_underwriter.post("/admin/policies/policy/add/", data)
    assert response.status_code == 302
    created = Policy.objects.get(number="P-ADMIN")
    assert created.terms_shown().percentage_of_cover_commercial == Decimal("85")
    # The audit trail records who created it.
    assert created.history.get().history_user.username == response.wsgi_request.user.username


def test_policy_change_is_in_the_audit_trail(policy):
    policy.status = Policy.Status.CANCELLED
    policy.save()
    records = list(policy.history.order_by("history_date"))
    assert [r.history_type for r in records] == ["+", "~"]
    delta = records[1].diff_against(records[0])
    assert [c.field for c in delta.changes] == ["status"]


# Browser pages


def test_insured_sees_own_policies_only(client_of_user, policy, outsider_policy):
    response = client_of_user.get("/policies/")
    assert response.status_code == 200
    body = response.content.decode()
    assert policy.number in body
    assert outsider_policy.number not in body


def test_insured_sees_policy_detail_with_terms(client_of_user, policy):
    response = client_of_user.get(f"/policies/{policy.pk}/")
    assert response.status_code == 200
    assert "20,000" in response.content.decode() or "20000" in response.content.decode()


def test_outsider_gets_404_on_policy_page(client_of_outsider, policy):
    assert client_of_outsider.get(f"/policies/{policy.pk}/").status_code == 404


@pytest.mark.parametrize("lang,word", [("es", "Pólizas"), ("zh-hans", "保单"), ("en", "Policies")])
def test_policy_list_in_three_languages(client_of_user, policy, lang, word):
    client_of_user.cookies["django_language"] = lang
    response = client_of_user.get("/policies/")
    assert word in response.content.decode()


# API


def test_api_lists_policies_with_money_objects(api_client, policy, outsider_policy):
    response = api_client.get("/api/v1/policies/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["results"][0]
    assert item["number"] == policy.number
    assert item["terms"]["discretionary_limit_max"] == {"amount": "20000.00", "currency": "EUR"}
    assert item["terms"]["percentage_of_cover_commercial"] == "90.00"


def test_api_filter_narrows_and_never_widens(api_client, tenant, policy, outsider_policy):
    PolicyFactory(tenant=tenant, status=Policy.Status.DRAFT)
    response = api_client.get("/api/v1/policies/", {"status": "active"})
    assert [p["number"] for p in response.json()["results"]] == [policy.number]
    # The outsider's active policy never shows up, whatever the filter.
    response = api_client.get("/api/v1/policies/", {"status": "active", "currency": "EUR"})
    assert outsider_policy.number not in str(response.json())


def test_api_outsider_gets_404(api_client_of_outsider, policy):
    response = api_client_of_outsider.get(f"/api/v1/policies/{policy.pk}/")
    assert response.status_code == 404
    assert api_error(response)[0] == "not_found"


def test_api_is_read_only(api_client, policy):
    response = api_client.patch(f"/api/v1/policies/{policy.pk}/", {"status": "cancelled"})
    assert response.status_code == 405
    assert api_error(response)[0] == "method_not_allowed"


def test_api_invalid_filter_is_a_400_with_field_messages(api_client, policy):
    response = api_client.get("/api/v1/policies/", {"status": "bogus"})
    assert response.status_code == 400
    assert "/status" in api_error(response)[1]


def test_policy_list_query_count_is_constant(api_client, tenant, django_assert_num_queries):
    PolicyFactory.create_batch(3, tenant=tenant)
    with django_assert_num_queries(7):  # and the token's first use, recorded once
        api_client.get("/api/v1/policies/")
    PolicyFactory.create_batch(40, tenant=tenant)
    with django_assert_num_queries(6):  # the page's policies, then their terms versions in one query
        response = api_client.get("/api/v1/policies/")
    assert response.json()["count"] == 43
