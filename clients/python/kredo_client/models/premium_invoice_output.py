from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.premium_invoice_output_kind_enum import PremiumInvoiceOutputKindEnum
from ..models.premium_invoice_output_state_enum import PremiumInvoiceOutputStateEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="PremiumInvoiceOutput")


@_attrs_define
class PremiumInvoiceOutput:
    """
    Attributes:
        id (int):
        policy (str):
        policy_id (int):
        kind (PremiumInvoiceOutputKindEnum): * `deposit` - Deposit premium
            * `turnover` - Turnover premium
            * `minimum_adjustment` - Minimum premium adjustment
            * `credit_limit_fee` - Credit-limit fees
            * `profit_share_credit` - Profit share credit
        period_start (datetime.date):
        period_end (datetime.date):
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        issued_on (datetime.date):
        due_on (datetime.date):
        state (PremiumInvoiceOutputStateEnum): * `open` - Open
            * `paid` - Paid
            * `cancelled` - Cancelled
        paid (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        reminded_on (datetime.date | None | Unset):
        paid_on (datetime.date | None | Unset):
    """

    id: int
    policy: str
    policy_id: int
    kind: PremiumInvoiceOutputKindEnum
    period_start: datetime.date
    period_end: datetime.date
    amount: Money
    issued_on: datetime.date
    due_on: datetime.date
    state: PremiumInvoiceOutputStateEnum
    paid: Money
    reminded_on: datetime.date | None | Unset = UNSET
    paid_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        policy = self.policy

        policy_id = self.policy_id

        kind = self.kind.value

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        amount = self.amount.to_dict()

        issued_on = self.issued_on.isoformat()

        due_on = self.due_on.isoformat()

        state = self.state.value

        paid = self.paid.to_dict()

        reminded_on: None | str | Unset
        if isinstance(self.reminded_on, Unset):
            reminded_on = UNSET
        elif isinstance(self.reminded_on, datetime.date):
            reminded_on = self.reminded_on.isoformat()
        else:
            reminded_on = self.reminded_on

        paid_on: None | str | Unset
        if isinstance(self.paid_on, Unset):
            paid_on = UNSET
        elif isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "policy": policy,
                "policy_id": policy_id,
                "kind": kind,
                "period_start": period_start,
                "period_end": period_end,
                "amount": amount,
                "issued_on": issued_on,
                "due_on": due_on,
                "state": state,
                "paid": paid,
            }
        )
        if reminded_on is not UNSET:
            field_dict["reminded_on"] = reminded_on
        if paid_on is not UNSET:
            field_dict["paid_on"] = paid_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        policy = d.pop("policy")

        policy_id = d.pop("policy_id")

        kind = PremiumInvoiceOutputKindEnum(d.pop("kind"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        amount = Money.from_dict(d.pop("amount"))

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        state = PremiumInvoiceOutputStateEnum(d.pop("state"))

        paid = Money.from_dict(d.pop("paid"))

        def _parse_reminded_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reminded_on_type_0 = datetime.date.fromisoformat(data)

                return reminded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        reminded_on = _parse_reminded_on(d.pop("reminded_on", UNSET))

        def _parse_paid_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)

                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        paid_on = _parse_paid_on(d.pop("paid_on", UNSET))

        premium_invoice_output = cls(
            id=id,
            policy=policy,
            policy_id=policy_id,
            kind=kind,
            period_start=period_start,
            period_end=period_end,
            amount=amount,
            issued_on=issued_on,
            due_on=due_on,
            state=state,
            paid=paid,
            reminded_on=reminded_on,
            paid_on=paid_on,
        )

        premium_invoice_output.additional_properties = d
        return premium_invoice_output

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
