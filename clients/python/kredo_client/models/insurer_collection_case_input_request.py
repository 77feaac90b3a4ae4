from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collection_status_enum import CollectionStatusEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="InsurerCollectionCaseInputRequest")


@_attrs_define
class InsurerCollectionCaseInputRequest:
    """
    Attributes:
        status (CollectionStatusEnum | Unset): * `in_collection` - In collection
            * `payment_plan` - Payment plan agreed
            * `legal_action` - Legal action
            * `closed` - Closed
        agency (str | Unset): Collection agency or lawyer; used when the case is opened. Default: ''.
        note (str | Unset): The latest note, shown to the insured. Default: ''.
    """

    status: CollectionStatusEnum | Unset = UNSET
    agency: str | Unset = ""
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        agency = self.agency

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if agency is not UNSET:
            field_dict["agency"] = agency
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _status = d.pop("status", UNSET)
        status: CollectionStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = CollectionStatusEnum(_status)

        agency = d.pop("agency", UNSET)

        note = d.pop("note", UNSET)

        insurer_collection_case_input_request = cls(
            status=status,
            agency=agency,
            note=note,
        )

        insurer_collection_case_input_request.additional_properties = d
        return insurer_collection_case_input_request

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
