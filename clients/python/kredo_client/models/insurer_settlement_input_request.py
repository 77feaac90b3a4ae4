from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="InsurerSettlementInputRequest")


@_attrs_define
class InsurerSettlementInputRequest:
    """
    Attributes:
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        settled_on (datetime.date): Not in the future.
        to_insurer (bool): `true`: the insured paid the insurer its share of money it received directly; `false`: the
            insurer paid the insured its share of what the insurer recovered.
        reference (str | Unset):  Default: ''.
    """

    amount: Money
    settled_on: datetime.date
    to_insurer: bool
    reference: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        settled_on = self.settled_on.isoformat()

        to_insurer = self.to_insurer

        reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "settled_on": settled_on,
                "to_insurer": to_insurer,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        settled_on = datetime.date.fromisoformat(d.pop("settled_on"))

        to_insurer = d.pop("to_insurer")

        reference = d.pop("reference", UNSET)

        insurer_settlement_input_request = cls(
            amount=amount,
            settled_on=settled_on,
            to_insurer=to_insurer,
            reference=reference,
        )

        insurer_settlement_input_request.additional_properties = d
        return insurer_settlement_input_request

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
