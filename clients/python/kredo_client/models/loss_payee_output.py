from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LossPayeeOutput")


@_attrs_define
class LossPayeeOutput:
    """A financing bank the indemnity is assigned to: on one buyer, or on the whole policy (`buyer` null).

    Attributes:
        id (int):
        bank_name (str):
        iban (str):
        bic (str):
        buyer_id (int | None): Null: every buyer without its own assignment.
        effective_from (datetime.date):
        ended_on (datetime.date | None): The last day it applies; null while it runs.
    """

    id: int
    bank_name: str
    iban: str
    bic: str
    buyer_id: int | None
    effective_from: datetime.date
    ended_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        bank_name = self.bank_name

        iban = self.iban

        bic = self.bic

        buyer_id: int | None
        buyer_id = self.buyer_id

        effective_from = self.effective_from.isoformat()

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "bank_name": bank_name,
                "iban": iban,
                "bic": bic,
                "buyer_id": buyer_id,
                "effective_from": effective_from,
                "ended_on": ended_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        bank_name = d.pop("bank_name")

        iban = d.pop("iban")

        bic = d.pop("bic")

        def _parse_buyer_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        buyer_id = _parse_buyer_id(d.pop("buyer_id"))

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        loss_payee_output = cls(
            id=id,
            bank_name=bank_name,
            iban=iban,
            bic=bic,
            buyer_id=buyer_id,
            effective_from=effective_from,
            ended_on=ended_on,
        )

        loss_payee_output.additional_properties = d
        return loss_payee_output

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
