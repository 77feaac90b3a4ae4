from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.given_by_side_enum import GivenBySideEnum
from ..models.policy_notice_kind_enum import PolicyNoticeKindEnum

T = TypeVar("T", bound="PolicyNoticeOutput")


@_attrs_define
class PolicyNoticeOutput:
    """
    Attributes:
        id (int):
        policy_id (int):
        kind (PolicyNoticeKindEnum): * `non_renewal` - Non-renewal
            * `cancellation` - Cancellation
        kind_label (str):
        given_by_side (GivenBySideEnum): * `insured` - the insured
            * `insurer` - the insurer
        given_on (datetime.date):
        effective_on (datetime.date):
        last_covered_day (datetime.date): Shipments up to this day stay covered (run-off).
        reason (str):
    """

    id: int
    policy_id: int
    kind: PolicyNoticeKindEnum
    kind_label: str
    given_by_side: GivenBySideEnum
    given_on: datetime.date
    effective_on: datetime.date
    last_covered_day: datetime.date
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        policy_id = self.policy_id

        kind = self.kind.value

        kind_label = self.kind_label

        given_by_side = self.given_by_side.value

        given_on = self.given_on.isoformat()

        effective_on = self.effective_on.isoformat()

        last_covered_day = self.last_covered_day.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "policy_id": policy_id,
                "kind": kind,
                "kind_label": kind_label,
                "given_by_side": given_by_side,
                "given_on": given_on,
                "effective_on": effective_on,
                "last_covered_day": last_covered_day,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        policy_id = d.pop("policy_id")

        kind = PolicyNoticeKindEnum(d.pop("kind"))

        kind_label = d.pop("kind_label")

        given_by_side = GivenBySideEnum(d.pop("given_by_side"))

        given_on = datetime.date.fromisoformat(d.pop("given_on"))

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        last_covered_day = datetime.date.fromisoformat(d.pop("last_covered_day"))

        reason = d.pop("reason")

        policy_notice_output = cls(
            id=id,
            policy_id=policy_id,
            kind=kind,
            kind_label=kind_label,
            given_by_side=given_by_side,
            given_on=given_on,
            effective_on=effective_on,
            last_covered_day=last_covered_day,
            reason=reason,
        )

        policy_notice_output.additional_properties = d
        return policy_notice_output

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
