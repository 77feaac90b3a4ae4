from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PolicyIssuedPayload")


@_attrs_define
class PolicyIssuedPayload:
    """`data` of policy.issued: read the policy (`GET /api/v1/policies/{id}/`) for its terms.

    Attributes:
        policy_id (int):
        policy (str): The policy number.
        quote_id (int):
        start_date (datetime.date):
        end_date (datetime.date):
    """

    policy_id: int
    policy: str
    quote_id: int
    start_date: datetime.date
    end_date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy_id = self.policy_id

        policy = self.policy

        quote_id = self.quote_id

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy_id": policy_id,
                "policy": policy,
                "quote_id": quote_id,
                "start_date": start_date,
                "end_date": end_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        policy_id = d.pop("policy_id")

        policy = d.pop("policy")

        quote_id = d.pop("quote_id")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        policy_issued_payload = cls(
            policy_id=policy_id,
            policy=policy,
            quote_id=quote_id,
            start_date=start_date,
            end_date=end_date,
        )

        policy_issued_payload.additional_properties = d
        return policy_issued_payload

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
