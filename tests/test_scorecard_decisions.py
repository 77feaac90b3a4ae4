"""The scorecard deciding live requests: within the insurer's automatic limits it approves, grants part or
refuses with reason codes the insured reads in its language; beyond them it refers with its suggestion,
which the underwriter sees on the decision screen. Each decision records the version, frozen once used.
Policies the active version does not cover keep the grade matrix.
"""

from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from buyers.models import FinancialStatement
from core.exceptions import DomainError
from limits.models import CreditLimit, LimitDecision, Scorecard
from limits.scorecard import services as scorecard_services
from tests.buyer_factories import make_buyer
from tests.limit_factories import LIMITS_TODAY as TODAY
from tests.limit_factories import ask_for_limit, make_limit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]

K = LimitDecision.Kind
SOUND = {"revenue": Decimal(10_000_000), "equity": Decimal(4_000_000), "total_assets": Decimal(8_000_000),
         "current_assets": Decimal(4_000_000), "current_liabilities": Decimal(2_000_000),
         "net_income": Decimal(600_000), "ebitda": Decimal(1_000_000)}


def scorecard(**fields) -> Scorecard:
    with scopes_disabled():
        return Scorecard.objects.create(**{"version": 1, "name": "First", "is_active": True,
                                           "max_automatic_amount": Decimal(250_000),
                                           "buyer_exposure_cap": Decimal(5_000_000), **fields})


def buyer_with_statement(grade=2, country="DE", year=TODAY.year - 1, **figures):
    buyer = make_buyer(country=country, grade=grade, sector_nace="46.90")
    FinancialStatement.objects.create(buyer=buyer, year=year, currency="EUR", **{**SOUND, **figures})
    return buyer


def test_without_a_scorecard_the_grade_matrix_decides(tenant, policy):
    outcome = ask_for_limit(tenant, policy, buyer_with_statement(grade=2), 50_000)
    decision = outcome.limit.decisions.get()
    assert (outcome.decided, decision.kind, decision.scorecard) == (True, K.APPROVED, None)


def test_the_scorecard_approves_a_sound_buyer_and_the_decision_records_its_version(tenant, policy):
    version = scorecard()
    outcome = ask_for_limit(tenant, policy, buyer_with_statement(), 60_000)  # above the matrix's 50,000
    decision = outcome.limit.decisions.get()
    assert (outcome.decided, decision.kind, decision.amount, decision.automatic) == (True, K.APPROVED,
                                                                                   Decimal(60_000), True)
    assert decision.scorecard == version and decision.scorecard_result["version"] == 1
    assert decision.scorecard_result["score"] == sum(f["points"] for f in decision.scorecard_result["factors"])
    version.refresh_from_db()
    assert version.is_used


def test_an_automatic_refusal_tells_the_insured_why_in_its_language(tenant, policy, client_of_user,
                                                                     client_of_outsider):
    scorecard()
    weak = buyer_with_statement(grade=9, equity=Decimal(50_000), net_income=Decimal(-900_000),
                                ebitda=Decimal(-300_000), current_assets=Decimal(900_000))
    outcome = ask_for_limit(tenant, policy, weak, 40_000)
    limit, decision = outcome.limit, outcome.limit.decisions.get()
    assert (outcome.decided, limit.state, decision.kind) == (True, CreditLimit.State.REFUSED, K.REFUSED)
    assert decision.reason_codes and decision.reason_codes[0] == "buyer_grade"
    page = client_of_user.get(f"/limits/{limit.pk}/", HTTP_ACCEPT_LANGUAGE="es")
    assert "Calificación del comprador" in page.content.decode()
    assert client_of_outsider.get(f"/limits/{limit.pk}/").status_code == 404


def test_the_api_gives_the_reasons_in_the_insureds_language_and_the_edifact_category(tenant, policy, api_client,
                                                                                      api_client_of_outsider):
    scorecard()
    small = buyer_with_statement(revenue=Decimal(200_000), equity=Decimal(150_000), total_assets=Decimal(300_000),
                                 current_assets=Decimal(200_000), current_liabilities=Decimal(100_000),
                                 net_income=Decimal(10_000), ebitda=Decimal(20_000))
    limit = ask_for_limit(tenant, policy, small, 100_000).limit
    body = api_client.get(f"/api/v1/limits/{limit.pk}/", HTTP_ACCEPT_LANGUAGE="es").json()
    decision = body["decisions"][0]
    assert (decision["kind"], decision["response_category"], decision["scorecard_version"]) == (
        "partially_approved", "partly_approved", 1)
    assert decision["reasons"][0] == "Importe solicitado elevado frente al tamaño del comprador"
    assert api_client_of_outsider.get(f"/api/v1/limits/{limit.pk}/").status_code == 404


