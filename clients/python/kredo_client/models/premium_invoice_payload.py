from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.premium_invoice_payload_kind import PremiumInvoicePayloadKind
from ..models.premium_invoice_payload_state import PremiumInvoicePayloadState

if TYPE_CHECKING:
    from ..models.money_payload import MoneyPayload


T = TypeVar("T", bound="PremiumInvoicePayload")


@_attrs_define
class PremiumInvoicePayload:
    """`data` of the premium.* webhooks.

    Attributes:
        invoice_id (int):
        policy (str): The policy number.
        policy_id (int):
        kind (PremiumInvoicePayloadKind): * `deposit` - Deposit premium
            * `turnover` - Turnover premium
            * `minimum_adjustment` - Minimum premium adjustment
            * `credit_limit_fee` - Credit-limit fees
            * `profit_share_credit` - Profit share credit
        period_start (datetime.date):
        period_end (datetime.date):
        amount (MoneyPayload):
        issued_on (datetime.date):
        due_on (datetime.date):
        reminded_on (datetime.date | None):
        state (PremiumInvoicePayloadState): * `open` - Open
            * `paid` - Paid
            * `cancelled` - Cancelled
    """

    invoice_id: int
    policy: str
    policy_id: int
    kind: PremiumInvoicePayloadKind
    period_start: datetime.date
    period_end: datetime.date
    amount: MoneyPayload
    issued_on: datetime.date
    due_on: datetime.date
    reminded_on: datetime.date | None
    state: PremiumInvoicePayloadState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice_id = self.invoice_id

        policy = self.policy

        policy_id = self.policy_id

        kind = self.kind.value

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        amount = self.amount.to_dict()

        issued_on = self.issued_on.isoformat()

        due_on = self.due_on.isoformat()

        reminded_on: None | str
        if isinstance(self.reminded_on, datetime.date):
            reminded_on = self.reminded_on.isoformat()
        else:
            reminded_on = self.reminded_on

        state = self.state.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice_id": invoice_id,
                "policy": policy,
                "policy_id": policy_id,
                "kind": kind,
                "period_start": period_start,
                "period_end": period_end,
                "amount": amount,
                "issued_on": issued_on,
                "due_on": due_on,
                "reminded_on": reminded_on,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_payload import MoneyPayload  # noqa: PLC0415

        d = dict(src_dict)
        invoice_id = d.pop("invoice_id")

        policy = d.pop("policy")

        policy_id = d.pop("policy_id")

        kind = PremiumInvoicePayloadKind(d.pop("kind"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        amount = MoneyPayload.from_dict(d.pop("amount"))

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        def _parse_reminded_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reminded_on_type_0 = datetime.date.fromisoformat(data)

                return reminded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        reminded_on = _parse_reminded_on(d.pop("reminded_on"))

        state = PremiumInvoicePayloadState(d.pop("state"))

        premium_invoice_payload = cls(
            invoice_id=invoice_id,
            policy=policy,
            policy_id=policy_id,
            kind=kind,
            period_start=period_start,
            period_end=period_end,
            amount=amount,
            issued_on=issued_on,
            due_on=due_on,
            reminded_on=reminded_on,
            state=state,
        )

        premium_invoice_payload.additional_properties = d
        return premium_invoice_payload

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
