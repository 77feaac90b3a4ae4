"""Contains all the data models used in inputs/outputs"""

from .add_invoices_input_request import AddInvoicesInputRequest
from .allocation_output import AllocationOutput
from .buyer_identifier_output import BuyerIdentifierOutput
from .buyer_output import BuyerOutput
from .buyer_payload import BuyerPayload
from .buyer_proposal_input_request import BuyerProposalInputRequest
from .buyer_summary import BuyerSummary
from .calculation_line_output import CalculationLineOutput
from .calculation_output import CalculationOutput
from .checklist_item_output import ChecklistItemOutput
from .claim_buyer import ClaimBuyer
from .claim_cause_enum import ClaimCauseEnum
from .claim_create_input_request import ClaimCreateInputRequest
from .claim_deadline_approaching_webhook import ClaimDeadlineApproachingWebhook
from .claim_deadline_approaching_webhook_event import ClaimDeadlineApproachingWebhookEvent
from .claim_detail_output import ClaimDetailOutput
from .claim_document_kind_enum import ClaimDocumentKindEnum
from .claim_output import ClaimOutput
from .claim_paid_webhook import ClaimPaidWebhook
from .claim_paid_webhook_event import ClaimPaidWebhookEvent
from .claim_payload import ClaimPayload
from .claim_state_changed_webhook import ClaimStateChangedWebhook
from .claim_state_changed_webhook_event import ClaimStateChangedWebhookEvent
from .claim_state_enum import ClaimStateEnum
from .claim_transition_payload import ClaimTransitionPayload
from .claim_withdraw_input_request import ClaimWithdrawInputRequest
from .collection_case_output import CollectionCaseOutput
from .collection_cost_kind_enum import CollectionCostKindEnum
from .collection_payload import CollectionPayload
from .collection_status_changed_webhook import CollectionStatusChangedWebhook
from .collection_status_changed_webhook_event import CollectionStatusChangedWebhookEvent
from .collection_status_enum import CollectionStatusEnum
from .country_premium import CountryPremium
from .cover_output import CoverOutput
from .deadline_approaching_payload import DeadlineApproachingPayload
from .deadlines_output import DeadlinesOutput
from .decision_payload import DecisionPayload
from .decision_payload_kind import DecisionPayloadKind
from .direct_receipt_input_request import DirectReceiptInputRequest
from .document_output import DocumentOutput
from .document_request_output import DocumentRequestOutput
from .document_upload_input_request import DocumentUploadInputRequest
from .exposure_page import ExposurePage
from .exposure_row import ExposureRow
from .insurer_approve_input_request import InsurerApproveInputRequest
from .insurer_claim_detail_output import InsurerClaimDetailOutput
from .insurer_claim_output import InsurerClaimOutput
from .insurer_collection_case_input_request import InsurerCollectionCaseInputRequest
from .insurer_collection_cost_input_request import InsurerCollectionCostInputRequest
from .insurer_collection_cost_output import InsurerCollectionCostOutput
from .insurer_document_output import InsurerDocumentOutput
from .insurer_pay_input_request import InsurerPayInputRequest
from .insurer_recovery_input_request import InsurerRecoveryInputRequest
from .insurer_recovery_ledger_output import InsurerRecoveryLedgerOutput
from .insurer_reject_input_request import InsurerRejectInputRequest
from .insurer_request_documents_input_request import InsurerRequestDocumentsInputRequest
from .insurer_settlement_input_request import InsurerSettlementInputRequest
from .insurer_settlement_output import InsurerSettlementOutput
from .invoice_input_request import InvoiceInputRequest
from .invoice_output import InvoiceOutput
from .invoice_payload import InvoicePayload
from .kind_enum import KindEnum
from .ledger_holder_enum import LedgerHolderEnum
from .ledger_line_kind_enum import LedgerLineKindEnum
from .ledger_line_output import LedgerLineOutput
from .ledger_totals_output import LedgerTotalsOutput
from .limit_decided_webhook import LimitDecidedWebhook
from .limit_decided_webhook_event import LimitDecidedWebhookEvent
from .limit_decision_output import LimitDecisionOutput
from .limit_decision_payload import LimitDecisionPayload
from .limit_decision_payload_state import LimitDecisionPayloadState
from .limit_detail_output import LimitDetailOutput
from .limit_expired_webhook import LimitExpiredWebhook
from .limit_expired_webhook_event import LimitExpiredWebhookEvent
from .limit_output import LimitOutput
from .limit_reduced_webhook import LimitReducedWebhook
from .limit_reduced_webhook_event import LimitReducedWebhookEvent
from .limit_request_input_request import LimitRequestInputRequest
from .limit_withdrawn_webhook import LimitWithdrawnWebhook
from .limit_withdrawn_webhook_event import LimitWithdrawnWebhookEvent
from .money import Money
from .money_payload import MoneyPayload
from .next_deadline_output import NextDeadlineOutput
from .notification_deadline_from_enum import NotificationDeadlineFromEnum
from .overdue_cleared_webhook import OverdueClearedWebhook
from .overdue_cleared_webhook_event import OverdueClearedWebhookEvent
from .overdue_cover_reinstated_webhook import OverdueCoverReinstatedWebhook
from .overdue_cover_reinstated_webhook_event import OverdueCoverReinstatedWebhookEvent
from .overdue_create_input_request import OverdueCreateInputRequest
from .overdue_detail_output import OverdueDetailOutput
from .overdue_notified_webhook import OverdueNotifiedWebhook
from .overdue_notified_webhook_event import OverdueNotifiedWebhookEvent
from .overdue_output import OverdueOutput
from .overdue_payload import OverduePayload
from .overdue_state_enum import OverdueStateEnum
from .paginated_buyer_output_list import PaginatedBuyerOutputList
from .paginated_claim_output_list import PaginatedClaimOutputList
from .paginated_collection_case_output_list import PaginatedCollectionCaseOutputList
from .paginated_insurer_claim_output_list import PaginatedInsurerClaimOutputList
from .paginated_limit_output_list import PaginatedLimitOutputList
from .paginated_overdue_output_list import PaginatedOverdueOutputList
from .paginated_policy_output_list import PaginatedPolicyOutputList
from .paginated_recovery_output_list import PaginatedRecoveryOutputList
from .paginated_turnover_declaration_output_list import PaginatedTurnoverDeclarationOutputList
from .paginated_webhook_delivery_output_list import PaginatedWebhookDeliveryOutputList
from .paginated_webhook_endpoint_output_list import PaginatedWebhookEndpointOutputList
from .patched_limit_edit_input_request import PatchedLimitEditInputRequest
from .patched_webhook_endpoint_input_request import PatchedWebhookEndpointInputRequest
from .payment_input_request import PaymentInputRequest
from .payment_output import PaymentOutput
from .policy_output import PolicyOutput
from .policy_premium_output import PolicyPremiumOutput
from .policy_terms_output import PolicyTermsOutput
from .premium_period import PremiumPeriod
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .recovery_ledger_output import RecoveryLedgerOutput
from .recovery_output import RecoveryOutput
from .recovery_payload import RecoveryPayload
from .recovery_phase_enum import RecoveryPhaseEnum
from .recovery_recorded_webhook import RecoveryRecordedWebhook
from .recovery_recorded_webhook_event import RecoveryRecordedWebhookEvent
from .recovery_sharing_rule_enum import RecoverySharingRuleEnum
from .recovery_source_enum import RecoverySourceEnum
from .state_enum import StateEnum
from .status_enum import StatusEnum
from .transition_output import TransitionOutput
from .turnover_declaration_input_request import TurnoverDeclarationInputRequest
from .turnover_declaration_output import TurnoverDeclarationOutput
from .type_enum import TypeEnum
from .v1_claims_list_cause import V1ClaimsListCause
from .v1_claims_list_state import V1ClaimsListState
from .v1_collection_cases_list_status import V1CollectionCasesListStatus
from .v1_exposure_retrieve_by import V1ExposureRetrieveBy
from .v1_insurer_claims_list_state import V1InsurerClaimsListState
from .v1_limits_list_state import V1LimitsListState
from .v1_overdues_list_state import V1OverduesListState
from .v1_policies_list_status import V1PoliciesListStatus
from .v1_webhooks_deliveries_list_state import V1WebhooksDeliveriesListState
from .webhook_delivery_output import WebhookDeliveryOutput
from .webhook_delivery_state_enum import WebhookDeliveryStateEnum
from .webhook_endpoint_detail_output import WebhookEndpointDetailOutput
from .webhook_endpoint_input_request import WebhookEndpointInputRequest
from .webhook_endpoint_output import WebhookEndpointOutput
from .webhook_event_output import WebhookEventOutput

