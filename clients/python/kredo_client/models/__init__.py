"""Contains all the data models used in inputs/outputs"""

from .add_invoices_input_request import AddInvoicesInputRequest
from .allocation_output import AllocationOutput
from .assign_input_request import AssignInputRequest
from .auto_decision_rule_input_request import AutoDecisionRuleInputRequest
from .auto_decision_rule_output import AutoDecisionRuleOutput
from .buyer_alert import BuyerAlert
from .buyer_alert_payload import BuyerAlertPayload
from .buyer_alert_payload_code import BuyerAlertPayloadCode
from .buyer_alert_payload_params import BuyerAlertPayloadParams
from .buyer_alert_webhook import BuyerAlertWebhook
from .buyer_alert_webhook_event import BuyerAlertWebhookEvent
from .buyer_identifier_output import BuyerIdentifierOutput
from .buyer_import_input_request import BuyerImportInputRequest
from .buyer_import_output import BuyerImportOutput
from .buyer_kind_enum import BuyerKindEnum
from .buyer_output import BuyerOutput
from .buyer_payload import BuyerPayload
from .buyer_proposal_input_request import BuyerProposalInputRequest
from .buyer_summary import BuyerSummary
from .buyer_to_review import BuyerToReview
from .calculation_line_output import CalculationLineOutput
from .calculation_output import CalculationOutput
from .checklist_item_output import ChecklistItemOutput
from .claim import Claim
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
from .claims_section import ClaimsSection
from .code_enum import CodeEnum
from .collection_case_output import CollectionCaseOutput
from .collection_cost_kind_enum import CollectionCostKindEnum
from .collection_payload import CollectionPayload
from .collection_status_changed_webhook import CollectionStatusChangedWebhook
from .collection_status_changed_webhook_event import CollectionStatusChangedWebhookEvent
from .collection_status_enum import CollectionStatusEnum
from .confirm_input_request import ConfirmInputRequest
from .country_premium import CountryPremium
from .country_risk_input_request import CountryRiskInputRequest
from .country_risk_output import CountryRiskOutput
from .cover_output import CoverOutput
from .credit_file import CreditFile
from .credit_file_claim_list import CreditFileClaimList
from .credit_file_document_list import CreditFileDocumentList
from .credit_file_grade_list import CreditFileGradeList
from .credit_file_insurer_claim_list import CreditFileInsurerClaimList
from .credit_file_insurer_grade_list import CreditFileInsurerGradeList
from .credit_file_insurer_limit_list import CreditFileInsurerLimitList
from .credit_file_insurer_overdue_list import CreditFileInsurerOverdueList
from .credit_file_limit_list import CreditFileLimitList
from .credit_file_note_list import CreditFileNoteList
from .credit_file_overdue_list import CreditFileOverdueList
from .credit_file_paid_invoice_list import CreditFilePaidInvoiceList
from .deadline_approaching_payload import DeadlineApproachingPayload
from .deadlines import Deadlines
from .deadlines_output import DeadlinesOutput
from .decision import Decision
from .decision_enum import DecisionEnum
from .decision_payload import DecisionPayload
from .decision_payload_kind import DecisionPayloadKind
from .direct_receipt_input_request import DirectReceiptInputRequest
from .document import Document
from .document_output import DocumentOutput
from .document_request_output import DocumentRequestOutput
from .document_upload_input_request import DocumentUploadInputRequest
from .end_input_request import EndInputRequest
from .exposure_page import ExposurePage
from .exposure_row import ExposureRow
from .factor_output import FactorOutput
from .figures import Figures
from .given_by_side_enum import GivenBySideEnum
from .gleif_import_input_request import GleifImportInputRequest
from .gleif_import_output import GleifImportOutput
from .grade import Grade
from .grade_input_request import GradeInputRequest
from .grade_output import GradeOutput
from .import_completed_payload import ImportCompletedPayload
from .import_completed_payload_kind import ImportCompletedPayloadKind
from .import_completed_payload_mode import ImportCompletedPayloadMode
from .import_completed_payload_state import ImportCompletedPayloadState
from .import_completed_webhook import ImportCompletedWebhook
from .import_completed_webhook_event import ImportCompletedWebhookEvent
from .import_job_state_enum import ImportJobStateEnum
from .insured_relation_output import InsuredRelationOutput
from .insurer_approve_input_request import InsurerApproveInputRequest
from .insurer_buyer_detail_output import InsurerBuyerDetailOutput
from .insurer_buyer_output import InsurerBuyerOutput
from .insurer_claim import InsurerClaim
from .insurer_claim_detail_output import InsurerClaimDetailOutput
from .insurer_claim_output import InsurerClaimOutput
from .insurer_claims_section import InsurerClaimsSection
from .insurer_clear_review_input_request import InsurerClearReviewInputRequest
from .insurer_collection_case_input_request import InsurerCollectionCaseInputRequest
from .insurer_collection_cost_input_request import InsurerCollectionCostInputRequest
from .insurer_collection_cost_output import InsurerCollectionCostOutput
from .insurer_credit_file import InsurerCreditFile
from .insurer_decide_input_kind_enum import InsurerDecideInputKindEnum
from .insurer_decide_input_request import InsurerDecideInputRequest
from .insurer_document_output import InsurerDocumentOutput
from .insurer_endorsement_input_request import InsurerEndorsementInputRequest
from .insurer_endorsement_input_request_changes import InsurerEndorsementInputRequestChanges
from .insurer_exposure import InsurerExposure
from .insurer_exposure_row import InsurerExposureRow
from .insurer_grade import InsurerGrade
from .insurer_limit import InsurerLimit
from .insurer_limit_detail_output import InsurerLimitDetailOutput
from .insurer_limits_section import InsurerLimitsSection
from .insurer_loss_payee_output import InsurerLossPayeeOutput
from .insurer_overdue import InsurerOverdue
from .insurer_overdue_detail_output import InsurerOverdueDetailOutput
from .insurer_overdue_output import InsurerOverdueOutput
from .insurer_pay_input_request import InsurerPayInputRequest
from .insurer_policy_output import InsurerPolicyOutput
from .insurer_proposal_output import InsurerProposalOutput
from .insurer_quote_input_request import InsurerQuoteInputRequest
from .insurer_quote_input_request_terms import InsurerQuoteInputRequestTerms
from .insurer_quote_output import InsurerQuoteOutput
from .insurer_quote_output_terms import InsurerQuoteOutputTerms
from .insurer_recovery_input_request import InsurerRecoveryInputRequest
from .insurer_recovery_ledger_output import InsurerRecoveryLedgerOutput
from .insurer_reduce_input_request import InsurerReduceInputRequest
from .insurer_reject_input_request import InsurerRejectInputRequest
from .insurer_request_documents_input_request import InsurerRequestDocumentsInputRequest
from .insurer_settlement_input_request import InsurerSettlementInputRequest
from .insurer_settlement_output import InsurerSettlementOutput
from .insurer_withdraw_input_request import InsurerWithdrawInputRequest
from .invoice_input_request import InvoiceInputRequest
from .invoice_output import InvoiceOutput
from .invoice_payload import InvoicePayload
from .kind_input_request import KindInputRequest
from .language_enum import LanguageEnum
from .ledger_holder_enum import LedgerHolderEnum
from .ledger_line_kind_enum import LedgerLineKindEnum
from .ledger_line_output import LedgerLineOutput
from .ledger_totals_output import LedgerTotalsOutput
from .limit import Limit
from .limit_decided_webhook import LimitDecidedWebhook
from .limit_decided_webhook_event import LimitDecidedWebhookEvent
from .limit_decision_output import LimitDecisionOutput
from .limit_decision_output_kind_enum import LimitDecisionOutputKindEnum
from .limit_decision_payload import LimitDecisionPayload
from .limit_decision_payload_state import LimitDecisionPayloadState
from .limit_detail_output import LimitDetailOutput
from .limit_expired_webhook import LimitExpiredWebhook
from .limit_expired_webhook_event import LimitExpiredWebhookEvent
from .limit_import_input_request import LimitImportInputRequest
from .limit_import_output import LimitImportOutput
from .limit_output import LimitOutput
from .limit_reduced_webhook import LimitReducedWebhook
from .limit_reduced_webhook_event import LimitReducedWebhookEvent
from .limit_request_input_request import LimitRequestInputRequest
from .limit_withdrawn_webhook import LimitWithdrawnWebhook
from .limit_withdrawn_webhook_event import LimitWithdrawnWebhookEvent
from .limits_section import LimitsSection
from .live_suggestion_output import LiveSuggestionOutput
from .loss_payee_output import LossPayeeOutput
from .mark_read_request import MarkReadRequest
from .marked import Marked
from .merge_input_request import MergeInputRequest
from .mode_enum import ModeEnum
from .money import Money
from .money_payload import MoneyPayload
from .next_deadline_output import NextDeadlineOutput
from .note import Note
from .note_request import NoteRequest
from .notice_input_request import NoticeInputRequest
from .notification_deadline_from_enum import NotificationDeadlineFromEnum
from .offer_change_input_request import OfferChangeInputRequest
from .offer_change_input_request_term_changes import OfferChangeInputRequestTermChanges
from .outcome_enum import OutcomeEnum
from .overdue import Overdue
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
from .paginated_buyer_alert_list import PaginatedBuyerAlertList
from .paginated_buyer_output_list import PaginatedBuyerOutputList
from .paginated_buyer_to_review_list import PaginatedBuyerToReviewList
from .paginated_claim_output_list import PaginatedClaimOutputList
from .paginated_collection_case_output_list import PaginatedCollectionCaseOutputList
from .paginated_insured_relation_output_list import PaginatedInsuredRelationOutputList
from .paginated_insurer_buyer_output_list import PaginatedInsurerBuyerOutputList
from .paginated_insurer_claim_output_list import PaginatedInsurerClaimOutputList
from .paginated_insurer_overdue_output_list import PaginatedInsurerOverdueOutputList
from .paginated_insurer_policy_output_list import PaginatedInsurerPolicyOutputList
from .paginated_insurer_proposal_output_list import PaginatedInsurerProposalOutputList
from .paginated_limit_output_list import PaginatedLimitOutputList
from .paginated_overdue_output_list import PaginatedOverdueOutputList
from .paginated_period_output_list import PaginatedPeriodOutputList
from .paginated_policy_output_list import PaginatedPolicyOutputList
from .paginated_premium_invoice_output_list import PaginatedPremiumInvoiceOutputList
from .paginated_proposal_output_list import PaginatedProposalOutputList
from .paginated_queue_row_output_list import PaginatedQueueRowOutputList
from .paginated_quote_output_list import PaginatedQuoteOutputList
from .paginated_recovery_output_list import PaginatedRecoveryOutputList
from .paginated_renewal_offer_output_list import PaginatedRenewalOfferOutputList
from .paginated_turnover_declaration_output_list import PaginatedTurnoverDeclarationOutputList
from .paginated_webhook_delivery_output_list import PaginatedWebhookDeliveryOutputList
from .paginated_webhook_endpoint_output_list import PaginatedWebhookEndpointOutputList
from .paid_invoice import PaidInvoice
from .paid_to_output import PaidToOutput
from .patched_limit_edit_input_request import PatchedLimitEditInputRequest
from .patched_webhook_endpoint_input_request import PatchedWebhookEndpointInputRequest
from .payment_behaviour import PaymentBehaviour
from .payment_experience import PaymentExperience
from .payment_input_request import PaymentInputRequest
from .payment_output import PaymentOutput
from .period_output import PeriodOutput
from .period_output_state_enum import PeriodOutputStateEnum
from .policy_detail_output import PolicyDetailOutput
from .policy_endorsed_payload import PolicyEndorsedPayload
from .policy_endorsed_webhook import PolicyEndorsedWebhook
from .policy_endorsed_webhook_event import PolicyEndorsedWebhookEvent
from .policy_issued_payload import PolicyIssuedPayload
from .policy_issued_webhook import PolicyIssuedWebhook
from .policy_issued_webhook_event import PolicyIssuedWebhookEvent
from .policy_notice_kind_enum import PolicyNoticeKindEnum
from .policy_notice_output import PolicyNoticeOutput
from .policy_output import PolicyOutput
from .policy_premium_output import PolicyPremiumOutput
from .policy_renewed_payload import PolicyRenewedPayload
from .policy_renewed_webhook import PolicyRenewedWebhook
from .policy_renewed_webhook_event import PolicyRenewedWebhookEvent
from .policy_terms_output import PolicyTermsOutput
from .premium_invoice_output import PremiumInvoiceOutput
from .premium_invoice_output_kind_enum import PremiumInvoiceOutputKindEnum
from .premium_invoice_output_state_enum import PremiumInvoiceOutputStateEnum
from .premium_invoice_payload import PremiumInvoicePayload
from .premium_invoice_payload_kind import PremiumInvoicePayloadKind
from .premium_invoice_payload_state import PremiumInvoicePayloadState
from .premium_invoiced_webhook import PremiumInvoicedWebhook
from .premium_invoiced_webhook_event import PremiumInvoicedWebhookEvent
from .premium_overdue_webhook import PremiumOverdueWebhook
from .premium_overdue_webhook_event import PremiumOverdueWebhookEvent
from .premium_period import PremiumPeriod
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .proposal_buyer_input_request import ProposalBuyerInputRequest
from .proposal_buyer_output import ProposalBuyerOutput
from .proposal_input_request import ProposalInputRequest
from .proposal_loss_year_input_request import ProposalLossYearInputRequest
from .proposal_loss_year_output import ProposalLossYearOutput
from .proposal_output import ProposalOutput
from .proposal_state_enum import ProposalStateEnum
from .proposal_turnover_input_request import ProposalTurnoverInputRequest
from .proposal_turnover_output import ProposalTurnoverOutput
from .queue_row_output import QueueRowOutput
from .quote_decline_input_request import QuoteDeclineInputRequest
from .quote_decline_reason_enum import QuoteDeclineReasonEnum
from .quote_offered_payload import QuoteOfferedPayload
from .quote_offered_webhook import QuoteOfferedWebhook
from .quote_offered_webhook_event import QuoteOfferedWebhookEvent
from .quote_output import QuoteOutput
from .quote_output_terms import QuoteOutputTerms
from .quote_state_enum import QuoteStateEnum
from .reason import Reason
from .reason_codes_enum import ReasonCodesEnum
from .recovery_ledger_output import RecoveryLedgerOutput
from .recovery_output import RecoveryOutput
from .recovery_payload import RecoveryPayload
from .recovery_phase_enum import RecoveryPhaseEnum
from .recovery_recorded_webhook import RecoveryRecordedWebhook
from .recovery_recorded_webhook_event import RecoveryRecordedWebhookEvent
from .recovery_sharing_rule_enum import RecoverySharingRuleEnum
from .recovery_source_enum import RecoverySourceEnum
from .reinstate_input_request import ReinstateInputRequest
from .relation_input_request import RelationInputRequest
from .release_input_request import ReleaseInputRequest
from .renewal_offer_output import RenewalOfferOutput
from .renewal_offer_output_state_enum import RenewalOfferOutputStateEnum
from .renewal_offer_output_term_changes import RenewalOfferOutputTermChanges
from .risk_check import RiskCheck
from .risk_check_input_request import RiskCheckInputRequest
from .scorecard_output import ScorecardOutput
from .scorecard_output_buyer_exposure_cap_type_0 import ScorecardOutputBuyerExposureCapType0
from .scorecard_output_max_automatic_amount import ScorecardOutputMaxAutomaticAmount
from .source_enum import SourceEnum
from .state_enum import StateEnum
from .statement_import_input_request import StatementImportInputRequest
from .statement_input_request import StatementInputRequest
from .statement_output import StatementOutput
from .status_enum import StatusEnum
from .suggestion_output import SuggestionOutput
from .terms_version_output import TermsVersionOutput
from .transition_output import TransitionOutput
from .turnover_declaration_input_request import TurnoverDeclarationInputRequest
from .turnover_declaration_output import TurnoverDeclarationOutput
from .type_enum import TypeEnum
from .utilisation import Utilisation
from .v1_claims_list_cause import V1ClaimsListCause
from .v1_claims_list_state import V1ClaimsListState
from .v1_collection_cases_list_status import V1CollectionCasesListStatus
from .v1_exposure_retrieve_by import V1ExposureRetrieveBy
from .v1_insurer_buyers_list_status import V1InsurerBuyersListStatus
from .v1_insurer_claims_list_state import V1InsurerClaimsListState
from .v1_insurer_exposure_retrieve_by import V1InsurerExposureRetrieveBy
from .v1_insurer_overdues_list_state import V1InsurerOverduesListState
from .v1_insurer_policies_list_status import V1InsurerPoliciesListStatus
from .v1_insurer_proposals_list_state import V1InsurerProposalsListState
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
    "AssignInputRequest",
    "AutoDecisionRuleInputRequest",
    "AutoDecisionRuleOutput",
    "BuyerAlert",
    "BuyerAlertPayload",
    "BuyerAlertPayloadCode",
    "BuyerAlertPayloadParams",
    "BuyerAlertWebhook",
    "BuyerAlertWebhookEvent",
    "BuyerIdentifierOutput",
    "BuyerImportInputRequest",
    "BuyerImportOutput",
    "BuyerKindEnum",
    "BuyerOutput",
    "BuyerPayload",
    "BuyerProposalInputRequest",
    "BuyerSummary",
    "BuyerToReview",
    "CalculationLineOutput",
    "CalculationOutput",
    "ChecklistItemOutput",
    "Claim",
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
    "ClaimsSection",
    "ClaimStateChangedWebhook",
    "ClaimStateChangedWebhookEvent",
    "ClaimStateEnum",
    "ClaimTransitionPayload",
    "ClaimWithdrawInputRequest",
    "CodeEnum",
    "CollectionCaseOutput",
    "CollectionCostKindEnum",
    "CollectionPayload",
    "CollectionStatusChangedWebhook",
    "CollectionStatusChangedWebhookEvent",
    "CollectionStatusEnum",
    "ConfirmInputRequest",
    "CountryPremium",
    "CountryRiskInputRequest",
    "CountryRiskOutput",
    "CoverOutput",
    "CreditFile",
    "CreditFileClaimList",
    "CreditFileDocumentList",
    "CreditFileGradeList",
    "CreditFileInsurerClaimList",
    "CreditFileInsurerGradeList",
    "CreditFileInsurerLimitList",
    "CreditFileInsurerOverdueList",
    "CreditFileLimitList",
    "CreditFileNoteList",
    "CreditFileOverdueList",
    "CreditFilePaidInvoiceList",
    "DeadlineApproachingPayload",
    "Deadlines",
    "DeadlinesOutput",
    "Decision",
    "DecisionEnum",
    "DecisionPayload",
    "DecisionPayloadKind",
    "DirectReceiptInputRequest",
    "Document",
    "DocumentOutput",
    "DocumentRequestOutput",
    "DocumentUploadInputRequest",
    "EndInputRequest",
    "ExposurePage",
    "ExposureRow",
    "FactorOutput",
    "Figures",
    "GivenBySideEnum",
    "GleifImportInputRequest",
    "GleifImportOutput",
    "Grade",
    "GradeInputRequest",
    "GradeOutput",
    "ImportCompletedPayload",
    "ImportCompletedPayloadKind",
    "ImportCompletedPayloadMode",
    "ImportCompletedPayloadState",
    "ImportCompletedWebhook",
    "ImportCompletedWebhookEvent",
    "ImportJobStateEnum",
    "InsuredRelationOutput",
    "InsurerApproveInputRequest",
    "InsurerBuyerDetailOutput",
    "InsurerBuyerOutput",
    "InsurerClaim",
    "InsurerClaimDetailOutput",
    "InsurerClaimOutput",
    "InsurerClaimsSection",
    "InsurerClearReviewInputRequest",
    "InsurerCollectionCaseInputRequest",
    "InsurerCollectionCostInputRequest",
    "InsurerCollectionCostOutput",
    "InsurerCreditFile",
    "InsurerDecideInputKindEnum",
    "InsurerDecideInputRequest",
    "InsurerDocumentOutput",
    "InsurerEndorsementInputRequest",
    "InsurerEndorsementInputRequestChanges",
    "InsurerExposure",
    "InsurerExposureRow",
    "InsurerGrade",
    "InsurerLimit",
    "InsurerLimitDetailOutput",
    "InsurerLimitsSection",
    "InsurerLossPayeeOutput",
    "InsurerOverdue",
    "InsurerOverdueDetailOutput",
    "InsurerOverdueOutput",
    "InsurerPayInputRequest",
    "InsurerPolicyOutput",
    "InsurerProposalOutput",
    "InsurerQuoteInputRequest",
    "InsurerQuoteInputRequestTerms",
    "InsurerQuoteOutput",
    "InsurerQuoteOutputTerms",
    "InsurerRecoveryInputRequest",
    "InsurerRecoveryLedgerOutput",
    "InsurerReduceInputRequest",
    "InsurerRejectInputRequest",
    "InsurerRequestDocumentsInputRequest",
    "InsurerSettlementInputRequest",
    "InsurerSettlementOutput",
    "InsurerWithdrawInputRequest",
    "InvoiceInputRequest",
    "InvoiceOutput",
    "InvoicePayload",
    "KindInputRequest",
    "LanguageEnum",
    "LedgerHolderEnum",
    "LedgerLineKindEnum",
    "LedgerLineOutput",
    "LedgerTotalsOutput",
    "Limit",
    "LimitDecidedWebhook",
    "LimitDecidedWebhookEvent",
    "LimitDecisionOutput",
    "LimitDecisionOutputKindEnum",
    "LimitDecisionPayload",
    "LimitDecisionPayloadState",
    "LimitDetailOutput",
    "LimitExpiredWebhook",
    "LimitExpiredWebhookEvent",
    "LimitImportInputRequest",
    "LimitImportOutput",
    "LimitOutput",
    "LimitReducedWebhook",
    "LimitReducedWebhookEvent",
    "LimitRequestInputRequest",
    "LimitsSection",
    "LimitWithdrawnWebhook",
    "LimitWithdrawnWebhookEvent",
    "LiveSuggestionOutput",
    "LossPayeeOutput",
    "Marked",
    "MarkReadRequest",
    "MergeInputRequest",
    "ModeEnum",
    "Money",
    "MoneyPayload",
    "NextDeadlineOutput",
    "Note",
    "NoteRequest",
    "NoticeInputRequest",
    "NotificationDeadlineFromEnum",
    "OfferChangeInputRequest",
    "OfferChangeInputRequestTermChanges",
    "OutcomeEnum",
    "Overdue",
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
    "PaginatedBuyerAlertList",
    "PaginatedBuyerOutputList",
    "PaginatedBuyerToReviewList",
    "PaginatedClaimOutputList",
    "PaginatedCollectionCaseOutputList",
    "PaginatedInsuredRelationOutputList",
    "PaginatedInsurerBuyerOutputList",
    "PaginatedInsurerClaimOutputList",
    "PaginatedInsurerOverdueOutputList",
    "PaginatedInsurerPolicyOutputList",
    "PaginatedInsurerProposalOutputList",
    "PaginatedLimitOutputList",
    "PaginatedOverdueOutputList",
    "PaginatedPeriodOutputList",
    "PaginatedPolicyOutputList",
    "PaginatedPremiumInvoiceOutputList",
    "PaginatedProposalOutputList",
    "PaginatedQueueRowOutputList",
    "PaginatedQuoteOutputList",
    "PaginatedRecoveryOutputList",
    "PaginatedRenewalOfferOutputList",
    "PaginatedTurnoverDeclarationOutputList",
    "PaginatedWebhookDeliveryOutputList",
    "PaginatedWebhookEndpointOutputList",
    "PaidInvoice",
    "PaidToOutput",
    "PatchedLimitEditInputRequest",
    "PatchedWebhookEndpointInputRequest",
    "PaymentBehaviour",
    "PaymentExperience",
    "PaymentInputRequest",
    "PaymentOutput",
    "PeriodOutput",
    "PeriodOutputStateEnum",
    "PolicyDetailOutput",
    "PolicyEndorsedPayload",
    "PolicyEndorsedWebhook",
    "PolicyEndorsedWebhookEvent",
    "PolicyIssuedPayload",
    "PolicyIssuedWebhook",
    "PolicyIssuedWebhookEvent",
    "PolicyNoticeKindEnum",
    "PolicyNoticeOutput",
    "PolicyOutput",
    "PolicyPremiumOutput",
    "PolicyRenewedPayload",
    "PolicyRenewedWebhook",
    "PolicyRenewedWebhookEvent",
    "PolicyTermsOutput",
    "PremiumInvoicedWebhook",
    "PremiumInvoicedWebhookEvent",
    "PremiumInvoiceOutput",
    "PremiumInvoiceOutputKindEnum",
    "PremiumInvoiceOutputStateEnum",
    "PremiumInvoicePayload",
    "PremiumInvoicePayloadKind",
    "PremiumInvoicePayloadState",
    "PremiumOverdueWebhook",
    "PremiumOverdueWebhookEvent",
    "PremiumPeriod",
    "Problem",
    "ProblemErrorsItem",
    "ProposalBuyerInputRequest",
    "ProposalBuyerOutput",
    "ProposalInputRequest",
    "ProposalLossYearInputRequest",
    "ProposalLossYearOutput",
    "ProposalOutput",
    "ProposalStateEnum",
    "ProposalTurnoverInputRequest",
    "ProposalTurnoverOutput",
    "QueueRowOutput",
    "QuoteDeclineInputRequest",
    "QuoteDeclineReasonEnum",
    "QuoteOfferedPayload",
    "QuoteOfferedWebhook",
    "QuoteOfferedWebhookEvent",
    "QuoteOutput",
    "QuoteOutputTerms",
    "QuoteStateEnum",
    "Reason",
    "ReasonCodesEnum",
    "RecoveryLedgerOutput",
    "RecoveryOutput",
    "RecoveryPayload",
    "RecoveryPhaseEnum",
    "RecoveryRecordedWebhook",
    "RecoveryRecordedWebhookEvent",
    "RecoverySharingRuleEnum",
    "RecoverySourceEnum",
    "ReinstateInputRequest",
    "RelationInputRequest",
    "ReleaseInputRequest",
    "RenewalOfferOutput",
    "RenewalOfferOutputStateEnum",
    "RenewalOfferOutputTermChanges",
    "RiskCheck",
    "RiskCheckInputRequest",
    "ScorecardOutput",
    "ScorecardOutputBuyerExposureCapType0",
    "ScorecardOutputMaxAutomaticAmount",
    "SourceEnum",
    "StateEnum",
    "StatementImportInputRequest",
    "StatementInputRequest",
    "StatementOutput",
    "StatusEnum",
    "SuggestionOutput",
    "TermsVersionOutput",
    "TransitionOutput",
    "TurnoverDeclarationInputRequest",
    "TurnoverDeclarationOutput",
    "TypeEnum",
    "Utilisation",
    "V1ClaimsListCause",
    "V1ClaimsListState",
    "V1CollectionCasesListStatus",
    "V1ExposureRetrieveBy",
    "V1InsurerBuyersListStatus",
    "V1InsurerClaimsListState",
    "V1InsurerExposureRetrieveBy",
    "V1InsurerOverduesListState",
    "V1InsurerPoliciesListStatus",
    "V1InsurerProposalsListState",
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
