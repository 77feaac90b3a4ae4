from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """
    Attributes:
        id (int):
        claim (int):
        kind (str):
        original_name (str):
        uploaded_at (datetime.datetime):
    """

    id: int
    claim: int
    kind: str
    original_name: str
    uploaded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        claim = self.claim

        kind = self.kind

        original_name = self.original_name

        uploaded_at = self.uploaded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "claim": claim,
                "kind": kind,
                "original_name": original_name,
                "uploaded_at": uploaded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        claim = d.pop("claim")

        kind = d.pop("kind")

        original_name = d.pop("original_name")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        document = cls(
            id=id,
            claim=claim,
            kind=kind,
            original_name=original_name,
            uploaded_at=uploaded_at,
        )

        document.additional_properties = d
        return document

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