__all__ = (
    "AddInvoicesInputRequest",
    "AllocationOutput",
    "BuyerIdentifierOutput",
    "BuyerOutput",
    "BuyerPayload",
    "BuyerProposalInputRequest",
    "BuyerSummary",
    "CalculationLineOutput",
    "CalculationOutput",
    "ChecklistItemOutput",
    "ClaimBuyer",
    "ClaimCauseEnum",
    "ClaimCreateInputRequest",
    "ClaimDeadlineApproachingWebhook",
    "ClaimDeadlineApproachingWebhookEvent",
    "ClaimDetailOutput",
    "ClaimDocumentKindEnum",
    "ClaimOutput",
    "ClaimPaidWebhook",
    "ClaimPaidWebhookEvent",
    "ClaimPayload",
    "ClaimStateChangedWebhook",
    "ClaimStateChangedWebhookEvent",
    "ClaimStateEnum",
    "ClaimTransitionPayload",
    "ClaimWithdrawInputRequest",
    "CollectionCaseOutput",
    "CollectionCostKindEnum",
    "CollectionPayload",
    "CollectionStatusChangedWebhook",
    "CollectionStatusChangedWebhookEvent",
    "CollectionStatusEnum",
    "CountryPremium",
    "CoverOutput",
    "DeadlineApproachingPayload",
    "DeadlinesOutput",
    "DecisionPayload",
    "DecisionPayloadKind",
    "DirectReceiptInputRequest",
    "DocumentOutput",
    "DocumentRequestOutput",
    "DocumentUploadInputRequest",
    "ExposurePage",
    "ExposureRow",
    "InsurerApproveInputRequest",
    "InsurerClaimDetailOutput",
    "InsurerClaimOutput",
    "InsurerCollectionCaseInputRequest",
    "InsurerCollectionCostInputRequest",
    "InsurerCollectionCostOutput",
    "InsurerDocumentOutput",
    "InsurerPayInputRequest",
    "InsurerRecoveryInputRequest",
    "InsurerRecoveryLedgerOutput",
    "InsurerRejectInputRequest",
    "InsurerRequestDocumentsInputRequest",
    "InsurerSettlementInputRequest",
    "InsurerSettlementOutput",
    "InvoiceInputRequest",
    "InvoiceOutput",
    "InvoicePayload",
    "KindEnum",
    "LedgerHolderEnum",
    "LedgerLineKindEnum",
    "LedgerLineOutput",
    "LedgerTotalsOutput",
    "LimitDecidedWebhook",
    "LimitDecidedWebhookEvent",
    "LimitDecisionOutput",
    "LimitDecisionPayload",
    "LimitDecisionPayloadState",
    "LimitDetailOutput",
    "LimitExpiredWebhook",
    "LimitExpiredWebhookEvent",
    "LimitOutput",
    "LimitReducedWebhook",
    "LimitReducedWebhookEvent",
    "LimitRequestInputRequest",
    "LimitWithdrawnWebhook",
    "LimitWithdrawnWebhookEvent",
    "Money",
    "MoneyPayload",
    "NextDeadlineOutput",
    "NotificationDeadlineFromEnum",
    "OverdueClearedWebhook",
    "OverdueClearedWebhookEvent",
    "OverdueCoverReinstatedWebhook",
    "OverdueCoverReinstatedWebhookEvent",
    "OverdueCreateInputRequest",
    "OverdueDetailOutput",
    "OverdueNotifiedWebhook",
    "OverdueNotifiedWebhookEvent",
    "OverdueOutput",
    "OverduePayload",
    "OverdueStateEnum",
    "PaginatedBuyerOutputList",
    "PaginatedClaimOutputList",
    "PaginatedCollectionCaseOutputList",
    "PaginatedInsurerClaimOutputList",
    "PaginatedLimitOutputList",
    "PaginatedOverdueOutputList",
    "PaginatedPolicyOutputList",
    "PaginatedRecoveryOutputList",
    "PaginatedTurnoverDeclarationOutputList",
    "PaginatedWebhookDeliveryOutputList",
    "PaginatedWebhookEndpointOutputList",
    "PatchedLimitEditInputRequest",
    "PatchedWebhookEndpointInputRequest",
    "PaymentInputRequest",
    "PaymentOutput",
    "PolicyOutput",
    "PolicyPremiumOutput",
    "PolicyTermsOutput",
    "PremiumPeriod",
    "Problem",
    "ProblemErrorsItem",
    "RecoveryLedgerOutput",
    "RecoveryOutput",
    "RecoveryPayload",
    "RecoveryPhaseEnum",
    "RecoveryRecordedWebhook",
    "RecoveryRecordedWebhookEvent",
    "RecoverySharingRuleEnum",
    "RecoverySourceEnum",
    "StateEnum",
    "StatusEnum",
    "TransitionOutput",
    "TurnoverDeclarationInputRequest",
    "TurnoverDeclarationOutput",
    "TypeEnum",
    "V1ClaimsListCause",
    "V1ClaimsListState",
    "V1CollectionCasesListStatus",
    "V1ExposureRetrieveBy",
    "V1InsurerClaimsListState",
    "V1LimitsListState",
    "V1OverduesListState",
    "V1PoliciesListStatus",
    "V1WebhooksDeliveriesListState",
    "WebhookDeliveryOutput",
    "WebhookDeliveryStateEnum",
    "WebhookEndpointDetailOutput",
    "WebhookEndpointInputRequest",
    "WebhookEndpointOutput",
    "WebhookEventOutput",
)
