from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer_change_input_request_term_changes import OfferChangeInputRequestTermChanges


T = TypeVar("T", bound="OfferChangeInputRequest")


@_attrs_define
class OfferChangeInputRequest:
    """
    Attributes:
        premium_rate_percent (str | Unset):
        term_changes (OfferChangeInputRequestTermChanges | Unset): Term name -> value, e.g.
            {"percentage_of_cover_commercial": "85"}. Replaces the earlier changes.
        note (str | Unset):  Default: ''.
    """

    premium_rate_percent: str | Unset = UNSET
    term_changes: OfferChangeInputRequestTermChanges | Unset = UNSET
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        premium_rate_percent = self.premium_rate_percent

        term_changes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.term_changes, Unset):
            term_changes = self.term_changes.to_dict()

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if premium_rate_percent is not UNSET:
            field_dict["premium_rate_percent"] = premium_rate_percent
        if term_changes is not UNSET:
            field_dict["term_changes"] = term_changes
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offer_change_input_request_term_changes import OfferChangeInputRequestTermChanges  # noqa: PLC0415

        d = dict(src_dict)
        premium_rate_percent = d.pop("premium_rate_percent", UNSET)

        _term_changes = d.pop("term_changes", UNSET)
        term_changes: OfferChangeInputRequestTermChanges | Unset
        if isinstance(_term_changes, Unset):
            term_changes = UNSET
        else:
            term_changes = OfferChangeInputRequestTermChanges.from_dict(_term_changes)

        note = d.pop("note", UNSET)

        offer_change_input_request = cls(
            premium_rate_percent=premium_rate_percent,
            term_changes=term_changes,
            note=note,
        )

        offer_change_input_request.additional_properties = d
        return offer_change_input_request

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
