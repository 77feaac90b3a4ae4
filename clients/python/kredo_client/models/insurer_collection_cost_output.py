from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collection_cost_kind_enum import CollectionCostKindEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="InsurerCollectionCostOutput")


@_attrs_define
class InsurerCollectionCostOutput:
    """
    Attributes:
        id (int):
        claim_id (int):
        incurred_on (datetime.date):
        kind (CollectionCostKindEnum): * `legal_fees` - Legal fees
            * `agency_commission` - Collection agency commission
            * `other` - Other collection cost
        amount (Money | None):
        created_at (datetime.datetime):
        note (str | Unset):
    """

    id: int
    claim_id: int
    incurred_on: datetime.date
    kind: CollectionCostKindEnum
    amount: Money | None
    created_at: datetime.datetime
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        id = self.id

        claim_id = self.claim_id

        incurred_on = self.incurred_on.isoformat()

        kind = self.kind.value

        amount: dict[str, Any] | None
        if isinstance(self.amount, Money):
            amount = self.amount.to_dict()
        else:
            amount = self.amount

        created_at = self.created_at.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "claim_id": claim_id,
                "incurred_on": incurred_on,
                "kind": kind,
                "amount": amount,
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

        incurred_on = datetime.date.fromisoformat(d.pop("incurred_on"))

        kind = CollectionCostKindEnum(d.pop("kind"))

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

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        note = d.pop("note", UNSET)

        insurer_collection_cost_output = cls(
            id=id,
            claim_id=claim_id,
            incurred_on=incurred_on,
            kind=kind,
            amount=amount,
            created_at=created_at,
            note=note,
        )

        insurer_collection_cost_output.additional_properties = d
        return insurer_collection_cost_output

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
