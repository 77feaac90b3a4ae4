"""Underwriters' limit decisions through the insurer API (/api/v1/insurer/limits/, auto-decision-rules/, exposure/):
the queue across insureds with its filters, ages and suggestions; decide, reduce, withdraw, keep after review; the
automatic-decision matrix; the insurer's exposure. The same services as the admin, so notices and webhooks follow."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.models import IdempotencyKey, Notification, WebhookDelivery, WebhookEndpoint
from limits.models import AutoDecisionRule, CreditLimit, LimitDecision
from tests.buyer_factories import make_buyer
from tests.factories import api_error, money_json
from tests.insurer_uw_helpers import assert_only_underwriters
from tests.limit_factories import ask_for_limit, in_force_policy
from tests.test_scorecard_decisions import buyer_with_statement, scorecard

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

BASE = "/api/v1/insurer/limits/"
TODAY = timezone.localdate()
K = LimitDecision.Kind


def url(limit, action=""):
    return f"{BASE}{limit.pk}/" + (f"{action}/" if action else "")


@pytest.fixture
def policy(tenant):
    return in_force_policy(tenant, "KR-UW-001")


@pytest.fixture
def outsider_policy(other_tenant):
    return in_force_policy(other_tenant, "KR-OUT-UW")


def pending(tenant, policy, *, amount=80_000, grade=5, country="IT"):
    """Grade 5 above 20,000 EUR: referred to an underwriter."""
    outcome = ask_for_limit(tenant, policy, make_buyer(country=country, grade=grade), amount, today=TODAY)
    assert not outcome.decided
    return outcome.limit


def in_force(tenant, policy, underwriter, *, amount=80_000):
    limit = pending(tenant, policy, amount=amount)
    from limits import services

    services.decide_limit(limit=limit, decided_by=underwriter, kind=K.APPROVED, effective_date=TODAY)
    limit.refresh_from_db()
    return limit


def _state(limit):
    limit = CreditLimit.objects.get(pk=limit.pk)
    return limit.state, limit.decided_amount, limit.under_review, limit.decisions.count()


@pytest.fixture
def hook(tenant):
    return WebhookEndpoint.objects.create(tenant=tenant, url="https://hooks.example/kredo",
                                          events=["limit.decided", "limit.reduced", "limit.withdrawn"],
                                          secret="s" * 32)


# --- Who may call ------------------------------------------------------------


def test_only_underwriters_reach_the_limit_endpoints(tenant, policy, underwriter, user, outsider, api_client,
                                                     api_client_of_outsider, claims_handler):
    waiting = pending(tenant, policy)
    current = in_force(tenant, policy, underwriter)
    rule = AutoDecisionRule.objects.first()
    calls = [
        ("get", BASE + "queue/"), ("get", url(waiting)),
        ("post", url(waiting, "decide"), {"kind": "approved"}),
        ("post", url(current, "reduce"), {"amount": money_json("1000.00"), "reason_codes": ["buyer_grade"]}),
        ("post", url(current, "withdraw"), {"reason_codes": ["buyer_grade"]}),
        ("post", url(current, "clear-review"), {}),
        ("get", "/api/v1/insurer/auto-decision-rules/"),
        ("post", "/api/v1/insurer/auto-decision-rules/",
         {"min_grade": 6, "max_grade": 7, "max_amount": money_json("5000.00")}),
        ("put", f"/api/v1/insurer/auto-decision-rules/{rule.pk}/",
         {"min_grade": 1, "max_grade": 3, "max_amount": money_json("1.00")}),
        ("get", "/api/v1/insurer/exposure/"),
    ]
    before = (_state(waiting), _state(current), AutoDecisionRule.objects.count(), rule.max_amount)
    assert_only_underwriters(calls, user=user, outsider=outsider, api_client=api_client,
                             api_client_of_outsider=api_client_of_outsider, claims_handler=claims_handler)
    rule.refresh_from_db()
    assert (_state(waiting), _state(current), AutoDecisionRule.objects.count(), rule.max_amount) == before


# --- The queue ---------------------------------------------------------------


def test_queue_lists_every_insureds_pending_requests_oldest_first_with_age(
        underwriter_api, tenant, other_tenant, policy, outsider_policy, underwriter):
    old = pending(tenant, policy)
    CreditLimit.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=9))
    theirs = pending(other_tenant, outsider_policy, amount=30_000, country="FR", grade=6)
    in_force(tenant, policy, underwriter)  # decided: not in the queue
    response = underwriter_api.get(BASE + "queue/")
    assert response.status_code == 200, response.content
    rows = response.json()["results"]
    assert [r["id"] for r in rows] == [old.pk, theirs.pk]
    assert [(r["age_days"], r["tenant"], r["tenant_id"]) for r in rows] == [
        (9, tenant.legal_name, tenant.pk), (0, other_tenant.legal_name, other_tenant.pk)]
    assert rows[0]["requested"] == money_json("80000.00") and rows[0]["buyer"]["grade"] == 5
    assert rows[0]["suggestion"] is None  # no scorecard covers the policy


def test_queue_filters(underwriter_api, tenant, other_tenant, policy, outsider_policy):
    italian = pending(tenant, policy, amount=80_000, country="IT", grade=5)
    french = pending(other_tenant, outsider_policy, amount=30_000, country="FR", grade=7)
    CreditLimit.objects.filter(pk=italian.pk).update(created_at=timezone.now() - timedelta(days=20))

    def ids(query):
        response = underwriter_api.get(BASE + "queue/" + query)
        assert response.status_code == 200, response.content
        return [r["id"] for r in response.json()["results"]]

    assert ids("?grade=7") == [french.pk]
    assert ids("?grade_min=6") == [french.pk] and ids("?grade_max=6") == [italian.pk]
    assert ids("?country=it") == [italian.pk]
    assert ids("?amount_min=50000") == [italian.pk] and ids("?amount_max=50000") == [french.pk]
    assert ids("?amount_min=30000&amount_max=80000&currency=EUR") == [italian.pk, french.pk]
    assert ids(f"?policy={outsider_policy.pk}") == [french.pk]
    assert ids(f"?tenant={tenant.pk}") == [italian.pk]
    assert ids("?min_age_days=20") == [italian.pk] and ids("?max_age_days=19") == [french.pk]
    assert ids("?min_age_days=21") == []
    for bad in ("?grade=11", "?amount_min=-1", "?amount_max=1e80", "?min_age_days=x", "?policy=1.5"):
        response = underwriter_api.get(BASE + "queue/" + bad)
        assert response.status_code == 400, bad
        assert api_error(response)[0] == "validation_error"


def test_queue_walks_by_keyset_and_its_query_count_does_not_grow(underwriter_api, tenant, other_tenant, policy,
                                                                 outsider_policy, django_assert_num_queries):
    first = [pending(tenant, policy) for _ in range(2)]
    session = not hasattr(underwriter_api, "token")
    # Session: session, user, membership; token: its lookup (and, first time, its last use). Permissions (2),
    # then the page with its suggestions (one query, the suggestion a subquery inside it).
    with django_assert_num_queries(6 if session else 5):
        page = underwriter_api.get(BASE + "queue/?cursor=&page_size=1").json()
    assert [r["id"] for r in page["results"]] == [first[0].pk] and "count" not in page
    assert [r["id"] for r in underwriter_api.get(page["next"]).json()["results"]] == [first[1].pk]
    for _ in range(5):
        pending(other_tenant, outsider_policy)
    with django_assert_num_queries(6 if session else 4):
        assert len(underwriter_api.get(BASE + "queue/?cursor=&page_size=50").json()["results"]) == 7


def test_queue_row_and_detail_carry_the_scorecards_suggestion(underwriter_api, tenant, policy):
    scorecard(max_automatic_amount=Decimal(10_000))  # everything above 10,000 is referred with a suggestion
    outcome = ask_for_limit(tenant, policy, buyer_with_statement(), 60_000, today=TODAY)
    assert not outcome.decided
    recorded = outcome.limit.decisions.get(kind=K.REFERRED).scorecard_result
    row = underwriter_api.get(BASE + "queue/").json()["results"][0]
    assert row["suggestion"]["scorecard_version"] == 1
    assert (row["suggestion"]["score"], row["suggestion"]["decision"]) == (recorded["score"], recorded["decision"])
    detail = underwriter_api.get(url(outcome.limit)).json()
    assert detail["suggestion"]["score"] == recorded["score"] and detail["suggestion"]["factors"]
    assert sum(f["points"] for f in detail["suggestion"]["factors"]) == recorded["score"]
    assert detail["buyer_exposure"] == money_json("0.00")


# --- Decisions ---------------------------------------------------------------


def test_partial_approval_is_recorded_notified_and_sent(underwriter_api, tenant, policy, hook,
                                                        django_capture_on_commit_callbacks):
    limit = pending(tenant, policy)
    with django_capture_on_commit_callbacks(execute=False):
        response = underwriter_api.post(url(limit, "decide"), {
            "kind": "partially_approved", "amount": money_json("45000.00"), "reason_codes": ["amount_above_capacity"],
            "note": "The buyer's figures carry 45,000 EUR.", "terms_days": 60}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["state"], body["in_force"], body["decided_terms_days"]) == ("in_force", money_json("45000.00"), 60)
    decision = LimitDecision.objects.get(limit=limit, kind=K.PARTIALLY_APPROVED)
    assert decision.amount == Decimal("45000.00") and decision.reason_codes == ["amount_above_capacity"]
    assert decision.decided_by == underwriter_api.acting_user and not decision.automatic
    assert body["decisions"][-1]["kind"] == "partially_approved"
    assert Notification.objects.filter(tenant=tenant).exists()
    assert WebhookDelivery.objects.filter(endpoint=hook, event="limit.decided").count() == 1


def test_approval_with_conditions_and_refusal(underwriter_api, tenant, policy):
    limit = pending(tenant, policy)
    response = underwriter_api.post(url(limit, "decide"), {
        "kind": "approved_with_conditions", "amount": money_json("80000.00"),
        "conditions": "Letter of credit for shipments above 20,000 EUR."}, format="json")
    assert response.status_code == 200, response.content
    assert CreditLimit.objects.get(pk=limit.pk).conditions.startswith("Letter of credit")
    other = pending(tenant, policy)
    response = underwriter_api.post(url(other, "decide"), {"kind": "refused", "reason_codes": ["payment_behaviour"],
                                                           "note": "Overdues reported."}, format="json")
    assert response.status_code == 200, response.content
    assert CreditLimit.objects.get(pk=other.pk).state == CreditLimit.State.REFUSED


@pytest.mark.parametrize("payload, pointer", [
    ({"kind": "sold"}, "/kind"),
    ({"kind": "partially_approved", "reason_codes": ["amount_above_capacity"]}, "/amount"),
    ({"kind": "partially_approved", "amount": money_json("90000.00"), "reason_codes": ["buyer_grade"]}, "/amount"),
    ({"kind": "partially_approved", "amount": money_json("100.00", "USD"), "reason_codes": ["buyer_grade"]}, "/amount"),
    ({"kind": "partially_approved", "amount": money_json("1000.00")}, "/reason_codes"),
    ({"kind": "refused", "reason_codes": ["no_such_reason"]}, "/reason_codes/0"),
    ({"kind": "approved_with_conditions", "amount": money_json("1000.00")}, "/conditions"),
    ({"kind": "approved", "terms_days": 9999}, "/terms_days"),
    ({"kind": "approved", "review_date": "2027-06-01", "expiry_date": "2027-01-01"}, "/review_date"),
    ({"kind": "approved", "effective_date": "1800-01-01"}, "/effective_date"),
    ({"kind": "approved", "amount": {"amount": 5.5, "currency": "EUR"}}, "/amount"),
])
def test_bad_decisions_are_400_with_pointers_and_change_nothing(underwriter_api, tenant, policy, payload, pointer):
    limit = pending(tenant, policy)
    before = _state(limit)
    response = underwriter_api.post(url(limit, "decide"), payload, format="json")
    assert response.status_code == 400, response.content
    assert pointer in api_error(response)[1], api_error(response)
    assert _state(limit) == before and not Notification.objects.exists()


def test_a_decided_request_cannot_be_decided_again(underwriter_api, tenant, policy, underwriter):
    limit = in_force(tenant, policy, underwriter)
    response = underwriter_api.post(url(limit, "decide"), {"kind": "refused", "reason_codes": ["buyer_grade"]},
                                    format="json")
    assert response.status_code == 400 and _state(limit)[0] == CreditLimit.State.IN_FORCE
    assert underwriter_api.post(f"{BASE}{limit.pk + 999}/decide/", {"kind": "approved"},
                                format="json").status_code == 404


def test_a_repeated_key_replays_the_decision(underwriter_api, tenant, policy):
    limit = pending(tenant, policy)
    headers = {"HTTP_IDEMPOTENCY_KEY": "decide-1"}
    first = underwriter_api.post(url(limit, "decide"), {"kind": "approved"}, format="json", **headers)
    again = underwriter_api.post(url(limit, "decide"), {"kind": "approved"}, format="json", **headers)
    assert first.status_code == again.status_code == 200
    assert again["Idempotent-Replayed"] == "true" and again.json() == first.json()
    assert LimitDecision.objects.filter(limit=limit, kind=K.APPROVED).count() == 1
    assert IdempotencyKey.objects.get(key="decide-1").tenant_id == tenant.pk
    other = underwriter_api.post(url(limit, "decide"), {"kind": "refused"}, format="json", **headers)
    assert other.status_code == 422


# --- Reduce, withdraw, keep --------------------------------------------------


def test_reduction_applies_after_the_notice_and_is_sent(underwriter_api, tenant, policy, underwriter, hook,
                                                        django_capture_on_commit_callbacks):
    limit = in_force(tenant, policy, underwriter)
    too_early = underwriter_api.post(url(limit, "reduce"), {
        "amount": money_json("20000.00"), "reason_codes": ["buyer_grade"], "notified_on": TODAY.isoformat(),
        "effective_date": TODAY.isoformat()}, format="json")
    assert too_early.status_code == 400 and "/effective_date" in api_error(too_early)[1]
    assert _state(limit)[1] == Decimal("80000.00")
    with django_capture_on_commit_callbacks(execute=False):
        response = underwriter_api.post(url(limit, "reduce"), {
            "amount": money_json("20000.00"), "reason_codes": ["buyer_grade"], "note": "Downgraded.",
            "notified_on": TODAY.isoformat()}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["in_force"] == money_json("20000.00")
    decision = LimitDecision.objects.get(limit=limit, kind=K.REDUCED)
    assert decision.effective_date == TODAY + timedelta(days=1)  # the day after notice (the default notice)
    assert WebhookDelivery.objects.filter(endpoint=hook, event="limit.reduced").count() == 1


@pytest.mark.parametrize("payload, pointer", [
    ({"amount": money_json("90000.00"), "reason_codes": ["buyer_grade"]}, "/amount"),
    ({"amount": money_json("0.00"), "reason_codes": ["buyer_grade"]}, "/amount"),
    ({"amount": money_json("1000.00")}, "/reason_codes"),
    ({"reason_codes": ["buyer_grade"]}, "/amount"),
])
def test_bad_reductions_change_nothing(underwriter_api, tenant, policy, underwriter, payload, pointer):
    limit = in_force(tenant, policy, underwriter)
    before = _state(limit)
    response = underwriter_api.post(url(limit, "reduce"), payload, format="json")
    assert response.status_code == 400 and pointer in api_error(response)[1], api_error(response)
    assert _state(limit) == before


def test_withdrawal_and_keep_after_review(underwriter_api, tenant, policy, underwriter):
    kept = in_force(tenant, policy, underwriter)
    CreditLimit.objects.filter(pk=kept.pk).update(under_review=True)
    response = underwriter_api.post(url(kept, "clear-review"), {"review_date": "2027-06-01"}, format="json")
    assert response.status_code == 200, response.content
    kept.refresh_from_db()
    assert (kept.under_review, kept.review_date.isoformat()) == (False, "2027-06-01")

    gone = in_force(tenant, policy, underwriter)
    refused = underwriter_api.post(url(gone, "withdraw"), {}, format="json")
    assert refused.status_code == 400 and "/reason_codes" in api_error(refused)[1]
    response = underwriter_api.post(url(gone, "withdraw"), {"reason_codes": ["payment_behaviour"],
                                                            "notified_on": TODAY.isoformat(),
                                                            "effective_date": (TODAY + timedelta(days=5)).isoformat()},
                                    format="json")
    assert response.status_code == 200, response.content
    assert CreditLimit.objects.get(pk=gone.pk).state == CreditLimit.State.WITHDRAWN
    assert LimitDecision.objects.get(limit=gone, kind=K.WITHDRAWN).effective_date == TODAY + timedelta(days=5)
    again = underwriter_api.post(url(gone, "clear-review"), {}, format="json")
    assert again.status_code == 400


# --- The matrix --------------------------------------------------------------

MATRIX = "/api/v1/insurer/auto-decision-rules/"


def test_the_matrix_is_read_added_to_and_changed(underwriter_api, tenant, policy):
    rows = underwriter_api.get(MATRIX).json()
    assert [(r["min_grade"], r["max_grade"], r["max_amount"]) for r in rows] == [
        (1, 3, money_json("50000.00")), (4, 5, money_json("20000.00"))]
    response = underwriter_api.post(MATRIX, {"min_grade": 4, "max_grade": 5, "max_amount": money_json("100000.00")},
                                    format="json", HTTP_IDEMPOTENCY_KEY="rule-1")
    assert response.status_code == 201, response.content
    replay = underwriter_api.post(MATRIX, {"min_grade": 4, "max_grade": 5, "max_amount": money_json("100000.00")},
                                  format="json", HTTP_IDEMPOTENCY_KEY="rule-1")
    assert replay["Idempotent-Replayed"] == "true" and AutoDecisionRule.objects.count() == 3
    assert IdempotencyKey.objects.get(key="rule-1").tenant_id is None
    # The new rule decides at once (the read cache of the matrix is cleared on save).
    assert ask_for_limit(tenant, policy, make_buyer(grade=5), 80_000, today=TODAY).decided
    rule = AutoDecisionRule.objects.get(pk=response.json()["id"])
    changed = underwriter_api.put(f"{MATRIX}{rule.pk}/", {"min_grade": 4, "max_grade": 5, "is_active": False,
                                                          "max_amount": money_json("100000.00")}, format="json")
    assert changed.status_code == 200 and changed.json()["is_active"] is False
    assert not ask_for_limit(tenant, policy, make_buyer(grade=5), 80_000, today=TODAY).decided


@pytest.mark.parametrize("payload, pointer", [
    ({"min_grade": 0, "max_grade": 3, "max_amount": money_json("1.00")}, "/min_grade"),
    ({"min_grade": 5, "max_grade": 3, "max_amount": money_json("1.00")}, "/max_grade"),
    ({"min_grade": 1, "max_grade": 3, "max_amount": money_json("-1.00")}, "/max_amount"),
    ({"min_grade": 1, "max_grade": 3}, "/max_amount"),
])
def test_bad_rules_are_refused(underwriter_api, payload, pointer):
    rule = AutoDecisionRule.objects.first()
    for response in (underwriter_api.post(MATRIX, payload, format="json"),
                     underwriter_api.put(f"{MATRIX}{rule.pk}/", payload, format="json")):
        assert response.status_code == 400 and pointer in api_error(response)[1], api_error(response)
    assert AutoDecisionRule.objects.count() == 2 and AutoDecisionRule.objects.get(pk=rule.pk).max_amount == 50_000
    assert underwriter_api.put(f"{MATRIX}999999/", payload, format="json").status_code == 404


# --- Exposure ----------------------------------------------------------------


def test_exposure_by_buyer_country_and_sector_across_insureds(underwriter_api, tenant, other_tenant, policy,
                                                              outsider_policy, underwriter):
    mine = in_force(tenant, policy, underwriter, amount=80_000)
    ask_for_limit(other_tenant, outsider_policy, make_buyer(country="FR", grade=2), 10_000, today=TODAY)
    pending(tenant, policy)  # not in force: not exposure
    by_buyer = underwriter_api.get("/api/v1/insurer/exposure/?by=buyer").json()
    assert by_buyer["total"] == money_json("90000.00") and by_buyer["groups"] == 2 and by_buyer["limits"] == 2
    assert by_buyer["results"][0]["key"] == str(mine.buyer_id)
    assert by_buyer["results"][0]["amount"] == money_json("80000.00")
    by_country = underwriter_api.get("/api/v1/insurer/exposure/?by=country&top=1").json()
    assert [(r["key"], r["amount"]) for r in by_country["results"]] == [("IT", money_json("80000.00"))]
    assert by_country["total"] == money_json("90000.00")
    by_sector = underwriter_api.get("/api/v1/insurer/exposure/?by=sector").json()
    assert [r["key"] for r in by_sector["results"]] == ["unknown"]
    for bad in ("?by=tenant", "?top=0", "?on=1800-01-01"):
        assert underwriter_api.get("/api/v1/insurer/exposure/" + bad).status_code == 400, bad


def test_the_admin_edits_the_matrix_through_the_same_service(client_of_underwriter, monkeypatch):
    from limits import services

    calls, real = [], services.save_auto_decision_rule
    monkeypatch.setattr(services, "save_auto_decision_rule", lambda **kw: calls.append(kw) or real(**kw))
    rule = AutoDecisionRule.objects.order_by("min_grade").first()
    response = client_of_underwriter.post(f"/admin/limits/autodecisionrule/{rule.pk}/change/", {
        "min_grade": "1", "max_grade": "3", "max_amount": "60000", "currency": "EUR", "is_active": "on"})
    assert response.status_code == 302, response.content
    assert AutoDecisionRule.objects.get(pk=rule.pk).max_amount == 60_000
    assert [(c["rule"].pk, c["max_amount"]) for c in calls] == [(rule.pk, Decimal("60000"))]
