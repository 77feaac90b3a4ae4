from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_document_kind_enum import ClaimDocumentKindEnum

T = TypeVar("T", bound="DocumentRequestOutput")


@_attrs_define
class DocumentRequestOutput:
    """
    Attributes:
        id (int):
        kind (ClaimDocumentKindEnum): * `contract` - Contract or purchase order
            * `invoices` - Invoices
            * `proof_of_delivery` - Proof of delivery
            * `dunning` - Dunning correspondence
            * `debt_acknowledgement` - Debt acknowledgement
            * `decree` - Insolvency decree (court or administrator)
            * `proof_of_debt` - Proof of debt lodged
            * `official_document` - Official document of the political event
            * `other` - Other
        label (str):
        note (str):
        requested_at (datetime.datetime):
        fulfilled_at (datetime.datetime | None):
    """

    id: int
    kind: ClaimDocumentKindEnum
    label: str
    note: str
    requested_at: datetime.datetime
    fulfilled_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        label = self.label

        note = self.note

        requested_at = self.requested_at.isoformat()

        fulfilled_at: None | str
        if isinstance(self.fulfilled_at, datetime.datetime):
            fulfilled_at = self.fulfilled_at.isoformat()
        else:
            fulfilled_at = self.fulfilled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "label": label,
                "note": note,
                "requested_at": requested_at,
                "fulfilled_at": fulfilled_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = ClaimDocumentKindEnum(d.pop("kind"))

        label = d.pop("label")

        note = d.pop("note")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        def _parse_fulfilled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fulfilled_at_type_0 = datetime.datetime.fromisoformat(data)

                return fulfilled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        fulfilled_at = _parse_fulfilled_at(d.pop("fulfilled_at"))

        document_request_output = cls(
            id=id,
            kind=kind,
            label=label,
            note=note,
            requested_at=requested_at,
            fulfilled_at=fulfilled_at,
        )

        document_request_output.additional_properties = d
        return document_request_output

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
