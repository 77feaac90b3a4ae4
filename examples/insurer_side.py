"""The insurer's side of the example integration, through the insurer API with insurer tokens: its rules engine
deciding a referred limit (an underwriter's token), its claims system settling a claim and, later, recording
what the buyer's liquidator pays (a claims handler's token). erp_integration.py calls them with `--insurer-token` and `--claims-token`; CI runs both sides.
"""

import uuid
from collections.abc import Callable
from datetime import date

from kredo_api import expect
from kredo_client import AuthenticatedClient
from kredo_client.api.insurer_claims import (
    v1_insurer_claims_approve_create,
    v1_insurer_claims_confirm_complete_create,
    v1_insurer_claims_pay_create,
    v1_insurer_claims_retrieve,
)
from kredo_client.api.insurer_limits import v1_insurer_limits_decide_create, v1_insurer_limits_queue_list
from kredo_client.api.insurer_recoveries import v1_insurer_claims_recoveries_create
from kredo_client.models import Money
from kredo_client.models.insurer_approve_input_request import InsurerApproveInputRequest
from kredo_client.models.insurer_decide_input_kind_enum import InsurerDecideInputKindEnum
from kredo_client.models.insurer_decide_input_request import InsurerDecideInputRequest
from kredo_client.models.insurer_pay_input_request import InsurerPayInputRequest
from kredo_client.models.insurer_recovery_input_request import InsurerRecoveryInputRequest
from kredo_client.models.reason_codes_enum import ReasonCodesEnum
from kredo_client.models.recovery_source_enum import RecoverySourceEnum


def underwriter_through_the_insurer_api(*, url: str, insurer_token: str, amount: str,
                                        language: str = "en") -> Callable[[int], None]:
    """The insurer's rules engine on the other side: it finds the referred request in the underwriting queue
    and approves part of it, with its reason (the insurer API, an underwriter's insurer token)."""
    insurer = AuthenticatedClient(base_url=url, token=insurer_token, prefix="Token",
                                  raise_on_unexpected_status=True, headers={"Accept-Language": language})

    def decide(limit_id: int) -> None:
        queue_page = expect(v1_insurer_limits_queue_list.sync_detailed(client=insurer), 200)
        row = next(row for row in queue_page.results if row.id == limit_id)
        print(f"  underwriter: limit {row.id} of {row.tenant} on {row.buyer.legal_name}, "
              f"{row.requested.amount} {row.requested.currency}, waiting {row.age_days} days")
        body = InsurerDecideInputRequest(kind=InsurerDecideInputKindEnum.PARTIALLY_APPROVED,
                                         amount=Money(amount=amount, currency=row.requested.currency),
                                         reason_codes=[ReasonCodesEnum.BUYER_GRADE],
                                         note="Grade 5: part of the amount, reviewed in six months.")
        expect(v1_insurer_limits_decide_create.sync_detailed(limit_id, client=insurer, body=body,
                                                             idempotency_key=str(uuid.uuid4())), 200)

    return decide


def claims_handler_through_the_insurer_api(*, url: str, insurer_token: str, language: str = "en",
                                           paid_on: date | None = None) -> Callable[[int], None]:
    """The insurer's claims system on the other side: it confirms the file complete, approves the calculated
    indemnity and records its payment (the insurer API, a claims handler's insurer token)."""
    insurer = AuthenticatedClient(base_url=url, token=insurer_token, prefix="Token",
                                  raise_on_unexpected_status=True, headers={"Accept-Language": language})

    def settle(claim_id: int) -> None:
        complete = expect(v1_insurer_claims_confirm_complete_create.sync_detailed(
            claim_id, client=insurer, idempotency_key=str(uuid.uuid4())), 200)
        print(f"  claims handler: claim {claim_id} of {complete.tenant} complete, "
              f"calculated {complete.calculated_indemnity.amount} {complete.calculated_indemnity.currency}")
        approved = expect(v1_insurer_claims_approve_create.sync_detailed(
            claim_id, client=insurer, body=InsurerApproveInputRequest(), idempotency_key=str(uuid.uuid4())), 200)
        expect(v1_insurer_claims_pay_create.sync_detailed(
            claim_id, client=insurer, idempotency_key=str(uuid.uuid4()),
            body=InsurerPayInputRequest(amount=approved.approved_indemnity, paid_on=paid_on or date.today(),
                                        reference=f"PAY-{claim_id}")), 200)

    return settle


def recovery_through_the_insurer_api(*, url: str, insurer_token: str, amount: str, received_on: date | None = None,
                                     language: str = "en") -> Callable[[int], None]:
    """The insurer's claims system after the payment: the buyer's liquidator pays `amount`, recorded on the paid
    claim, which the recovery sharing of the policy then divides between insurer and insured."""
    insurer = AuthenticatedClient(base_url=url, token=insurer_token, prefix="Token",
                                  raise_on_unexpected_status=True, headers={"Accept-Language": language})

    def recover(claim_id: int) -> None:
        currency = expect(v1_insurer_claims_retrieve.sync_detailed(claim_id, client=insurer), 200).currency
        body = InsurerRecoveryInputRequest(amount=Money(amount=amount, currency=currency),
                                           received_on=received_on or date.today(),
                                           source=RecoverySourceEnum.LIQUIDATOR, note="First liquidation dividend")
        expect(v1_insurer_claims_recoveries_create.sync_detailed(claim_id, client=insurer, body=body,
                                                                 idempotency_key=str(uuid.uuid4())), 201)
        print(f"  claims handler: {amount} {currency} recovered from the liquidator on claim {claim_id}")

    return recover
