from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.deadlines_output import DeadlinesOutput
    from ..models.money import Money


T = TypeVar("T", bound="InvoiceOutput")


@_attrs_define
class InvoiceOutput:
    """
    Attributes:
        id (int):
        number (str):
        invoice_date (datetime.date):
        shipment_date (datetime.date):
        due_date (datetime.date): The original due date.
        extended_due_date (datetime.date | None):
        extension_consented (bool):
        extension_pending_consent (bool): An extension beyond the maximum is recorded but does not move the deadlines
            until the insurer consents.
        amount (Money | None):
        outstanding (Money | None):
        notified_late (bool):
        lateness_waived (bool):
        deadlines (DeadlinesOutput):
    """

    id: int
    number: str
    invoice_date: datetime.date
    shipment_date: datetime.date
    due_date: datetime.date
    extended_due_date: datetime.date | None
    extension_consented: bool
    extension_pending_consent: bool
    amount: Money | None
    outstanding: Money | None
    notified_late: bool
    lateness_waived: bool
    deadlines: DeadlinesOutput
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        id = self.id

        number = self.number

        invoice_date = self.invoice_date.isoformat()

        shipment_date = self.shipment_date.isoformat()

        due_date = self.due_date.isoformat()

        extended_due_date: None | str
        if isinstance(self.extended_due_date, datetime.date):
            extended_due_date = self.extended_due_date.isoformat()
        else:
            extended_due_date = self.extended_due_date

        extension_consented = self.extension_consented

        extension_pending_consent = self.extension_pending_consent

        amount: dict[str, Any] | None
        if isinstance(self.amount, Money):
            amount = self.amount.to_dict()
        else:
            amount = self.amount

        outstanding: dict[str, Any] | None
        if isinstance(self.outstanding, Money):
            outstanding = self.outstanding.to_dict()
        else:
            outstanding = self.outstanding

        notified_late = self.notified_late

        lateness_waived = self.lateness_waived

        deadlines = self.deadlines.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "invoice_date": invoice_date,
                "shipment_date": shipment_date,
                "due_date": due_date,
                "extended_due_date": extended_due_date,
                "extension_consented": extension_consented,
                "extension_pending_consent": extension_pending_consent,
                "amount": amount,
                "outstanding": outstanding,
                "notified_late": notified_late,
                "lateness_waived": lateness_waived,
                "deadlines": deadlines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deadlines_output import DeadlinesOutput  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        invoice_date = datetime.date.fromisoformat(d.pop("invoice_date"))

        shipment_date = datetime.date.fromisoformat(d.pop("shipment_date"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_extended_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                extended_due_date_type_0 = datetime.date.fromisoformat(data)

                return extended_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        extended_due_date = _parse_extended_due_date(d.pop("extended_due_date"))

        extension_consented = d.pop("extension_consented")

        extension_pending_consent = d.pop("extension_pending_consent")

        def _parse_amount(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                amount_type_0 = Money.from_dict(data)

                return amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_outstanding(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                outstanding_type_0 = Money.from_dict(data)

                return outstanding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        outstanding = _parse_outstanding(d.pop("outstanding"))

        notified_late = d.pop("notified_late")

        lateness_waived = d.pop("lateness_waived")

        deadlines = DeadlinesOutput.from_dict(d.pop("deadlines"))

        invoice_output = cls(
            id=id,
            number=number,
            invoice_date=invoice_date,
            shipment_date=shipment_date,
            due_date=due_date,
            extended_due_date=extended_due_date,
            extension_consented=extension_consented,
            extension_pending_consent=extension_pending_consent,
            amount=amount,
            outstanding=outstanding,
            notified_late=notified_late,
            lateness_waived=lateness_waived,
            deadlines=deadlines,
        )

        invoice_output.additional_properties = d
        return invoice_output

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
