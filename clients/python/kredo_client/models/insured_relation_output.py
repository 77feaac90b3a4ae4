from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InsuredRelationOutput")


@_attrs_define
class InsuredRelationOutput:
    """
    Attributes:
        id (int):
        tenant_id (int): The insured.
        buyer_id (int):
        buyer (str): The buyer's legal name.
        note (str): e.g. a subsidiary, the parent company, a common shareholder.
        created_at (datetime.datetime):
    """

    id: int
    tenant_id: int
    buyer_id: int
    buyer: str
    note: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = self.tenant_id

        buyer_id = self.buyer_id

        buyer = self.buyer

        note = self.note

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "buyer_id": buyer_id,
                "buyer": buyer,
                "note": note,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        buyer_id = d.pop("buyer_id")

        buyer = d.pop("buyer")

        note = d.pop("note")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        insured_relation_output = cls(
            id=id,
            tenant_id=tenant_id,
            buyer_id=buyer_id,
            buyer=buyer,
            note=note,
            created_at=created_at,
        )

        insured_relation_output.additional_properties = d
        return insured_relation_output

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
