from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.insurer_endorsement_input_request_changes import InsurerEndorsementInputRequestChanges


T = TypeVar("T", bound="InsurerEndorsementInputRequest")


@_attrs_define
class InsurerEndorsementInputRequest:
    """
    Attributes:
        effective_from (datetime.date): The first shipment day the new terms apply to.
        reason (str):
        changes (InsurerEndorsementInputRequestChanges): The terms that change, by name, with their new values.
    """

    effective_from: datetime.date
    reason: str
    changes: InsurerEndorsementInputRequestChanges
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        reason = self.reason

        changes = self.changes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effective_from": effective_from,
                "reason": reason,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.insurer_endorsement_input_request_changes import InsurerEndorsementInputRequestChanges  # noqa: PLC0415

        d = dict(src_dict)
        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        reason = d.pop("reason")

        changes = InsurerEndorsementInputRequestChanges.from_dict(d.pop("changes"))

        insurer_endorsement_input_request = cls(
            effective_from=effective_from,
            reason=reason,
            changes=changes,
        )

        insurer_endorsement_input_request.additional_properties = d
        return insurer_endorsement_input_request

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