def test_an_amount_beyond_the_buyers_size_is_granted_in_part_with_its_reason(tenant, policy):
    scorecard()
    small = buyer_with_statement(revenue=Decimal(200_000), equity=Decimal(150_000), total_assets=Decimal(300_000),
                                 current_assets=Decimal(200_000), current_liabilities=Decimal(100_000),
                                 net_income=Decimal(10_000), ebitda=Decimal(20_000))
    outcome = ask_for_limit(tenant, policy, small, 100_000)
    decision = outcome.limit.decisions.get()
    assert (decision.kind, decision.amount) == (K.PARTIALLY_APPROVED, Decimal(30_000))  # 15% of revenue
    assert decision.reason_codes[0] == "amount_above_capacity"


def test_another_insureds_limits_count_towards_the_insurer_wide_cap(tenant, policy, outsider_policy):
    scorecard(buyer_exposure_cap=Decimal(1_000_000))
    shared = buyer_with_statement()
    make_limit(outsider_policy, shared, amount=990_000)
    outcome = ask_for_limit(tenant, policy, shared, 50_000)
    decision = outcome.limit.decisions.get()
    assert (decision.kind, decision.amount) == (K.PARTIALLY_APPROVED, Decimal(10_000))
    assert decision.reason_codes[0] == "exposure_at_maximum"
    assert "990" not in decision.note  # the other insured's figure is never told


def test_beyond_the_automatic_maximum_the_underwriter_decides_with_the_suggestion(tenant, policy, client_of_underwriter,
                                                                                 underwriter):
    version = scorecard(max_automatic_amount=Decimal(100_000))
    outcome = ask_for_limit(tenant, policy, buyer_with_statement(), 150_000)
    referral = outcome.limit.decisions.get()
    assert (outcome.decided, referral.kind, referral.scorecard) == (False, K.REFERRED, version)
    assert referral.reason_codes == ["amount_above_automatic"]
    with scopes_disabled():
        page = client_of_underwriter.get(f"/admin/limits/creditlimit/{outcome.limit.pk}/decide/").content.decode()
    assert "Scorecard suggestion" in page and "equity_ratio" in page and "still_investigating" in page
    with scopes_disabled():
        from limits import services

        decision = services.decide_limit(limit=outcome.limit, decided_by=underwriter, kind=K.APPROVED)
    assert decision.scorecard == version and decision.scorecard_result["factors"]


def test_a_policy_the_version_does_not_list_keeps_the_matrix(tenant, policy, outsider_policy):
    version = scorecard()
    with scopes_disabled():
        version.policies.set([outsider_policy])
    outcome = ask_for_limit(tenant, policy, buyer_with_statement(grade=2), 60_000)  # above the matrix
    assert (outcome.decided, outcome.limit.decisions.get().scorecard) == (False, None)


@pytest.mark.unscoped
def test_a_used_version_is_frozen_and_changed_through_a_new_version(tenant, policy):
    version = scorecard()
    ask_for_limit(tenant, policy, buyer_with_statement(), 10_000)
    version.refresh_from_db()
    version.parameters["approve_max_score"] = 10
    with pytest.raises(DomainError):
        scorecard_services.save_scorecard(scorecard=version, changed={"parameters"})
    copy = scorecard_services.new_version(source=Scorecard.objects.get(pk=version.pk))
    assert (copy.version, copy.is_active, copy.is_used) == (2, False, False)
    copy.is_active = True
    scorecard_services.save_scorecard(scorecard=copy, changed={"is_active"})
    assert list(Scorecard.objects.filter(is_active=True)) == [copy]


@pytest.mark.unscoped
def test_the_admin_refuses_malformed_parameters(client_of_underwriter):
    data = {"version": 1, "name": "Bad", "note": "", "currency": "EUR", "max_automatic_amount": "100000",
            "buyer_exposure_cap": "", "parameters": '{"bands": {}}'}
    response = client_of_underwriter.post("/admin/limits/scorecard/add/", data)
    assert response.status_code == 200 and "Missing parameters" in response.content.decode()
    assert not Scorecard.objects.exists()
    page = client_of_underwriter.get("/admin/limits/scorecard/add/")
    assert page.status_code == 200 and "approve_max_score" in page.content.decode()
