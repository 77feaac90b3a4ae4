from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="PaidInvoice")


@_attrs_define
class PaidInvoice:
    """
    Attributes:
        number (str):
        amount (Money | None):
        due_date (datetime.date): The due date, extended with consent.
        paid_on (datetime.date):
        days_beyond_terms (int):
    """

    number: str
    amount: Money | None
    due_date: datetime.date
    paid_on: datetime.date
    days_beyond_terms: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        number = self.number

        amount: dict[str, Any] | None
        if isinstance(self.amount, Money):
            amount = self.amount.to_dict()
        else:
            amount = self.amount

        due_date = self.due_date.isoformat()

        paid_on = self.paid_on.isoformat()

        days_beyond_terms = self.days_beyond_terms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "amount": amount,
                "due_date": due_date,
                "paid_on": paid_on,
                "days_beyond_terms": days_beyond_terms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        number = d.pop("number")

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

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        days_beyond_terms = d.pop("days_beyond_terms")

        paid_invoice = cls(
            number=number,
            amount=amount,
            due_date=due_date,
            paid_on=paid_on,
            days_beyond_terms=days_beyond_terms,
        )

        paid_invoice.additional_properties = d
        return paid_invoice

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
