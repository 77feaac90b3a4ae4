from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TransitionOutput")


@_attrs_define
class TransitionOutput:
    """
    Attributes:
        source (str): State before; empty when the claim was opened.
        target (str): State after.
        at (datetime.datetime):
        note (str):
        by_insurer (bool): True when the insurer's staff moved the claim, false for your users and the system.
    """

    source: str
    target: str
    at: datetime.datetime
    note: str
    by_insurer: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        target = self.target

        at = self.at.isoformat()

        note = self.note

        by_insurer = self.by_insurer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "target": target,
                "at": at,
                "note": note,
                "by_insurer": by_insurer,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        target = d.pop("target")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        note = d.pop("note")

        by_insurer = d.pop("by_insurer")

        transition_output = cls(
            source=source,
            target=target,
            at=at,
            note=note,
            by_insurer=by_insurer,
        )

        transition_output.additional_properties = d
        return transition_output

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
