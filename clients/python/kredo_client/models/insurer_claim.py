from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="InsurerClaim")


@_attrs_define
class InsurerClaim:
    """
    Attributes:
        id (int):
        reference (str):
        cause (str):
        state (str):
        filed_on (datetime.date | None):
        date_of_loss (datetime.date):
        paid_amount (Money | None):
        paid_on (datetime.date | None):
        tenant (str):
    """

    id: int
    reference: str
    cause: str
    state: str
    filed_on: datetime.date | None
    date_of_loss: datetime.date
    paid_amount: Money | None
    paid_on: datetime.date | None
    tenant: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        id = self.id

        reference = self.reference

        cause = self.cause

        state = self.state

        filed_on: None | str
        if isinstance(self.filed_on, datetime.date):
            filed_on = self.filed_on.isoformat()
        else:
            filed_on = self.filed_on

        date_of_loss = self.date_of_loss.isoformat()

        paid_amount: dict[str, Any] | None
        if isinstance(self.paid_amount, Money):
            paid_amount = self.paid_amount.to_dict()
        else:
            paid_amount = self.paid_amount

        paid_on: None | str
        if isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        tenant = self.tenant

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "cause": cause,
                "state": state,
                "filed_on": filed_on,
                "date_of_loss": date_of_loss,
                "paid_amount": paid_amount,
                "paid_on": paid_on,
                "tenant": tenant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        reference = d.pop("reference")

        cause = d.pop("cause")

        state = d.pop("state")

        def _parse_filed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filed_on_type_0 = datetime.date.fromisoformat(data)

                return filed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        filed_on = _parse_filed_on(d.pop("filed_on"))

        date_of_loss = datetime.date.fromisoformat(d.pop("date_of_loss"))

        def _parse_paid_amount(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                paid_amount_type_0 = Money.from_dict(data)

                return paid_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        paid_amount = _parse_paid_amount(d.pop("paid_amount"))

        def _parse_paid_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)

                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        paid_on = _parse_paid_on(d.pop("paid_on"))

        tenant = d.pop("tenant")

        insurer_claim = cls(
            id=id,
            reference=reference,
            cause=cause,
            state=state,
            filed_on=filed_on,
            date_of_loss=date_of_loss,
            paid_amount=paid_amount,
            paid_on=paid_on,
            tenant=tenant,
        )

        insurer_claim.additional_properties = d
        return insurer_claim

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
