from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.buyer_kind_enum import BuyerKindEnum

if TYPE_CHECKING:
    from ..models.buyer_identifier_output import BuyerIdentifierOutput


T = TypeVar("T", bound="BuyerOutput")


@_attrs_define
class BuyerOutput:
    """The buyer's identity and grade: never a limit or an amount of any insured.

    Attributes:
        id (int):
        legal_name (str):
        trading_name (str):
        country (str):
        registration_number (str):  Default: ''.
        vat_number (str):
        lei (str):
        sector_nace (str):
        address (str):
        city (str):
        postal_code (str):
        grade (int | None): 1 (best) to 10 (insolvent)
        grade_date (datetime.date | None):
        status (str): `pending` (waiting for identification by the insurer) or `confirmed`.
        kind (BuyerKindEnum): * `company` - Company
            * `private_individual` - Private individual
            * `public_body` - Public buyer (state, local authority, public body)
        identifiers (list[BuyerIdentifierOutput]):
    """

    id: int
    legal_name: str
    trading_name: str
    country: str
    vat_number: str
    lei: str
    sector_nace: str
    address: str
    city: str
    postal_code: str
    grade: int | None
    grade_date: datetime.date | None
    status: str
    kind: BuyerKindEnum
    identifiers: list[BuyerIdentifierOutput]
    registration_number: str = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        legal_name = self.legal_name

        trading_name = self.trading_name

        country = self.country

        registration_number = self.registration_number

        vat_number = self.vat_number

        lei = self.lei

        sector_nace = self.sector_nace

        address = self.address

        city = self.city

        postal_code = self.postal_code

        grade: int | None
        grade = self.grade

        grade_date: None | str
        if isinstance(self.grade_date, datetime.date):
            grade_date = self.grade_date.isoformat()
        else:
            grade_date = self.grade_date

        status = self.status

        kind = self.kind.value

        identifiers = []
        for identifiers_item_data in self.identifiers:
            identifiers_item = identifiers_item_data.to_dict()
            identifiers.append(identifiers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "legal_name": legal_name,
                "trading_name": trading_name,
                "country": country,
                "registration_number": registration_number,
                "vat_number": vat_number,
                "lei": lei,
                "sector_nace": sector_nace,
                "address": address,
                "city": city,
                "postal_code": postal_code,
                "grade": grade,
                "grade_date": grade_date,
                "status": status,
                "kind": kind,
                "identifiers": identifiers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_identifier_output import BuyerIdentifierOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        legal_name = d.pop("legal_name")

        trading_name = d.pop("trading_name")

        country = d.pop("country")

        registration_number = d.pop("registration_number")

        vat_number = d.pop("vat_number")

        lei = d.pop("lei")

        sector_nace = d.pop("sector_nace")

        address = d.pop("address")

        city = d.pop("city")

        postal_code = d.pop("postal_code")

        def _parse_grade(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        grade = _parse_grade(d.pop("grade"))

        def _parse_grade_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grade_date_type_0 = datetime.date.fromisoformat(data)

                return grade_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        grade_date = _parse_grade_date(d.pop("grade_date"))

        status = d.pop("status")

        kind = BuyerKindEnum(d.pop("kind"))

        identifiers = []
        _identifiers = d.pop("identifiers")
        for identifiers_item_data in _identifiers:
            identifiers_item = BuyerIdentifierOutput.from_dict(identifiers_item_data)

            identifiers.append(identifiers_item)

        buyer_output = cls(
            id=id,
            legal_name=legal_name,
            trading_name=trading_name,
            country=country,
            registration_number=registration_number,
            vat_number=vat_number,
            lei=lei,
            sector_nace=sector_nace,
            address=address,
            city=city,
            postal_code=postal_code,
            grade=grade,
            grade_date=grade_date,
            status=status,
            kind=kind,
            identifiers=identifiers,
        )

        buyer_output.additional_properties = d
        return buyer_output

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
