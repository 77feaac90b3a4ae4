from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.buyer_payload import BuyerPayload
    from ..models.invoice_payload import InvoicePayload
    from ..models.money_payload import MoneyPayload


T = TypeVar("T", bound="OverduePayload")


@_attrs_define
class OverduePayload:
    """`data` of the overdue.* webhooks (overdue_payload below).

    Attributes:
        overdue_id (int):
        reference (str): The insured's own reference.
        policy (str): The policy number.
        buyer (BuyerPayload):
        state (str):
        notified_on (datetime.date | None):
        cleared_on (datetime.date | None):
        outstanding (MoneyPayload):
        invoices (list[InvoicePayload]):
        cover_stopped_from (datetime.date | Unset): overdue.notified only.
        cover_reinstated_on (datetime.date | Unset): overdue.cover_reinstated only.
    """

    overdue_id: int
    reference: str
    policy: str
    buyer: BuyerPayload
    state: str
    notified_on: datetime.date | None
    cleared_on: datetime.date | None
    outstanding: MoneyPayload
    invoices: list[InvoicePayload]
    cover_stopped_from: datetime.date | Unset = UNSET
    cover_reinstated_on: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        overdue_id = self.overdue_id

        reference = self.reference

        policy = self.policy

        buyer = self.buyer.to_dict()

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

        outstanding = self.outstanding.to_dict()

        invoices = []
        for invoices_item_data in self.invoices:
            invoices_item = invoices_item_data.to_dict()
            invoices.append(invoices_item)

        cover_stopped_from: str | Unset = UNSET
        if not isinstance(self.cover_stopped_from, Unset):
            cover_stopped_from = self.cover_stopped_from.isoformat()

        cover_reinstated_on: str | Unset = UNSET
        if not isinstance(self.cover_reinstated_on, Unset):
            cover_reinstated_on = self.cover_reinstated_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "overdue_id": overdue_id,
                "reference": reference,
                "policy": policy,
                "buyer": buyer,
                "state": state,
                "notified_on": notified_on,
                "cleared_on": cleared_on,
                "outstanding": outstanding,
                "invoices": invoices,
            }
        )
        if cover_stopped_from is not UNSET:
            field_dict["cover_stopped_from"] = cover_stopped_from
        if cover_reinstated_on is not UNSET:
            field_dict["cover_reinstated_on"] = cover_reinstated_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_payload import BuyerPayload  # noqa: PLC0415
        from ..models.invoice_payload import InvoicePayload  # noqa: PLC0415
        from ..models.money_payload import MoneyPayload  # noqa: PLC0415

        d = dict(src_dict)
        overdue_id = d.pop("overdue_id")

        reference = d.pop("reference")

        policy = d.pop("policy")

        buyer = BuyerPayload.from_dict(d.pop("buyer"))

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

        outstanding = MoneyPayload.from_dict(d.pop("outstanding"))

        invoices = []
        _invoices = d.pop("invoices")
        for invoices_item_data in _invoices:
            invoices_item = InvoicePayload.from_dict(invoices_item_data)

            invoices.append(invoices_item)

        _cover_stopped_from = d.pop("cover_stopped_from", UNSET)
        cover_stopped_from: datetime.date | Unset
        if isinstance(_cover_stopped_from, Unset):
            cover_stopped_from = UNSET
        else:
            cover_stopped_from = datetime.date.fromisoformat(_cover_stopped_from)

        _cover_reinstated_on = d.pop("cover_reinstated_on", UNSET)
        cover_reinstated_on: datetime.date | Unset
        if isinstance(_cover_reinstated_on, Unset):
            cover_reinstated_on = UNSET
        else:
            cover_reinstated_on = datetime.date.fromisoformat(_cover_reinstated_on)

        overdue_payload = cls(
            overdue_id=overdue_id,
            reference=reference,
            policy=policy,
            buyer=buyer,
            state=state,
            notified_on=notified_on,
            cleared_on=cleared_on,
            outstanding=outstanding,
            invoices=invoices,
            cover_stopped_from=cover_stopped_from,
            cover_reinstated_on=cover_reinstated_on,
        )

        overdue_payload.additional_properties = d
        return overdue_payload

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
