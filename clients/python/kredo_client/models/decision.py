from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.reason import Reason


T = TypeVar("T", bound="Decision")


@_attrs_define
class Decision:
    """
    Attributes:
        kind (str):
        amount (Money | None):
        effective_date (datetime.date):
        reasons (list[Reason]):
        note (str):
        conditions (str):
        automatic (bool):
    """

    kind: str
    amount: Money | None
    effective_date: datetime.date
    reasons: list[Reason]
    note: str
    conditions: str
    automatic: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        kind = self.kind

        amount: dict[str, Any] | None
        if isinstance(self.amount, Money):
            amount = self.amount.to_dict()
        else:
            amount = self.amount

        effective_date = self.effective_date.isoformat()

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        note = self.note

        conditions = self.conditions

        automatic = self.automatic

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "amount": amount,
                "effective_date": effective_date,
                "reasons": reasons,
                "note": note,
                "conditions": conditions,
                "automatic": automatic,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415
        from ..models.reason import Reason  # noqa: PLC0415

        d = dict(src_dict)
        kind = d.pop("kind")

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

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = Reason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        note = d.pop("note")

        conditions = d.pop("conditions")

        automatic = d.pop("automatic")

        decision = cls(
            kind=kind,
            amount=amount,
            effective_date=effective_date,
            reasons=reasons,
            note=note,
            conditions=conditions,
            automatic=automatic,
        )

        decision.additional_properties = d
        return decision

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
