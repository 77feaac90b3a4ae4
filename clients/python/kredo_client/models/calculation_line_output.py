from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="CalculationLineOutput")


@_attrs_define
class CalculationLineOutput:
    """
    Attributes:
        invoice (str): Invoice number.
        shipment_date (datetime.date):
        outstanding (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        after_recoveries (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        limit_in_force (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        limit_available (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        covered (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
        percentage_of_cover (str):
        indemnity (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
        notes (list[str]): In the request's language (Accept-Language).
    """

    invoice: str
    shipment_date: datetime.date
    outstanding: Money
    after_recoveries: Money
    limit_in_force: Money
    limit_available: Money
    covered: Money
    percentage_of_cover: str
    indemnity: Money
    notes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice = self.invoice

        shipment_date = self.shipment_date.isoformat()

        outstanding = self.outstanding.to_dict()

        after_recoveries = self.after_recoveries.to_dict()

        limit_in_force = self.limit_in_force.to_dict()

        limit_available = self.limit_available.to_dict()

        covered = self.covered.to_dict()

        percentage_of_cover = self.percentage_of_cover

        indemnity = self.indemnity.to_dict()

        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice": invoice,
                "shipment_date": shipment_date,
                "outstanding": outstanding,
                "after_recoveries": after_recoveries,
                "limit_in_force": limit_in_force,
                "limit_available": limit_available,
                "covered": covered,
                "percentage_of_cover": percentage_of_cover,
                "indemnity": indemnity,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        invoice = d.pop("invoice")

        shipment_date = datetime.date.fromisoformat(d.pop("shipment_date"))

        outstanding = Money.from_dict(d.pop("outstanding"))

        after_recoveries = Money.from_dict(d.pop("after_recoveries"))

        limit_in_force = Money.from_dict(d.pop("limit_in_force"))

        limit_available = Money.from_dict(d.pop("limit_available"))

        covered = Money.from_dict(d.pop("covered"))

        percentage_of_cover = d.pop("percentage_of_cover")

        indemnity = Money.from_dict(d.pop("indemnity"))

        notes = cast(list[str], d.pop("notes"))

        calculation_line_output = cls(
            invoice=invoice,
            shipment_date=shipment_date,
            outstanding=outstanding,
            after_recoveries=after_recoveries,
            limit_in_force=limit_in_force,
            limit_available=limit_available,
            covered=covered,
            percentage_of_cover=percentage_of_cover,
            indemnity=indemnity,
            notes=notes,
        )

        calculation_line_output.additional_properties = d
        return calculation_line_output

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
