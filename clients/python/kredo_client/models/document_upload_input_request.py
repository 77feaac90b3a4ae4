from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.claim_document_kind_enum import ClaimDocumentKindEnum
from ..types import File

T = TypeVar("T", bound="DocumentUploadInputRequest")


@_attrs_define
class DocumentUploadInputRequest:
    """
    Attributes:
        kind (ClaimDocumentKindEnum): * `contract` - Contract or purchase order
            * `invoices` - Invoices
            * `proof_of_delivery` - Proof of delivery
            * `dunning` - Dunning correspondence
            * `debt_acknowledgement` - Debt acknowledgement
            * `decree` - Insolvency decree (court or administrator)
            * `proof_of_debt` - Proof of debt lodged
            * `official_document` - Official document of the political event
            * `other` - Other
        file (File): PDF, PNG, JPEG, TIFF, DOCX, XLSX, EML, CSV or TXT; the size limit is in the error when exceeded.
    """

    kind: ClaimDocumentKindEnum
    file: File
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        file = self.file.to_tuple()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "file": file,
            }
        )

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("kind", (None, str(self.kind.value).encode(), "text/plain")))

        files.append(("file", self.file.to_tuple()))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ClaimDocumentKindEnum(d.pop("kind"))

        file = File(payload=BytesIO(d.pop("file")))

        document_upload_input_request = cls(
            kind=kind,
            file=file,
        )

        document_upload_input_request.additional_properties = d
        return document_upload_input_request

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
