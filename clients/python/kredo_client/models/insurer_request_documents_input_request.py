from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_document_kind_enum import ClaimDocumentKindEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="InsurerRequestDocumentsInputRequest")


@_attrs_define
class InsurerRequestDocumentsInputRequest:
    """
    Attributes:
        kinds (list[ClaimDocumentKindEnum]): The documents still needed; the insured is told which.
        note (str | Unset): What exactly is missing; shown to the insured. Default: ''.
    """

    kinds: list[ClaimDocumentKindEnum]
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kinds = []
        for kinds_item_data in self.kinds:
            kinds_item = kinds_item_data.value
            kinds.append(kinds_item)

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kinds": kinds,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kinds = []
        _kinds = d.pop("kinds")
        for kinds_item_data in _kinds:
            kinds_item = ClaimDocumentKindEnum(kinds_item_data)

            kinds.append(kinds_item)

        note = d.pop("note", UNSET)

        insurer_request_documents_input_request = cls(
            kinds=kinds,
            note=note,
        )

        insurer_request_documents_input_request.additional_properties = d
        return insurer_request_documents_input_request

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
