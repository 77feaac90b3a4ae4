from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeadlineApproachingPayload")


@_attrs_define
class DeadlineApproachingPayload:
    """`data` of claim.deadline_approaching (claims/reminders.py): a claim window's or a draft's deadlines.

    Attributes:
        overdue_id (int):
        buyer (str): The buyer's legal name.
        policy (str): The policy number.
        kind (str): Which deadline: claim.filing_deadline or overdue.notification_deadline.
        opens (datetime.date | Unset): A claim can be filed from this day.
        closes (datetime.date | Unset): The claim filing deadline.
        oldest_due_date (datetime.date | Unset):
        notification_deadline (datetime.date | Unset):
        max_extension_end (datetime.date | Unset):
    """

    overdue_id: int
    buyer: str
    policy: str
    kind: str
    opens: datetime.date | Unset = UNSET
    closes: datetime.date | Unset = UNSET
    oldest_due_date: datetime.date | Unset = UNSET
    notification_deadline: datetime.date | Unset = UNSET
    max_extension_end: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        overdue_id = self.overdue_id

        buyer = self.buyer

        policy = self.policy

        kind = self.kind

        opens: str | Unset = UNSET
        if not isinstance(self.opens, Unset):
            opens = self.opens.isoformat()

        closes: str | Unset = UNSET
        if not isinstance(self.closes, Unset):
            closes = self.closes.isoformat()

        oldest_due_date: str | Unset = UNSET
        if not isinstance(self.oldest_due_date, Unset):
            oldest_due_date = self.oldest_due_date.isoformat()

        notification_deadline: str | Unset = UNSET
        if not isinstance(self.notification_deadline, Unset):
            notification_deadline = self.notification_deadline.isoformat()

        max_extension_end: str | Unset = UNSET
        if not isinstance(self.max_extension_end, Unset):
            max_extension_end = self.max_extension_end.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "overdue_id": overdue_id,
                "buyer": buyer,
                "policy": policy,
                "kind": kind,
            }
        )
        if opens is not UNSET:
            field_dict["opens"] = opens
        if closes is not UNSET:
            field_dict["closes"] = closes
        if oldest_due_date is not UNSET:
            field_dict["oldest_due_date"] = oldest_due_date
        if notification_deadline is not UNSET:
            field_dict["notification_deadline"] = notification_deadline
        if max_extension_end is not UNSET:
            field_dict["max_extension_end"] = max_extension_end

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        overdue_id = d.pop("overdue_id")

        buyer = d.pop("buyer")

        policy = d.pop("policy")

        kind = d.pop("kind")

        _opens = d.pop("opens", UNSET)
        opens: datetime.date | Unset
        if isinstance(_opens, Unset):
            opens = UNSET
        else:
            opens = datetime.date.fromisoformat(_opens)

        _closes = d.pop("closes", UNSET)
        closes: datetime.date | Unset
        if isinstance(_closes, Unset):
            closes = UNSET
        else:
            closes = datetime.date.fromisoformat(_closes)

        _oldest_due_date = d.pop("oldest_due_date", UNSET)
        oldest_due_date: datetime.date | Unset
        if isinstance(_oldest_due_date, Unset):
            oldest_due_date = UNSET
        else:
            oldest_due_date = datetime.date.fromisoformat(_oldest_due_date)

        _notification_deadline = d.pop("notification_deadline", UNSET)
        notification_deadline: datetime.date | Unset
        if isinstance(_notification_deadline, Unset):
            notification_deadline = UNSET
        else:
            notification_deadline = datetime.date.fromisoformat(_notification_deadline)

        _max_extension_end = d.pop("max_extension_end", UNSET)
        max_extension_end: datetime.date | Unset
        if isinstance(_max_extension_end, Unset):
            max_extension_end = UNSET
        else:
            max_extension_end = datetime.date.fromisoformat(_max_extension_end)

        deadline_approaching_payload = cls(
            overdue_id=overdue_id,
            buyer=buyer,
            policy=policy,
            kind=kind,
            opens=opens,
            closes=closes,
            oldest_due_date=oldest_due_date,
            notification_deadline=notification_deadline,
            max_extension_end=max_extension_end,
        )

        deadline_approaching_payload.additional_properties = d
        return deadline_approaching_payload

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
