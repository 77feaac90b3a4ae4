from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PolicyEndorsedPayload")


@_attrs_define
class PolicyEndorsedPayload:
    """`data` of the policy.endorsed webhook: which terms changed, from which day (read the policy for them all).

    Attributes:
        policy_id (int):
        policy (str): The policy number.
        version_id (int):
        effective_from (datetime.date): The first shipment day the new terms apply to.
        changed_terms (list[str]): The names of the terms the endorsement changed.
        reason (str):
    """

    policy_id: int
    policy: str
    version_id: int
    effective_from: datetime.date
    changed_terms: list[str]
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy_id = self.policy_id

        policy = self.policy

        version_id = self.version_id

        effective_from = self.effective_from.isoformat()

        changed_terms = self.changed_terms

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy_id": policy_id,
                "policy": policy,
                "version_id": version_id,
                "effective_from": effective_from,
                "changed_terms": changed_terms,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        policy_id = d.pop("policy_id")

        policy = d.pop("policy")

        version_id = d.pop("version_id")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        changed_terms = cast(list[str], d.pop("changed_terms"))

        reason = d.pop("reason")

        policy_endorsed_payload = cls(
            policy_id=policy_id,
            policy=policy,
            version_id=version_id,
            effective_from=effective_from,
            changed_terms=changed_terms,
            reason=reason,
        )

        policy_endorsed_payload.additional_properties = d
        return policy_endorsed_payload

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
