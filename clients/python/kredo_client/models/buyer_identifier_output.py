from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.type_enum import TypeEnum

T = TypeVar("T", bound="BuyerIdentifierOutput")


@_attrs_define
class BuyerIdentifierOutput:
    """
    Attributes:
        type_ (TypeEnum): * `national` - National registration number
            * `vat` - VAT number
            * `lei` - LEI
            * `duns` - D-U-N-S number
            * `insurer` - Other insurer's buyer id
        issuer (str):  Default: ''.
        country (str):
        value (str):
    """

    type_: TypeEnum
    country: str
    value: str
    issuer: str = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        issuer = self.issuer

        country = self.country

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "issuer": issuer,
                "country": country,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = TypeEnum(d.pop("type"))

        issuer = d.pop("issuer")

        country = d.pop("country")

        value = d.pop("value")

        buyer_identifier_output = cls(
            type_=type_,
            issuer=issuer,
            country=country,
            value=value,
        )

        buyer_identifier_output.additional_properties = d
        return buyer_identifier_output

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
