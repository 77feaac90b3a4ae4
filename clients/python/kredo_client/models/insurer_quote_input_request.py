from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.insurer_quote_input_request_terms import InsurerQuoteInputRequestTerms


T = TypeVar("T", bound="InsurerQuoteInputRequest")


@_attrs_define
class InsurerQuoteInputRequest:
    """
    Attributes:
        start_date (datetime.date):
        valid_until (datetime.date):
        end_date (datetime.date | None | Unset): Default: a year from the start, less a day.
        terms (InsurerQuoteInputRequestTerms | Unset): Terms that differ from the proposal's suggestion (the domain's
            defaults with its cover percentage and credit period), by name.
    """

    start_date: datetime.date
    valid_until: datetime.date
    end_date: datetime.date | None | Unset = UNSET
    terms: InsurerQuoteInputRequestTerms | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_date = self.start_date.isoformat()

        valid_until = self.valid_until.isoformat()

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        terms: dict[str, Any] | Unset = UNSET
        if not isinstance(self.terms, Unset):
            terms = self.terms.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start_date": start_date,
                "valid_until": valid_until,
            }
        )
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if terms is not UNSET:
            field_dict["terms"] = terms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.insurer_quote_input_request_terms import InsurerQuoteInputRequestTerms  # noqa: PLC0415

        d = dict(src_dict)
        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        _terms = d.pop("terms", UNSET)
        terms: InsurerQuoteInputRequestTerms | Unset
        if isinstance(_terms, Unset):
            terms = UNSET
        else:
            terms = InsurerQuoteInputRequestTerms.from_dict(_terms)

        insurer_quote_input_request = cls(
            start_date=start_date,
            valid_until=valid_until,
            end_date=end_date,
            terms=terms,
        )

        insurer_quote_input_request.additional_properties = d
        return insurer_quote_input_request

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
