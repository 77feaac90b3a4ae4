from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.allocation_output import AllocationOutput
    from ..models.money import Money


T = TypeVar("T", bound="PaymentOutput")


@_attrs_define
class PaymentOutput:
    """
    Attributes:
        id (int):
        received_on (datetime.date):
        amount (Money | None):
        designated_invoice (int | None):
        allocations (list[AllocationOutput]):
    """

    id: int
    received_on: datetime.date
    amount: Money | None
    designated_invoice: int | None
    allocations: list[AllocationOutput]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        id = self.id

        received_on = self.received_on.isoformat()

        amount: dict[str, Any] | None
        if isinstance(self.amount, Money):
            amount = self.amount.to_dict()
        else:
            amount = self.amount

        designated_invoice: int | None
        designated_invoice = self.designated_invoice

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "received_on": received_on,
                "amount": amount,
                "designated_invoice": designated_invoice,
                "allocations": allocations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocation_output import AllocationOutput  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        def _parse_amount(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                amount_type_0 = Money.from_dict(data)

                return amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_designated_invoice(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        designated_invoice = _parse_designated_invoice(d.pop("designated_invoice"))

        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in _allocations:
            allocations_item = AllocationOutput.from_dict(allocations_item_data)

            allocations.append(allocations_item)

        payment_output = cls(
            id=id,
            received_on=received_on,
            amount=amount,
            designated_invoice=designated_invoice,
            allocations=allocations,
        )

        payment_output.additional_properties = d
        return payment_output

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
