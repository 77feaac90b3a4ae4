from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_payload_kind import DecisionPayloadKind

if TYPE_CHECKING:
    from ..models.money_payload import MoneyPayload


T = TypeVar("T", bound="DecisionPayload")


@_attrs_define
class DecisionPayload:
    """
    Attributes:
        id (int):
        kind (DecisionPayloadKind): * `approved` - Approved
            * `partially_approved` - Partially approved
            * `approved_with_conditions` - Approved with conditions
            * `refused` - Refused
            * `referred` - Referred to an underwriter
            * `discretionary` - Discretionary limit set by the insured
            * `reduced` - Reduced
            * `withdrawn` - Withdrawn
            * `expired` - Expired
            * `cancelled` - Request cancelled by the insured
            * `under_review` - Put under review
        amount (MoneyPayload):
        effective_date (datetime.date):
        reason_codes (list[str]):
        note (str):
        conditions (str):
    """

    id: int
    kind: DecisionPayloadKind
    amount: MoneyPayload
    effective_date: datetime.date
    reason_codes: list[str]
    note: str
    conditions: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        amount = self.amount.to_dict()

        effective_date = self.effective_date.isoformat()

        reason_codes = self.reason_codes

        note = self.note

        conditions = self.conditions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "amount": amount,
                "effective_date": effective_date,
                "reason_codes": reason_codes,
                "note": note,
                "conditions": conditions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_payload import MoneyPayload  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = DecisionPayloadKind(d.pop("kind"))

        amount = MoneyPayload.from_dict(d.pop("amount"))

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        reason_codes = cast(list[str], d.pop("reason_codes"))

        note = d.pop("note")

        conditions = d.pop("conditions")

        decision_payload = cls(
            id=id,
            kind=kind,
            amount=amount,
            effective_date=effective_date,
            reason_codes=reason_codes,
            note=note,
            conditions=conditions,
        )

        decision_payload.additional_properties = d
        return decision_payload

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
