from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QuoteOfferedPayload")


@_attrs_define
class QuoteOfferedPayload:
    """`data` of quote.offered: read the quote (`GET /api/v1/quotes/{id}/`) for its terms.

    Attributes:
        quote_id (int):
        proposal_id (int):
        valid_until (datetime.date): The last day the quote may be accepted.
    """

    quote_id: int
    proposal_id: int
    valid_until: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quote_id = self.quote_id

        proposal_id = self.proposal_id

        valid_until = self.valid_until.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "quote_id": quote_id,
                "proposal_id": proposal_id,
                "valid_until": valid_until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quote_id = d.pop("quote_id")

        proposal_id = d.pop("proposal_id")

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

        quote_offered_payload = cls(
            quote_id=quote_id,
            proposal_id=proposal_id,
            valid_until=valid_until,
        )

        quote_offered_payload.additional_properties = d
        return quote_offered_payload

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
