from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_document_kind_enum import ClaimDocumentKindEnum

T = TypeVar("T", bound="DocumentOutput")


@_attrs_define
class DocumentOutput:
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
        name (str):
        size (int): In bytes.
        content_type (str):
        uploaded_at (datetime.datetime):
        download_url (str):
    """

    id: int
    kind: ClaimDocumentKindEnum
    name: str
    size: int
    content_type: str
    uploaded_at: datetime.datetime
    download_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        name = self.name

        size = self.size

        content_type = self.content_type

        uploaded_at = self.uploaded_at.isoformat()

        download_url = self.download_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "name": name,
                "size": size,
                "content_type": content_type,
                "uploaded_at": uploaded_at,
                "download_url": download_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = ClaimDocumentKindEnum(d.pop("kind"))

        name = d.pop("name")

        size = d.pop("size")

        content_type = d.pop("content_type")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        download_url = d.pop("download_url")

        document_output = cls(
            id=id,
            kind=kind,
            name=name,
            size=size,
            content_type=content_type,
            uploaded_at=uploaded_at,
            download_url=download_url,
        )

        document_output.additional_properties = d
        return document_output

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
