from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_cause_enum import ClaimCauseEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClaimCreateInputRequest")


@_attrs_define
class ClaimCreateInputRequest:
    """
    Attributes:
        overdue (int): Id of one of your overdues.
        cause (ClaimCauseEnum): * `insolvency` - Insolvency
            * `protracted_default` - Protracted default
            * `political` - Political event
        event_date (datetime.date | None | Unset): Date of the insolvency or of the political event; ignored for
            protracted default.
        reference (str | Unset):  Default: ''.
        submit (bool | Unset): Submit the claim to the insurer at once instead of keeping it as a draft. Default: False.
    """

    overdue: int
    cause: ClaimCauseEnum
    event_date: datetime.date | None | Unset = UNSET
    reference: str | Unset = ""
    submit: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        overdue = self.overdue

        cause = self.cause.value

        event_date: None | str | Unset
        if isinstance(self.event_date, Unset):
            event_date = UNSET
        elif isinstance(self.event_date, datetime.date):
            event_date = self.event_date.isoformat()
        else:
            event_date = self.event_date

        reference = self.reference

        submit = self.submit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "overdue": overdue,
                "cause": cause,
            }
        )
        if event_date is not UNSET:
            field_dict["event_date"] = event_date
        if reference is not UNSET:
            field_dict["reference"] = reference
        if submit is not UNSET:
            field_dict["submit"] = submit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        overdue = d.pop("overdue")

        cause = ClaimCauseEnum(d.pop("cause"))

        def _parse_event_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                event_date_type_0 = datetime.date.fromisoformat(data)

                return event_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        event_date = _parse_event_date(d.pop("event_date", UNSET))

        reference = d.pop("reference", UNSET)

        submit = d.pop("submit", UNSET)

        claim_create_input_request = cls(
            overdue=overdue,
            cause=cause,
            event_date=event_date,
            reference=reference,
            submit=submit,
        )

        claim_create_input_request.additional_properties = d
        return claim_create_input_request

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
