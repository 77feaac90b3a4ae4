from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="Overdue")


@_attrs_define
class Overdue:
    """
    Attributes:
        id (int):
        reference (str):
        policy (str):
        state (str):
        notified_on (datetime.date | None):
        cleared_on (datetime.date | None):
        invoice_count (int):
        unpaid (Money | None):
    """

    id: int
    reference: str
    policy: str
    state: str
    notified_on: datetime.date | None
    cleared_on: datetime.date | None
    invoice_count: int
    unpaid: Money | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        id = self.id

        reference = self.reference

        policy = self.policy

        state = self.state

        notified_on: None | str
        if isinstance(self.notified_on, datetime.date):
            notified_on = self.notified_on.isoformat()
        else:
            notified_on = self.notified_on

        cleared_on: None | str
        if isinstance(self.cleared_on, datetime.date):
            cleared_on = self.cleared_on.isoformat()
        else:
            cleared_on = self.cleared_on

        invoice_count = self.invoice_count

        unpaid: dict[str, Any] | None
        if isinstance(self.unpaid, Money):
            unpaid = self.unpaid.to_dict()
        else:
            unpaid = self.unpaid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "policy": policy,
                "state": state,
                "notified_on": notified_on,
                "cleared_on": cleared_on,
                "invoice_count": invoice_count,
                "unpaid": unpaid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        reference = d.pop("reference")

        policy = d.pop("policy")

        state = d.pop("state")

        def _parse_notified_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notified_on_type_0 = datetime.date.fromisoformat(data)

                return notified_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        notified_on = _parse_notified_on(d.pop("notified_on"))

        def _parse_cleared_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cleared_on_type_0 = datetime.date.fromisoformat(data)

                return cleared_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        cleared_on = _parse_cleared_on(d.pop("cleared_on"))

        invoice_count = d.pop("invoice_count")

        def _parse_unpaid(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                unpaid_type_0 = Money.from_dict(data)

                return unpaid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        unpaid = _parse_unpaid(d.pop("unpaid"))

        overdue = cls(
            id=id,
            reference=reference,
            policy=policy,
            state=state,
            notified_on=notified_on,
            cleared_on=cleared_on,
            invoice_count=invoice_count,
            unpaid=unpaid,
        )

        overdue.additional_properties = d
        return overdue

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
