from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recovery_source_enum import RecoverySourceEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="InsurerRecoveryInputRequest")


@_attrs_define
class InsurerRecoveryInputRequest:
    """
    Attributes:
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        received_on (datetime.date): When the money reached the insurer; not in the future.
        source (RecoverySourceEnum): * `buyer` - Buyer (paid to the insurer)
            * `liquidator` - Liquidator or administrator
            * `collection_agency` - Collection agency
            * `insured_direct` - Received directly by the insured
        note (str | Unset):  Default: ''.
    """

    amount: Money
    received_on: datetime.date
    source: RecoverySourceEnum
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        received_on = self.received_on.isoformat()

        source = self.source.value

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "received_on": received_on,
                "source": source,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        source = RecoverySourceEnum(d.pop("source"))

        note = d.pop("note", UNSET)

        insurer_recovery_input_request = cls(
            amount=amount,
            received_on=received_on,
            source=source,
            note=note,
        )

        insurer_recovery_input_request.additional_properties = d
        return insurer_recovery_input_request

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
