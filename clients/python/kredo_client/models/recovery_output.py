from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recovery_phase_enum import RecoveryPhaseEnum
from ..models.recovery_source_enum import RecoverySourceEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="RecoveryOutput")


@_attrs_define
class RecoveryOutput:
    """
    Attributes:
        id (int):
        claim_id (int):
        received_on (datetime.date):
        amount (Money | None):
        source (RecoverySourceEnum): * `buyer` - Buyer (paid to the insurer)
            * `liquidator` - Liquidator or administrator
            * `collection_agency` - Collection agency
            * `insured_direct` - Received directly by the insured
        phase (RecoveryPhaseEnum): * `before_payment` - Before the indemnity was paid
            * `after_payment` - After the indemnity was paid
        created_at (datetime.datetime):
        note (str | Unset):
    """

    id: int
    claim_id: int
    received_on: datetime.date
    amount: Money | None
    source: RecoverySourceEnum
    phase: RecoveryPhaseEnum
    created_at: datetime.datetime
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        id = self.id

        claim_id = self.claim_id

        received_on = self.received_on.isoformat()

        amount: dict[str, Any] | None
        if isinstance(self.amount, Money):
            amount = self.amount.to_dict()
        else:
            amount = self.amount

        source = self.source.value

        phase = self.phase.value

        created_at = self.created_at.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "claim_id": claim_id,
                "received_on": received_on,
                "amount": amount,
                "source": source,
                "phase": phase,
                "created_at": created_at,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        claim_id = d.pop("claim_id")

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

        source = RecoverySourceEnum(d.pop("source"))

        phase = RecoveryPhaseEnum(d.pop("phase"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        note = d.pop("note", UNSET)

        recovery_output = cls(
            id=id,
            claim_id=claim_id,
            received_on=received_on,
            amount=amount,
            source=source,
            phase=phase,
            created_at=created_at,
            note=note,
        )

        recovery_output.additional_properties = d
        return recovery_output

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
