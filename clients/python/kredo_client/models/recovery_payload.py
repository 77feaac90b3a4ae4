from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money_payload import MoneyPayload


T = TypeVar("T", bound="RecoveryPayload")


@_attrs_define
class RecoveryPayload:
    """`data` of recovery.recorded.

    Attributes:
        claim_id (int):
        recovery_id (int):
        source (str):
        phase (str):
        amount (MoneyPayload):
        received_on (datetime.date):
    """

    claim_id: int
    recovery_id: int
    source: str
    phase: str
    amount: MoneyPayload
    received_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim_id = self.claim_id

        recovery_id = self.recovery_id

        source = self.source

        phase = self.phase

        amount = self.amount.to_dict()

        received_on = self.received_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_id": claim_id,
                "recovery_id": recovery_id,
                "source": source,
                "phase": phase,
                "amount": amount,
                "received_on": received_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_payload import MoneyPayload  # noqa: PLC0415

        d = dict(src_dict)
        claim_id = d.pop("claim_id")

        recovery_id = d.pop("recovery_id")

        source = d.pop("source")

        phase = d.pop("phase")

        amount = MoneyPayload.from_dict(d.pop("amount"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        recovery_payload = cls(
            claim_id=claim_id,
            recovery_id=recovery_id,
            source=source,
            phase=phase,
            amount=amount,
            received_on=received_on,
        )

        recovery_payload.additional_properties = d
        return recovery_payload

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
