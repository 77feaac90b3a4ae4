from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_document_kind_enum import ClaimDocumentKindEnum

T = TypeVar("T", bound="ChecklistItemOutput")


@_attrs_define
class ChecklistItemOutput:
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
        label (str):
        required (bool): Required for the claim's cause.
        requested (bool): Asked for by the claims handler and not provided since.
        provided (int): Documents of this kind on file.
        satisfied (bool):
    """

    kind: ClaimDocumentKindEnum
    label: str
    required: bool
    requested: bool
    provided: int
    satisfied: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        label = self.label

        required = self.required

        requested = self.requested

        provided = self.provided

        satisfied = self.satisfied

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "label": label,
                "required": required,
                "requested": requested,
                "provided": provided,
                "satisfied": satisfied,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ClaimDocumentKindEnum(d.pop("kind"))

        label = d.pop("label")

        required = d.pop("required")

        requested = d.pop("requested")

        provided = d.pop("provided")

        satisfied = d.pop("satisfied")

        checklist_item_output = cls(
            kind=kind,
            label=label,
            required=required,
            requested=requested,
            provided=provided,
            satisfied=satisfied,
        )

        checklist_item_output.additional_properties = d
        return checklist_item_output

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
