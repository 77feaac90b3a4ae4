from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.claim_buyer import ClaimBuyer
    from ..models.money_payload import MoneyPayload


T = TypeVar("T", bound="ClaimTransitionPayload")


@_attrs_define
class ClaimTransitionPayload:
    """`data` of claim.state_changed: the claim, the state it left and the handler's note.

    Attributes:
        claim_id (int):
        reference (str): The insured's own reference.
        policy (str): The policy number.
        buyer (ClaimBuyer):
        overdue_id (int):
        cause (str):
        state (str):
        date_of_loss (datetime.date):
        filed_on (datetime.date | None):
        complete_on (datetime.date | None):
        payment_due_on (datetime.date | None):
        calculated_indemnity (MoneyPayload | None):
        approved_indemnity (MoneyPayload | None):
        paid_amount (MoneyPayload | None):
        paid_on (datetime.date | None):
        previous_state (str):
        note (str):
    """

    claim_id: int
    reference: str
    policy: str
    buyer: ClaimBuyer
    overdue_id: int
    cause: str
    state: str
    date_of_loss: datetime.date
    filed_on: datetime.date | None
    complete_on: datetime.date | None
    payment_due_on: datetime.date | None
    calculated_indemnity: MoneyPayload | None
    approved_indemnity: MoneyPayload | None
    paid_amount: MoneyPayload | None
    paid_on: datetime.date | None
    previous_state: str
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money_payload import MoneyPayload  # noqa: PLC0415

        claim_id = self.claim_id

        reference = self.reference

        policy = self.policy

        buyer = self.buyer.to_dict()

        overdue_id = self.overdue_id

        cause = self.cause

        state = self.state

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
        if isinstance(self.calculated_indemnity, MoneyPayload):
            calculated_indemnity = self.calculated_indemnity.to_dict()
        else:
            calculated_indemnity = self.calculated_indemnity

        approved_indemnity: dict[str, Any] | None
        if isinstance(self.approved_indemnity, MoneyPayload):
            approved_indemnity = self.approved_indemnity.to_dict()
        else:
            approved_indemnity = self.approved_indemnity

        paid_amount: dict[str, Any] | None
        if isinstance(self.paid_amount, MoneyPayload):
            paid_amount = self.paid_amount.to_dict()
        else:
            paid_amount = self.paid_amount

        paid_on: None | str
        if isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        previous_state = self.previous_state

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_id": claim_id,
                "reference": reference,
                "policy": policy,
                "buyer": buyer,
                "overdue_id": overdue_id,
                "cause": cause,
                "state": state,
                "date_of_loss": date_of_loss,
                "filed_on": filed_on,
                "complete_on": complete_on,
                "payment_due_on": payment_due_on,
                "calculated_indemnity": calculated_indemnity,
                "approved_indemnity": approved_indemnity,
                "paid_amount": paid_amount,
                "paid_on": paid_on,
                "previous_state": previous_state,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_buyer import ClaimBuyer  # noqa: PLC0415
        from ..models.money_payload import MoneyPayload  # noqa: PLC0415

        d = dict(src_dict)
        claim_id = d.pop("claim_id")

        reference = d.pop("reference")

        policy = d.pop("policy")

        buyer = ClaimBuyer.from_dict(d.pop("buyer"))

        overdue_id = d.pop("overdue_id")

        cause = d.pop("cause")

        state = d.pop("state")

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

        def _parse_calculated_indemnity(data: object) -> MoneyPayload | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                calculated_indemnity_type_0 = MoneyPayload.from_dict(data)

                return calculated_indemnity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyPayload | None, data)

        calculated_indemnity = _parse_calculated_indemnity(d.pop("calculated_indemnity"))

        def _parse_approved_indemnity(data: object) -> MoneyPayload | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                approved_indemnity_type_0 = MoneyPayload.from_dict(data)

                return approved_indemnity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyPayload | None, data)

        approved_indemnity = _parse_approved_indemnity(d.pop("approved_indemnity"))

        def _parse_paid_amount(data: object) -> MoneyPayload | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                paid_amount_type_0 = MoneyPayload.from_dict(data)

                return paid_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyPayload | None, data)

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

        previous_state = d.pop("previous_state")

        note = d.pop("note")

        claim_transition_payload = cls(
            claim_id=claim_id,
            reference=reference,
            policy=policy,
            buyer=buyer,
            overdue_id=overdue_id,
            cause=cause,
            state=state,
            date_of_loss=date_of_loss,
            filed_on=filed_on,
            complete_on=complete_on,
            payment_due_on=payment_due_on,
            calculated_indemnity=calculated_indemnity,
            approved_indemnity=approved_indemnity,
            paid_amount=paid_amount,
            paid_on=paid_on,
            previous_state=previous_state,
            note=note,
        )

        claim_transition_payload.additional_properties = d
        return claim_transition_payload

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
