from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="InvoiceInputRequest")


@_attrs_define
class InvoiceInputRequest:
    """
    Attributes:
        number (str): Your invoice number, unique within the overdue.
        invoice_date (datetime.date):
        shipment_date (datetime.date):
        due_date (datetime.date): The original due date (payment terms), not an extension.
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        outstanding (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
    """

    number: str
    invoice_date: datetime.date
    shipment_date: datetime.date
    due_date: datetime.date
    amount: Money
    outstanding: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        invoice_date = self.invoice_date.isoformat()

        shipment_date = self.shipment_date.isoformat()

        due_date = self.due_date.isoformat()

        amount = self.amount.to_dict()

        outstanding = self.outstanding.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "invoice_date": invoice_date,
                "shipment_date": shipment_date,
                "due_date": due_date,
                "amount": amount,
                "outstanding": outstanding,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        number = d.pop("number")

        invoice_date = datetime.date.fromisoformat(d.pop("invoice_date"))

        shipment_date = datetime.date.fromisoformat(d.pop("shipment_date"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        amount = Money.from_dict(d.pop("amount"))

        outstanding = Money.from_dict(d.pop("outstanding"))

        invoice_input_request = cls(
            number=number,
            invoice_date=invoice_date,
            shipment_date=shipment_date,
            due_date=due_date,
            amount=amount,
            outstanding=outstanding,
        )

        invoice_input_request.additional_properties = d
        return invoice_input_request

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
