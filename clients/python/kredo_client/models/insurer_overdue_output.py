from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.overdue_state_enum import OverdueStateEnum

if TYPE_CHECKING:
    from ..models.buyer_summary import BuyerSummary
    from ..models.money import Money


T = TypeVar("T", bound="InsurerOverdueOutput")


@_attrs_define
class InsurerOverdueOutput:
    """
    Attributes:
        id (int):
        reference (str):
        state (OverdueStateEnum): * `draft` - Draft: not notified yet
            * `open` - Open
            * `cleared` - Cleared (paid)
            * `claimed` - Claim filed
        policy (str):
        policy_id (int):
        buyer (BuyerSummary):
        currency (str):
        notified_on (datetime.date | None): Null while a draft: not notified yet.
        notification_deadline (datetime.date | None): A draft's last day to notify in time (oldest unpaid invoice); null
            once notified or if nothing is unpaid.
        cleared_on (datetime.date | None):
        total_outstanding (Money | None):
        invoice_count (int):
        late_invoices (int): Invoices notified late and not waived: not covered.
        created_at (datetime.datetime):
        tenant_id (int):
        tenant (str): The insured's legal name.
    """

    id: int
    reference: str
    state: OverdueStateEnum
    policy: str
    policy_id: int
    buyer: BuyerSummary
    currency: str
    notified_on: datetime.date | None
    notification_deadline: datetime.date | None
    cleared_on: datetime.date | None
    total_outstanding: Money | None
    invoice_count: int
    late_invoices: int
    created_at: datetime.datetime
    tenant_id: int
    tenant: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        id = self.id

        reference = self.reference

        state = self.state.value

        policy = self.policy

        policy_id = self.policy_id

        buyer = self.buyer.to_dict()

        currency = self.currency

        notified_on: None | str
        if isinstance(self.notified_on, datetime.date):
            notified_on = self.notified_on.isoformat()
        else:
            notified_on = self.notified_on

        notification_deadline: None | str
        if isinstance(self.notification_deadline, datetime.date):
            notification_deadline = self.notification_deadline.isoformat()
        else:
            notification_deadline = self.notification_deadline

        cleared_on: None | str
        if isinstance(self.cleared_on, datetime.date):
            cleared_on = self.cleared_on.isoformat()
        else:
            cleared_on = self.cleared_on

        total_outstanding: dict[str, Any] | None
        if isinstance(self.total_outstanding, Money):
            total_outstanding = self.total_outstanding.to_dict()
        else:
            total_outstanding = self.total_outstanding

        invoice_count = self.invoice_count

        late_invoices = self.late_invoices

        created_at = self.created_at.isoformat()

        tenant_id = self.tenant_id

        tenant = self.tenant

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "state": state,
                "policy": policy,
                "policy_id": policy_id,
                "buyer": buyer,
                "currency": currency,
                "notified_on": notified_on,
                "notification_deadline": notification_deadline,
                "cleared_on": cleared_on,
                "total_outstanding": total_outstanding,
                "invoice_count": invoice_count,
                "late_invoices": late_invoices,
                "created_at": created_at,
                "tenant_id": tenant_id,
                "tenant": tenant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_summary import BuyerSummary  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        reference = d.pop("reference")

        state = OverdueStateEnum(d.pop("state"))

        policy = d.pop("policy")

        policy_id = d.pop("policy_id")

        buyer = BuyerSummary.from_dict(d.pop("buyer"))

        currency = d.pop("currency")

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

        def _parse_notification_deadline(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notification_deadline_type_0 = datetime.date.fromisoformat(data)

                return notification_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        notification_deadline = _parse_notification_deadline(d.pop("notification_deadline"))

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

        def _parse_total_outstanding(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                total_outstanding_type_0 = Money.from_dict(data)

                return total_outstanding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        total_outstanding = _parse_total_outstanding(d.pop("total_outstanding"))

        invoice_count = d.pop("invoice_count")

        late_invoices = d.pop("late_invoices")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        tenant_id = d.pop("tenant_id")

        tenant = d.pop("tenant")

        insurer_overdue_output = cls(
            id=id,
            reference=reference,
            state=state,
            policy=policy,
            policy_id=policy_id,
            buyer=buyer,
            currency=currency,
            notified_on=notified_on,
            notification_deadline=notification_deadline,
            cleared_on=cleared_on,
            total_outstanding=total_outstanding,
            invoice_count=invoice_count,
            late_invoices=late_invoices,
            created_at=created_at,
            tenant_id=tenant_id,
            tenant=tenant,
        )

        insurer_overdue_output.additional_properties = d
        return insurer_overdue_output

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
