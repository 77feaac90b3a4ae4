"""Contains all the data models used in inputs/outputs"""

from .add_invoices_input_request import AddInvoicesInputRequest
from .allocation_output import AllocationOutput
from .allocation_output_amount_type_0 import AllocationOutputAmountType0
from .buyer_identifier_output import BuyerIdentifierOutput
from .buyer_output import BuyerOutput
from .buyer_payload import BuyerPayload
from .buyer_proposal_input_request import BuyerProposalInputRequest
from .buyer_summary import BuyerSummary
from .calculation_line_output import CalculationLineOutput
from .calculation_line_output_after_recoveries import CalculationLineOutputAfterRecoveries
from .calculation_line_output_covered import CalculationLineOutputCovered
from .calculation_line_output_indemnity import CalculationLineOutputIndemnity
from .calculation_line_output_limit_available import CalculationLineOutputLimitAvailable
from .calculation_line_output_limit_in_force import CalculationLineOutputLimitInForce
from .calculation_line_output_outstanding import CalculationLineOutputOutstanding
from .calculation_output import CalculationOutput
from .calculation_output_covered_loss import CalculationOutputCoveredLoss
from .calculation_output_gross_indemnity import CalculationOutputGrossIndemnity
from .calculation_output_indemnity import CalculationOutputIndemnity
from .calculation_output_liability_cap_type_0 import CalculationOutputLiabilityCapType0
from .calculation_output_non_qualifying_loss import CalculationOutputNonQualifyingLoss
from .checklist_item_output import ChecklistItemOutput
from .claim_buyer import ClaimBuyer
from .claim_cause_enum import ClaimCauseEnum
from .claim_create_input_request import ClaimCreateInputRequest
from .claim_deadline_approaching_webhook import ClaimDeadlineApproachingWebhook
from .claim_deadline_approaching_webhook_event import ClaimDeadlineApproachingWebhookEvent
from .claim_detail_output import ClaimDetailOutput
from .claim_detail_output_approved_indemnity_type_0 import ClaimDetailOutputApprovedIndemnityType0
from .claim_detail_output_calculated_indemnity_type_0 import ClaimDetailOutputCalculatedIndemnityType0
from .claim_detail_output_paid_amount_type_0 import ClaimDetailOutputPaidAmountType0
from .claim_detail_output_recovered_before_payment_type_0 import ClaimDetailOutputRecoveredBeforePaymentType0
from .claim_document_kind_enum import ClaimDocumentKindEnum
from .claim_output import ClaimOutput
from .claim_output_approved_indemnity_type_0 import ClaimOutputApprovedIndemnityType0
from .claim_output_calculated_indemnity_type_0 import ClaimOutputCalculatedIndemnityType0
from .claim_output_paid_amount_type_0 import ClaimOutputPaidAmountType0
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
from .country_premium_premium import CountryPremiumPremium
from .country_premium_turnover import CountryPremiumTurnover
from .cover_output import CoverOutput
from .cover_output_amount import CoverOutputAmount
from .deadline_approaching_payload import DeadlineApproachingPayload
from .deadlines_output import DeadlinesOutput
from .decision_payload import DecisionPayload
from .decision_payload_kind import DecisionPayloadKind
from .direct_receipt_input_request import DirectReceiptInputRequest
from .direct_receipt_input_request_amount import DirectReceiptInputRequestAmount
from .document_output import DocumentOutput
from .document_request_output import DocumentRequestOutput
from .document_upload_input_request import DocumentUploadInputRequest
from .exposure_page import ExposurePage
from .exposure_page_total_in_reporting_currency import ExposurePageTotalInReportingCurrency
from .exposure_page_totals_in_policy_currency_item import ExposurePageTotalsInPolicyCurrencyItem
from .exposure_page_without_rate_item import ExposurePageWithoutRateItem
from .exposure_row import ExposureRow
from .exposure_row_in_policy_currency_item import ExposureRowInPolicyCurrencyItem
from .exposure_row_in_reporting_currency import ExposureRowInReportingCurrency
from .exposure_row_without_rate_item import ExposureRowWithoutRateItem
from .insurer_approve_input_request import InsurerApproveInputRequest
from .insurer_approve_input_request_amount_type_0 import InsurerApproveInputRequestAmountType0
from .insurer_claim_detail_output import InsurerClaimDetailOutput
from .insurer_claim_detail_output_approved_indemnity_type_0 import InsurerClaimDetailOutputApprovedIndemnityType0
from .insurer_claim_detail_output_calculated_indemnity_type_0 import InsurerClaimDetailOutputCalculatedIndemnityType0
from .insurer_claim_detail_output_paid_amount_type_0 import InsurerClaimDetailOutputPaidAmountType0
from .insurer_claim_detail_output_recovered_before_payment_type_0 import (
    InsurerClaimDetailOutputRecoveredBeforePaymentType0,
)
from .insurer_claim_output import InsurerClaimOutput
from .insurer_claim_output_approved_indemnity_type_0 import InsurerClaimOutputApprovedIndemnityType0
from .insurer_claim_output_calculated_indemnity_type_0 import InsurerClaimOutputCalculatedIndemnityType0
from .insurer_claim_output_paid_amount_type_0 import InsurerClaimOutputPaidAmountType0
from .insurer_collection_case_input_request import InsurerCollectionCaseInputRequest
from .insurer_collection_cost_input_request import InsurerCollectionCostInputRequest
from .insurer_collection_cost_input_request_amount import InsurerCollectionCostInputRequestAmount
from .insurer_collection_cost_output import InsurerCollectionCostOutput
from .insurer_collection_cost_output_amount_type_0 import InsurerCollectionCostOutputAmountType0
from .insurer_document_output import InsurerDocumentOutput
from .insurer_pay_input_request import InsurerPayInputRequest
from .insurer_pay_input_request_amount import InsurerPayInputRequestAmount
from .insurer_recovery_input_request import InsurerRecoveryInputRequest
from .insurer_recovery_input_request_amount import InsurerRecoveryInputRequestAmount
from .insurer_recovery_ledger_output import InsurerRecoveryLedgerOutput
from .insurer_reject_input_request import InsurerRejectInputRequest
from .insurer_request_documents_input_request import InsurerRequestDocumentsInputRequest
from .insurer_settlement_input_request import InsurerSettlementInputRequest
from .insurer_settlement_input_request_amount import InsurerSettlementInputRequestAmount
from .insurer_settlement_output import InsurerSettlementOutput
from .insurer_settlement_output_amount_type_0 import InsurerSettlementOutputAmountType0
from .invoice_input_request import InvoiceInputRequest
from .invoice_input_request_amount import InvoiceInputRequestAmount
from .invoice_input_request_outstanding import InvoiceInputRequestOutstanding
from .invoice_output import InvoiceOutput
from .invoice_output_amount_type_0 import InvoiceOutputAmountType0
from .invoice_output_outstanding_type_0 import InvoiceOutputOutstandingType0
from .invoice_payload import InvoicePayload
from .kind_enum import KindEnum
from .ledger_holder_enum import LedgerHolderEnum
from .ledger_line_kind_enum import LedgerLineKindEnum
from .ledger_line_output import LedgerLineOutput
from .ledger_line_output_amount import LedgerLineOutputAmount
from .ledger_line_output_insured_share_to_date_type_0 import LedgerLineOutputInsuredShareToDateType0
from .ledger_line_output_insurer_share_to_date_type_0 import LedgerLineOutputInsurerShareToDateType0
from .ledger_totals_output import LedgerTotalsOutput
from .ledger_totals_output_collection_costs import LedgerTotalsOutputCollectionCosts
from .ledger_totals_output_indemnity_paid import LedgerTotalsOutputIndemnityPaid
from .ledger_totals_output_insured_owes_insurer import LedgerTotalsOutputInsuredOwesInsurer
from .ledger_totals_output_insured_share import LedgerTotalsOutputInsuredShare
from .ledger_totals_output_insurer_net_cost import LedgerTotalsOutputInsurerNetCost
from .ledger_totals_output_insurer_owes_insured import LedgerTotalsOutputInsurerOwesInsured
from .ledger_totals_output_insurer_share import LedgerTotalsOutputInsurerShare
from .ledger_totals_output_net_recovery import LedgerTotalsOutputNetRecovery
from .ledger_totals_output_received_by_insured import LedgerTotalsOutputReceivedByInsured
from .ledger_totals_output_recovered_before_payment import LedgerTotalsOutputRecoveredBeforePayment
from .ledger_totals_output_recovered_by_insurer import LedgerTotalsOutputRecoveredByInsurer
from .ledger_totals_output_settled_to_insured import LedgerTotalsOutputSettledToInsured
from .ledger_totals_output_settled_to_insurer import LedgerTotalsOutputSettledToInsurer
from .limit_decided_webhook import LimitDecidedWebhook
from .limit_decided_webhook_event import LimitDecidedWebhookEvent
from .limit_decision_output import LimitDecisionOutput
from .limit_decision_output_amount_type_0 import LimitDecisionOutputAmountType0
from .limit_decision_payload import LimitDecisionPayload
from .limit_decision_payload_state import LimitDecisionPayloadState
from .limit_detail_output import LimitDetailOutput
from .limit_detail_output_in_force import LimitDetailOutputInForce
from .limit_detail_output_requested import LimitDetailOutputRequested
from .limit_expired_webhook import LimitExpiredWebhook
from .limit_expired_webhook_event import LimitExpiredWebhookEvent
from .limit_output import LimitOutput
from .limit_output_in_force import LimitOutputInForce
from .limit_output_requested import LimitOutputRequested
from .limit_reduced_webhook import LimitReducedWebhook
from .limit_reduced_webhook_event import LimitReducedWebhookEvent
from .limit_request_input_request import LimitRequestInputRequest
from .limit_request_input_request_amount import LimitRequestInputRequestAmount
from .limit_withdrawn_webhook import LimitWithdrawnWebhook
from .limit_withdrawn_webhook_event import LimitWithdrawnWebhookEvent
from .money_payload import MoneyPayload
from .next_deadline_output import NextDeadlineOutput
from .notification_deadline_from_enum import NotificationDeadlineFromEnum
from .overdue_cleared_webhook import OverdueClearedWebhook
from .overdue_cleared_webhook_event import OverdueClearedWebhookEvent
from .overdue_cover_reinstated_webhook import OverdueCoverReinstatedWebhook
from .overdue_cover_reinstated_webhook_event import OverdueCoverReinstatedWebhookEvent
from .overdue_create_input_request import OverdueCreateInputRequest
from .overdue_detail_output import OverdueDetailOutput
from .overdue_detail_output_total_outstanding_type_0 import OverdueDetailOutputTotalOutstandingType0
from .overdue_notified_webhook import OverdueNotifiedWebhook
from .overdue_notified_webhook_event import OverdueNotifiedWebhookEvent
from .overdue_output import OverdueOutput
from .overdue_output_total_outstanding_type_0 import OverdueOutputTotalOutstandingType0
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
from .patched_limit_edit_input_request_amount import PatchedLimitEditInputRequestAmount
from .patched_webhook_endpoint_input_request import PatchedWebhookEndpointInputRequest
from .payment_input_request import PaymentInputRequest
from .payment_input_request_amount import PaymentInputRequestAmount
from .payment_output import PaymentOutput
from .payment_output_amount_type_0 import PaymentOutputAmountType0
from .policy_output import PolicyOutput
from .policy_premium_output import PolicyPremiumOutput
from .policy_premium_output_adjustment import PolicyPremiumOutputAdjustment
from .policy_premium_output_declared_premium import PolicyPremiumOutputDeclaredPremium
from .policy_premium_output_maximum_liability import PolicyPremiumOutputMaximumLiability
from .policy_premium_output_minimum_premium import PolicyPremiumOutputMinimumPremium
from .policy_premium_output_premium_due import PolicyPremiumOutputPremiumDue
from .policy_terms_output import PolicyTermsOutput
from .policy_terms_output_discretionary_limit_max import PolicyTermsOutputDiscretionaryLimitMax
from .policy_terms_output_minimum_premium import PolicyTermsOutputMinimumPremium
from .policy_terms_output_non_qualifying_loss import PolicyTermsOutputNonQualifyingLoss
from .premium_period import PremiumPeriod
from .premium_period_premium import PremiumPeriodPremium
from .premium_period_turnover import PremiumPeriodTurnover
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .recovery_ledger_output import RecoveryLedgerOutput
from .recovery_output import RecoveryOutput
from .recovery_output_amount_type_0 import RecoveryOutputAmountType0
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
from .turnover_declaration_input_request_turnover import TurnoverDeclarationInputRequestTurnover
from .turnover_declaration_output import TurnoverDeclarationOutput
from .turnover_declaration_output_premium import TurnoverDeclarationOutputPremium
from .turnover_declaration_output_turnover import TurnoverDeclarationOutputTurnover
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
    "AllocationOutputAmountType0",
    "BuyerIdentifierOutput",
    "BuyerOutput",
    "BuyerPayload",
    "BuyerProposalInputRequest",
    "BuyerSummary",
    "CalculationLineOutput",
    "CalculationLineOutputAfterRecoveries",
    "CalculationLineOutputCovered",
    "CalculationLineOutputIndemnity",
    "CalculationLineOutputLimitAvailable",
    "CalculationLineOutputLimitInForce",
    "CalculationLineOutputOutstanding",
    "CalculationOutput",
    "CalculationOutputCoveredLoss",
    "CalculationOutputGrossIndemnity",
    "CalculationOutputIndemnity",
    "CalculationOutputLiabilityCapType0",
    "CalculationOutputNonQualifyingLoss",
    "ChecklistItemOutput",
    "ClaimBuyer",
    "ClaimCauseEnum",
    "ClaimCreateInputRequest",
    "ClaimDeadlineApproachingWebhook",
    "ClaimDeadlineApproachingWebhookEvent",
    "ClaimDetailOutput",
    "ClaimDetailOutputApprovedIndemnityType0",
    "ClaimDetailOutputCalculatedIndemnityType0",
    "ClaimDetailOutputPaidAmountType0",
    "ClaimDetailOutputRecoveredBeforePaymentType0",
    "ClaimDocumentKindEnum",
    "ClaimOutput",
    "ClaimOutputApprovedIndemnityType0",
    "ClaimOutputCalculatedIndemnityType0",
    "ClaimOutputPaidAmountType0",
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
    "CountryPremiumPremium",
    "CountryPremiumTurnover",
    "CoverOutput",
    "CoverOutputAmount",
    "DeadlineApproachingPayload",
    "DeadlinesOutput",
    "DecisionPayload",
    "DecisionPayloadKind",
    "DirectReceiptInputRequest",
    "DirectReceiptInputRequestAmount",
    "DocumentOutput",
    "DocumentRequestOutput",
    "DocumentUploadInputRequest",
    "ExposurePage",
    "ExposurePageTotalInReportingCurrency",
    "ExposurePageTotalsInPolicyCurrencyItem",
    "ExposurePageWithoutRateItem",
    "ExposureRow",
    "ExposureRowInPolicyCurrencyItem",
    "ExposureRowInReportingCurrency",
    "ExposureRowWithoutRateItem",
    "InsurerApproveInputRequest",
    "InsurerApproveInputRequestAmountType0",
    "InsurerClaimDetailOutput",
    "InsurerClaimDetailOutputApprovedIndemnityType0",
    "InsurerClaimDetailOutputCalculatedIndemnityType0",
    "InsurerClaimDetailOutputPaidAmountType0",
    "InsurerClaimDetailOutputRecoveredBeforePaymentType0",
    "InsurerClaimOutput",
    "InsurerClaimOutputApprovedIndemnityType0",
    "InsurerClaimOutputCalculatedIndemnityType0",
    "InsurerClaimOutputPaidAmountType0",
    "InsurerCollectionCaseInputRequest",
    "InsurerCollectionCostInputRequest",
    "InsurerCollectionCostInputRequestAmount",
    "InsurerCollectionCostOutput",
    "InsurerCollectionCostOutputAmountType0",
    "InsurerDocumentOutput",
    "InsurerPayInputRequest",
    "InsurerPayInputRequestAmount",
    "InsurerRecoveryInputRequest",
    "InsurerRecoveryInputRequestAmount",
    "InsurerRecoveryLedgerOutput",
    "InsurerRejectInputRequest",
    "InsurerRequestDocumentsInputRequest",
    "InsurerSettlementInputRequest",
    "InsurerSettlementInputRequestAmount",
    "InsurerSettlementOutput",
    "InsurerSettlementOutputAmountType0",
    "InvoiceInputRequest",
    "InvoiceInputRequestAmount",
    "InvoiceInputRequestOutstanding",
    "InvoiceOutput",
    "InvoiceOutputAmountType0",
    "InvoiceOutputOutstandingType0",
    "InvoicePayload",
    "KindEnum",
    "LedgerHolderEnum",
    "LedgerLineKindEnum",
    "LedgerLineOutput",
    "LedgerLineOutputAmount",
    "LedgerLineOutputInsuredShareToDateType0",
    "LedgerLineOutputInsurerShareToDateType0",
    "LedgerTotalsOutput",
    "LedgerTotalsOutputCollectionCosts",
    "LedgerTotalsOutputIndemnityPaid",
    "LedgerTotalsOutputInsuredOwesInsurer",
    "LedgerTotalsOutputInsuredShare",
    "LedgerTotalsOutputInsurerNetCost",
    "LedgerTotalsOutputInsurerOwesInsured",
    "LedgerTotalsOutputInsurerShare",
    "LedgerTotalsOutputNetRecovery",
    "LedgerTotalsOutputReceivedByInsured",
    "LedgerTotalsOutputRecoveredBeforePayment",
    "LedgerTotalsOutputRecoveredByInsurer",
    "LedgerTotalsOutputSettledToInsured",
    "LedgerTotalsOutputSettledToInsurer",
    "LimitDecidedWebhook",
    "LimitDecidedWebhookEvent",
    "LimitDecisionOutput",
    "LimitDecisionOutputAmountType0",
    "LimitDecisionPayload",
    "LimitDecisionPayloadState",
    "LimitDetailOutput",
    "LimitDetailOutputInForce",
    "LimitDetailOutputRequested",
    "LimitExpiredWebhook",
    "LimitExpiredWebhookEvent",
    "LimitOutput",
    "LimitOutputInForce",
    "LimitOutputRequested",
    "LimitReducedWebhook",
    "LimitReducedWebhookEvent",
    "LimitRequestInputRequest",
    "LimitRequestInputRequestAmount",
    "LimitWithdrawnWebhook",
    "LimitWithdrawnWebhookEvent",
    "MoneyPayload",
    "NextDeadlineOutput",
    "NotificationDeadlineFromEnum",
    "OverdueClearedWebhook",
    "OverdueClearedWebhookEvent",
    "OverdueCoverReinstatedWebhook",
    "OverdueCoverReinstatedWebhookEvent",
    "OverdueCreateInputRequest",
    "OverdueDetailOutput",
    "OverdueDetailOutputTotalOutstandingType0",
    "OverdueNotifiedWebhook",
    "OverdueNotifiedWebhookEvent",
    "OverdueOutput",
    "OverdueOutputTotalOutstandingType0",
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
    "PatchedLimitEditInputRequestAmount",
    "PatchedWebhookEndpointInputRequest",
    "PaymentInputRequest",
    "PaymentInputRequestAmount",
    "PaymentOutput",
    "PaymentOutputAmountType0",
    "PolicyOutput",
    "PolicyPremiumOutput",
    "PolicyPremiumOutputAdjustment",
    "PolicyPremiumOutputDeclaredPremium",
    "PolicyPremiumOutputMaximumLiability",
    "PolicyPremiumOutputMinimumPremium",
    "PolicyPremiumOutputPremiumDue",
    "PolicyTermsOutput",
    "PolicyTermsOutputDiscretionaryLimitMax",
    "PolicyTermsOutputMinimumPremium",
    "PolicyTermsOutputNonQualifyingLoss",
    "PremiumPeriod",
    "PremiumPeriodPremium",
    "PremiumPeriodTurnover",
    "Problem",
    "ProblemErrorsItem",
    "RecoveryLedgerOutput",
    "RecoveryOutput",
    "RecoveryOutputAmountType0",
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
    "TurnoverDeclarationInputRequestTurnover",
    "TurnoverDeclarationOutput",
    "TurnoverDeclarationOutputPremium",
    "TurnoverDeclarationOutputTurnover",
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
