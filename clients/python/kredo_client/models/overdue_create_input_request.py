from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice_input_request import InvoiceInputRequest


T = TypeVar("T", bound="OverdueCreateInputRequest")


@_attrs_define
class OverdueCreateInputRequest:
    """
    Attributes:
        policy (int): Id of one of your policies in force, or ended with shipments in run-off.
        buyer (int): Buyer id.
        invoices (list[InvoiceInputRequest]):
        reference (str | Unset):  Default: ''.
        draft (bool | Unset): Save as a draft: the invoices are watched, not notified to the insurer (no cover stop,
            nothing late) until you POST to `/overdues/{id}/notify/`. Default: False.
    """

    policy: int
    buyer: int
    invoices: list[InvoiceInputRequest]
    reference: str | Unset = ""
    draft: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy = self.policy

        buyer = self.buyer

        invoices = []
        for invoices_item_data in self.invoices:
            invoices_item = invoices_item_data.to_dict()
            invoices.append(invoices_item)

        reference = self.reference

        draft = self.draft

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy": policy,
                "buyer": buyer,
                "invoices": invoices,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference
        if draft is not UNSET:
            field_dict["draft"] = draft

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_input_request import InvoiceInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        policy = d.pop("policy")

        buyer = d.pop("buyer")

        invoices = []
        _invoices = d.pop("invoices")
        for invoices_item_data in _invoices:
            invoices_item = InvoiceInputRequest.from_dict(invoices_item_data)

            invoices.append(invoices_item)

        reference = d.pop("reference", UNSET)

        draft = d.pop("draft", UNSET)

        overdue_create_input_request = cls(
            policy=policy,
            buyer=buyer,
            invoices=invoices,
            reference=reference,
            draft=draft,
        )

        overdue_create_input_request.additional_properties = d
        return overdue_create_input_request

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
