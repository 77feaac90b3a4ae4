from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collection_status_enum import CollectionStatusEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="CollectionCaseOutput")


@_attrs_define
class CollectionCaseOutput:
    """
    Attributes:
        id (int):
        overdue_id (int):
        claim_id (int | None):
        buyer (str):
        status (CollectionStatusEnum): * `in_collection` - In collection
            * `payment_plan` - Payment plan agreed
            * `legal_action` - Legal action
            * `closed` - Closed
        opened_on (datetime.date):
        updated_at (datetime.datetime):
        agency (str | Unset):
        status_note (str | Unset):
        closed_on (datetime.date | None | Unset):
    """

    id: int
    overdue_id: int
    claim_id: int | None
    buyer: str
    status: CollectionStatusEnum
    opened_on: datetime.date
    updated_at: datetime.datetime
    agency: str | Unset = UNSET
    status_note: str | Unset = UNSET
    closed_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        overdue_id = self.overdue_id

        claim_id: int | None
        claim_id = self.claim_id

        buyer = self.buyer

        status = self.status.value

        opened_on = self.opened_on.isoformat()

        updated_at = self.updated_at.isoformat()

        agency = self.agency

        status_note = self.status_note

        closed_on: None | str | Unset
        if isinstance(self.closed_on, Unset):
            closed_on = UNSET
        elif isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "overdue_id": overdue_id,
                "claim_id": claim_id,
                "buyer": buyer,
                "status": status,
                "opened_on": opened_on,
                "updated_at": updated_at,
            }
        )
        if agency is not UNSET:
            field_dict["agency"] = agency
        if status_note is not UNSET:
            field_dict["status_note"] = status_note
        if closed_on is not UNSET:
            field_dict["closed_on"] = closed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        overdue_id = d.pop("overdue_id")

        def _parse_claim_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        claim_id = _parse_claim_id(d.pop("claim_id"))

        buyer = d.pop("buyer")

        status = CollectionStatusEnum(d.pop("status"))

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        agency = d.pop("agency", UNSET)

        status_note = d.pop("status_note", UNSET)

        def _parse_closed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        closed_on = _parse_closed_on(d.pop("closed_on", UNSET))

        collection_case_output = cls(
            id=id,
            overdue_id=overdue_id,
            claim_id=claim_id,
            buyer=buyer,
            status=status,
            opened_on=opened_on,
            updated_at=updated_at,
            agency=agency,
            status_note=status_note,
            closed_on=closed_on,
        )

        collection_case_output.additional_properties = d
        return collection_case_output

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
