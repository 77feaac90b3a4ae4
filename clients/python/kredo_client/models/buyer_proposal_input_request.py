from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BuyerProposalInputRequest")


@_attrs_define
class BuyerProposalInputRequest:
    """
    Attributes:
        legal_name (str):
        country (str): ISO 3166-1 alpha-2 code.
        trading_name (str | Unset):  Default: ''.
        registration_number (str | Unset): National registration number; give it or the VAT number. Default: ''.
        vat_number (str | Unset):  Default: ''.
        lei (str | Unset):  Default: ''.
        sector_nace (str | Unset):  Default: ''.
        address (str | Unset):  Default: ''.
        city (str | Unset):  Default: ''.
        postal_code (str | Unset):  Default: ''.
    """

    legal_name: str
    country: str
    trading_name: str | Unset = ""
    registration_number: str | Unset = ""
    vat_number: str | Unset = ""
    lei: str | Unset = ""
    sector_nace: str | Unset = ""
    address: str | Unset = ""
    city: str | Unset = ""
    postal_code: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        legal_name = self.legal_name

        country = self.country

        trading_name = self.trading_name

        registration_number = self.registration_number

        vat_number = self.vat_number

        lei = self.lei

        sector_nace = self.sector_nace

        address = self.address

        city = self.city

        postal_code = self.postal_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "legal_name": legal_name,
                "country": country,
            }
        )
        if trading_name is not UNSET:
            field_dict["trading_name"] = trading_name
        if registration_number is not UNSET:
            field_dict["registration_number"] = registration_number
        if vat_number is not UNSET:
            field_dict["vat_number"] = vat_number
        if lei is not UNSET:
            field_dict["lei"] = lei
        if sector_nace is not UNSET:
            field_dict["sector_nace"] = sector_nace
        if address is not UNSET:
            field_dict["address"] = address
        if city is not UNSET:
            field_dict["city"] = city
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        legal_name = d.pop("legal_name")

        country = d.pop("country")

        trading_name = d.pop("trading_name", UNSET)

        registration_number = d.pop("registration_number", UNSET)

        vat_number = d.pop("vat_number", UNSET)

        lei = d.pop("lei", UNSET)

        sector_nace = d.pop("sector_nace", UNSET)

        address = d.pop("address", UNSET)

        city = d.pop("city", UNSET)

        postal_code = d.pop("postal_code", UNSET)

        buyer_proposal_input_request = cls(
            legal_name=legal_name,
            country=country,
            trading_name=trading_name,
            registration_number=registration_number,
            vat_number=vat_number,
            lei=lei,
            sector_nace=sector_nace,
            address=address,
            city=city,
            postal_code=postal_code,
        )

        buyer_proposal_input_request.additional_properties = d
        return buyer_proposal_input_request

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
