from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CollectionPayload")


@_attrs_define
class CollectionPayload:
    """`data` of collection.status_changed.

    Attributes:
        collection_case_id (int):
        overdue_id (int):
        claim_id (int | None):
        status (str):
        note (str):
        agency (str):
    """

    collection_case_id: int
    overdue_id: int
    claim_id: int | None
    status: str
    note: str
    agency: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        collection_case_id = self.collection_case_id

        overdue_id = self.overdue_id

        claim_id: int | None
        claim_id = self.claim_id

        status = self.status

        note = self.note

        agency = self.agency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "collection_case_id": collection_case_id,
                "overdue_id": overdue_id,
                "claim_id": claim_id,
                "status": status,
                "note": note,
                "agency": agency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        collection_case_id = d.pop("collection_case_id")

        overdue_id = d.pop("overdue_id")

        def _parse_claim_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        claim_id = _parse_claim_id(d.pop("claim_id"))

        status = d.pop("status")

        note = d.pop("note")

        agency = d.pop("agency")

        collection_payload = cls(
            collection_case_id=collection_case_id,
            overdue_id=overdue_id,
            claim_id=claim_id,
            status=status,
            note=note,
            agency=agency,
        )

        collection_payload.additional_properties = d
        return collection_payload

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
