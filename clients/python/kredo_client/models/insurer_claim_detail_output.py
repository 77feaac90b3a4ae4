from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_cause_enum import ClaimCauseEnum
from ..models.claim_state_enum import ClaimStateEnum

if TYPE_CHECKING:
    from ..models.buyer_summary import BuyerSummary
    from ..models.calculation_output import CalculationOutput
    from ..models.checklist_item_output import ChecklistItemOutput
    from ..models.document_request_output import DocumentRequestOutput
    from ..models.insurer_document_output import InsurerDocumentOutput
    from ..models.money import Money
    from ..models.next_deadline_output import NextDeadlineOutput
    from ..models.paid_to_output import PaidToOutput
    from ..models.transition_output import TransitionOutput


T = TypeVar("T", bound="InsurerClaimDetailOutput")


@_attrs_define
class InsurerClaimDetailOutput:
    """What the admin review page shows: the insured's view of the claim, plus the live calculation.

    Attributes:
        id (int):
        reference (str):
        state (ClaimStateEnum): * `draft` - Draft
            * `submitted` - Submitted
            * `incomplete` - Incomplete: documents missing
            * `complete` - Complete
            * `approved` - Approved
            * `paid` - Paid
            * `rejected` - Rejected
            * `withdrawn` - Withdrawn
        state_label (str):
        cause (ClaimCauseEnum): * `insolvency` - Insolvency
            * `protracted_default` - Protracted default
            * `political` - Political event
        policy (str):
        policy_id (int):
        buyer (BuyerSummary):
        overdue_id (int):
        currency (str):
        event_date (datetime.date | None): Insolvency or political event; null otherwise.
        date_of_loss (datetime.date):
        filed_on (datetime.date | None):
        complete_on (datetime.date | None): The payment clock starts on this day.
        payment_due_on (datetime.date | None):
        calculated_indemnity (Money | None):
        approved_indemnity (Money | None):
        paid_amount (Money | None):
        paid_on (datetime.date | None):
        next_deadline (NextDeadlineOutput | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        recovered_before_payment (Money | None):
        paid_to (None | PaidToOutput): The bank paid as loss payee; null: the insured.
        override_reason (str): Why the approved indemnity differs from the calculation.
        rejection_reason (str):
        payment_reference (str):
        checklist (list[ChecklistItemOutput]):
        document_requests (list[DocumentRequestOutput]):
        documents (list[InsurerDocumentOutput]):
        transitions (list[TransitionOutput]):
        calculation (CalculationOutput):
        tenant_id (int):
        tenant (str): The insured's legal name.
        payment_late (bool): Complete or approved, and unpaid past `payment_due_on`.
        live_calculation (CalculationOutput | None): The indemnity calculated now from the file, as it would be
            approved; null once approved or paid (`calculation` is then the snapshot of the decision).
    """

    id: int
    reference: str
    state: ClaimStateEnum
    state_label: str
    cause: ClaimCauseEnum
    policy: str
    policy_id: int
    buyer: BuyerSummary
    overdue_id: int
    currency: str
    event_date: datetime.date | None
    date_of_loss: datetime.date
    filed_on: datetime.date | None
    complete_on: datetime.date | None
    payment_due_on: datetime.date | None
    calculated_indemnity: Money | None
    approved_indemnity: Money | None
    paid_amount: Money | None
    paid_on: datetime.date | None
    next_deadline: NextDeadlineOutput | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    recovered_before_payment: Money | None
    paid_to: None | PaidToOutput
    override_reason: str
    rejection_reason: str
    payment_reference: str
    checklist: list[ChecklistItemOutput]
    document_requests: list[DocumentRequestOutput]
    documents: list[InsurerDocumentOutput]
    transitions: list[TransitionOutput]
    calculation: CalculationOutput
    tenant_id: int
    tenant: str
    payment_late: bool
    live_calculation: CalculationOutput | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.calculation_output import CalculationOutput  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415
        from ..models.next_deadline_output import NextDeadlineOutput  # noqa: PLC0415
        from ..models.paid_to_output import PaidToOutput  # noqa: PLC0415

        id = self.id

        reference = self.reference

        state = self.state.value

        state_label = self.state_label

        cause = self.cause.value

        policy = self.policy

        policy_id = self.policy_id

        buyer = self.buyer.to_dict()

        overdue_id = self.overdue_id

        currency = self.currency

        event_date: None | str
        if isinstance(self.event_date, datetime.date):
            event_date = self.event_date.isoformat()
        else:
            event_date = self.event_date

        date_of_loss = self.date_of_loss.isoformat()

        filed_on: None | str
        if isinstance(self.filed_on, datetime.date):
            filed_on = self.filed_on.isoformat()
        else:
            filed_on = self.filed_on

        complete_on: None | str
        if isinstance(self.complete_on, datetime.date):
            complete_on = self.complete_on.isoformat()
        else:
            complete_on = self.complete_on

        payment_due_on: None | str
        if isinstance(self.payment_due_on, datetime.date):
            payment_due_on = self.payment_due_on.isoformat()
        else:
            payment_due_on = self.payment_due_on

        calculated_indemnity: dict[str, Any] | None
        if isinstance(self.calculated_indemnity, Money):
            calculated_indemnity = self.calculated_indemnity.to_dict()
        else:
            calculated_indemnity = self.calculated_indemnity

        approved_indemnity: dict[str, Any] | None
        if isinstance(self.approved_indemnity, Money):
            approved_indemnity = self.approved_indemnity.to_dict()
        else:
            approved_indemnity = self.approved_indemnity

        paid_amount: dict[str, Any] | None
        if isinstance(self.paid_amount, Money):
            paid_amount = self.paid_amount.to_dict()
        else:
            paid_amount = self.paid_amount

        paid_on: None | str
        if isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        next_deadline: dict[str, Any] | None
        if isinstance(self.next_deadline, NextDeadlineOutput):
            next_deadline = self.next_deadline.to_dict()
        else:
            next_deadline = self.next_deadline

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        recovered_before_payment: dict[str, Any] | None
        if isinstance(self.recovered_before_payment, Money):
            recovered_before_payment = self.recovered_before_payment.to_dict()
        else:
            recovered_before_payment = self.recovered_before_payment

        paid_to: dict[str, Any] | None
        if isinstance(self.paid_to, PaidToOutput):
            paid_to = self.paid_to.to_dict()
        else:
            paid_to = self.paid_to

        override_reason = self.override_reason

        rejection_reason = self.rejection_reason

        payment_reference = self.payment_reference

        checklist = []
        for checklist_item_data in self.checklist:
            checklist_item = checklist_item_data.to_dict()
            checklist.append(checklist_item)

        document_requests = []
        for document_requests_item_data in self.document_requests:
            document_requests_item = document_requests_item_data.to_dict()
            document_requests.append(document_requests_item)

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        transitions = []
        for transitions_item_data in self.transitions:
            transitions_item = transitions_item_data.to_dict()
            transitions.append(transitions_item)

        calculation = self.calculation.to_dict()

        tenant_id = self.tenant_id

        tenant = self.tenant

        payment_late = self.payment_late

        live_calculation: dict[str, Any] | None
        if isinstance(self.live_calculation, CalculationOutput):
            live_calculation = self.live_calculation.to_dict()
        else:
            live_calculation = self.live_calculation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "state": state,
                "state_label": state_label,
                "cause": cause,
                "policy": policy,
                "policy_id": policy_id,
                "buyer": buyer,
                "overdue_id": overdue_id,
                "currency": currency,
                "event_date": event_date,
                "date_of_loss": date_of_loss,
                "filed_on": filed_on,
                "complete_on": complete_on,
                "payment_due_on": payment_due_on,
                "calculated_indemnity": calculated_indemnity,
                "approved_indemnity": approved_indemnity,
                "paid_amount": paid_amount,
                "paid_on": paid_on,
                "next_deadline": next_deadline,
                "created_at": created_at,
                "updated_at": updated_at,
                "recovered_before_payment": recovered_before_payment,
                "paid_to": paid_to,
                "override_reason": override_reason,
                "rejection_reason": rejection_reason,
                "payment_reference": payment_reference,
                "checklist": checklist,
                "document_requests": document_requests,
                "documents": documents,
                "transitions": transitions,
                "calculation": calculation,
                "tenant_id": tenant_id,
                "tenant": tenant,
                "payment_late": payment_late,
                "live_calculation": live_calculation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_summary import BuyerSummary  # noqa: PLC0415
        from ..models.calculation_output import CalculationOutput  # noqa: PLC0415
        from ..models.checklist_item_output import ChecklistItemOutput  # noqa: PLC0415
        from ..models.document_request_output import DocumentRequestOutput  # noqa: PLC0415
        from ..models.insurer_document_output import InsurerDocumentOutput  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415
        from ..models.next_deadline_output import NextDeadlineOutput  # noqa: PLC0415
        from ..models.paid_to_output import PaidToOutput  # noqa: PLC0415
        from ..models.transition_output import TransitionOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        reference = d.pop("reference")

        state = ClaimStateEnum(d.pop("state"))

        state_label = d.pop("state_label")

        cause = ClaimCauseEnum(d.pop("cause"))

        policy = d.pop("policy")

        policy_id = d.pop("policy_id")

        buyer = BuyerSummary.from_dict(d.pop("buyer"))

        overdue_id = d.pop("overdue_id")

        currency = d.pop("currency")

        def _parse_event_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                event_date_type_0 = datetime.date.fromisoformat(data)

                return event_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        event_date = _parse_event_date(d.pop("event_date"))

        date_of_loss = datetime.date.fromisoformat(d.pop("date_of_loss"))

        def _parse_filed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filed_on_type_0 = datetime.date.fromisoformat(data)

                return filed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        filed_on = _parse_filed_on(d.pop("filed_on"))

        def _parse_complete_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                complete_on_type_0 = datetime.date.fromisoformat(data)

                return complete_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        complete_on = _parse_complete_on(d.pop("complete_on"))

        def _parse_payment_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payment_due_on_type_0 = datetime.date.fromisoformat(data)

                return payment_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        payment_due_on = _parse_payment_due_on(d.pop("payment_due_on"))

        def _parse_calculated_indemnity(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                calculated_indemnity_type_0 = Money.from_dict(data)

                return calculated_indemnity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        calculated_indemnity = _parse_calculated_indemnity(d.pop("calculated_indemnity"))

        def _parse_approved_indemnity(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                approved_indemnity_type_0 = Money.from_dict(data)

                return approved_indemnity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        approved_indemnity = _parse_approved_indemnity(d.pop("approved_indemnity"))

        def _parse_paid_amount(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                paid_amount_type_0 = Money.from_dict(data)

                return paid_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        paid_amount = _parse_paid_amount(d.pop("paid_amount"))

        def _parse_paid_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)

                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        paid_on = _parse_paid_on(d.pop("paid_on"))

        def _parse_next_deadline(data: object) -> NextDeadlineOutput | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_deadline_type_0 = NextDeadlineOutput.from_dict(data)

                return next_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NextDeadlineOutput | None, data)

        next_deadline = _parse_next_deadline(d.pop("next_deadline"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_recovered_before_payment(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recovered_before_payment_type_0 = Money.from_dict(data)

                return recovered_before_payment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        recovered_before_payment = _parse_recovered_before_payment(d.pop("recovered_before_payment"))

        def _parse_paid_to(data: object) -> None | PaidToOutput:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                paid_to_type_0 = PaidToOutput.from_dict(data)

                return paid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PaidToOutput, data)

        paid_to = _parse_paid_to(d.pop("paid_to"))

        override_reason = d.pop("override_reason")

        rejection_reason = d.pop("rejection_reason")

        payment_reference = d.pop("payment_reference")

        checklist = []
        _checklist = d.pop("checklist")
        for checklist_item_data in _checklist:
            checklist_item = ChecklistItemOutput.from_dict(checklist_item_data)

            checklist.append(checklist_item)

        document_requests = []
        _document_requests = d.pop("document_requests")
        for document_requests_item_data in _document_requests:
            document_requests_item = DocumentRequestOutput.from_dict(document_requests_item_data)

            document_requests.append(document_requests_item)

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = InsurerDocumentOutput.from_dict(documents_item_data)

            documents.append(documents_item)

        transitions = []
        _transitions = d.pop("transitions")
        for transitions_item_data in _transitions:
            transitions_item = TransitionOutput.from_dict(transitions_item_data)

            transitions.append(transitions_item)

        calculation = CalculationOutput.from_dict(d.pop("calculation"))

        tenant_id = d.pop("tenant_id")

        tenant = d.pop("tenant")

        payment_late = d.pop("payment_late")

        def _parse_live_calculation(data: object) -> CalculationOutput | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                live_calculation_type_0 = CalculationOutput.from_dict(data)

                return live_calculation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CalculationOutput | None, data)

        live_calculation = _parse_live_calculation(d.pop("live_calculation"))

        insurer_claim_detail_output = cls(
            id=id,
            reference=reference,
            state=state,
            state_label=state_label,
            cause=cause,
            policy=policy,
            policy_id=policy_id,
            buyer=buyer,
            overdue_id=overdue_id,
            currency=currency,
            event_date=event_date,
            date_of_loss=date_of_loss,
            filed_on=filed_on,
            complete_on=complete_on,
            payment_due_on=payment_due_on,
            calculated_indemnity=calculated_indemnity,
            approved_indemnity=approved_indemnity,
            paid_amount=paid_amount,
            paid_on=paid_on,
            next_deadline=next_deadline,
            created_at=created_at,
            updated_at=updated_at,
            recovered_before_payment=recovered_before_payment,
            paid_to=paid_to,
            override_reason=override_reason,
            rejection_reason=rejection_reason,
            payment_reference=payment_reference,
            checklist=checklist,
            document_requests=document_requests,
            documents=documents,
            transitions=transitions,
            calculation=calculation,
            tenant_id=tenant_id,
            tenant=tenant,
            payment_late=payment_late,
            live_calculation=live_calculation,
        )

        insurer_claim_detail_output.additional_properties = d
        return insurer_claim_detail_output

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
