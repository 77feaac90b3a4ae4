from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="PaymentInputRequest")


@_attrs_define
class PaymentInputRequest:
    """
    Attributes:
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        received_on (datetime.date):
        designated_invoice (int | None | Unset): Id of the invoice the buyer designated; without it the oldest unpaid
            invoice is paid first.
    """

    amount: Money
    received_on: datetime.date
    designated_invoice: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        received_on = self.received_on.isoformat()

        designated_invoice: int | None | Unset
        if isinstance(self.designated_invoice, Unset):
            designated_invoice = UNSET
        else:
            designated_invoice = self.designated_invoice

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "received_on": received_on,
            }
        )
        if designated_invoice is not UNSET:
            field_dict["designated_invoice"] = designated_invoice

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        def _parse_designated_invoice(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        designated_invoice = _parse_designated_invoice(d.pop("designated_invoice", UNSET))

        payment_input_request = cls(
            amount=amount,
            received_on=received_on,
            designated_invoice=designated_invoice,
        )

        payment_input_request.additional_properties = d
        return payment_input_request

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
