from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PolicyRenewedPayload")


@_attrs_define
class PolicyRenewedPayload:
    """`data` of the policy.renewed webhook: the new period, and which terms changed from its first day.

    Attributes:
        policy_id (int):
        policy (str): The policy number.
        period (int): The new period's number (1 is the first).
        start (datetime.date):
        end (datetime.date): The new period's last day.
        changed_terms (list[str]): Terms the renewal changed, from the new period's first day.
    """

    policy_id: int
    policy: str
    period: int
    start: datetime.date
    end: datetime.date
    changed_terms: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy_id = self.policy_id

        policy = self.policy

        period = self.period

        start = self.start.isoformat()

        end = self.end.isoformat()

        changed_terms = self.changed_terms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy_id": policy_id,
                "policy": policy,
                "period": period,
                "start": start,
                "end": end,
                "changed_terms": changed_terms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        policy_id = d.pop("policy_id")

        policy = d.pop("policy")

        period = d.pop("period")

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        changed_terms = cast(list[str], d.pop("changed_terms"))

        policy_renewed_payload = cls(
            policy_id=policy_id,
            policy=policy,
            period=period,
            start=start,
            end=end,
            changed_terms=changed_terms,
        )

        policy_renewed_payload.additional_properties = d
        return policy_renewed_payload

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
