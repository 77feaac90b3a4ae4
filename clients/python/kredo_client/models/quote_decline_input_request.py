from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quote_decline_reason_enum import QuoteDeclineReasonEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="QuoteDeclineInputRequest")


@_attrs_define
class QuoteDeclineInputRequest:
    """
    Attributes:
        reason (QuoteDeclineReasonEnum): * `premium` - The premium is too high
            * `terms` - The terms do not fit
            * `other_insurer` - Insured elsewhere
            * `no_longer_needed` - Cover no longer needed
            * `other` - Other
        note (str | Unset):  Default: ''.
    """

    reason: QuoteDeclineReasonEnum
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = QuoteDeclineReasonEnum(d.pop("reason"))

        note = d.pop("note", UNSET)

        quote_decline_input_request = cls(
            reason=reason,
            note=note,
        )

        quote_decline_input_request.additional_properties = d
        return quote_decline_input_request

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
