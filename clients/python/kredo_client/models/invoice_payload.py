from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money_payload import MoneyPayload


T = TypeVar("T", bound="InvoicePayload")


@_attrs_define
class InvoicePayload:
    """
    Attributes:
        number (str):
        due_date (datetime.date):
        outstanding (MoneyPayload):
        notified_late (bool):
    """

    number: str
    due_date: datetime.date
    outstanding: MoneyPayload
    notified_late: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        due_date = self.due_date.isoformat()

        outstanding = self.outstanding.to_dict()

        notified_late = self.notified_late

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "due_date": due_date,
                "outstanding": outstanding,
                "notified_late": notified_late,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_payload import MoneyPayload  # noqa: PLC0415

        d = dict(src_dict)
        number = d.pop("number")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        outstanding = MoneyPayload.from_dict(d.pop("outstanding"))

        notified_late = d.pop("notified_late")

        invoice_payload = cls(
            number=number,
            due_date=due_date,
            outstanding=outstanding,
            notified_late=notified_late,
        )

        invoice_payload.additional_properties = d
        return invoice_payload

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
