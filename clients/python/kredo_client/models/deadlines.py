from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Deadlines")


@_attrs_define
class Deadlines:
    """
    Attributes:
        due_date (datetime.date):
        max_extension_end (datetime.date):
        notification_deadline (datetime.date):
        waiting_period_end (datetime.date):
        claim_filing_deadline (datetime.date):
    """

    due_date: datetime.date
    max_extension_end: datetime.date
    notification_deadline: datetime.date
    waiting_period_end: datetime.date
    claim_filing_deadline: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        due_date = self.due_date.isoformat()

        max_extension_end = self.max_extension_end.isoformat()

        notification_deadline = self.notification_deadline.isoformat()

        waiting_period_end = self.waiting_period_end.isoformat()

        claim_filing_deadline = self.claim_filing_deadline.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "due_date": due_date,
                "max_extension_end": max_extension_end,
                "notification_deadline": notification_deadline,
                "waiting_period_end": waiting_period_end,
                "claim_filing_deadline": claim_filing_deadline,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        max_extension_end = datetime.date.fromisoformat(d.pop("max_extension_end"))

        notification_deadline = datetime.date.fromisoformat(d.pop("notification_deadline"))

        waiting_period_end = datetime.date.fromisoformat(d.pop("waiting_period_end"))

        claim_filing_deadline = datetime.date.fromisoformat(d.pop("claim_filing_deadline"))

        deadlines = cls(
            due_date=due_date,
            max_extension_end=max_extension_end,
            notification_deadline=notification_deadline,
            waiting_period_end=waiting_period_end,
            claim_filing_deadline=claim_filing_deadline,
        )

        deadlines.additional_properties = d
        return deadlines

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
