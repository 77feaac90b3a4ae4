from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reason_codes_enum import ReasonCodesEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="InsurerReduceInputRequest")


@_attrs_define
class InsurerReduceInputRequest:
    """
    Attributes:
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        reason_codes (list[ReasonCodesEnum] | Unset): At least one: the insured reads why.
        note (str | Unset): The explanation the insured reads. Default: ''.
        notified_on (datetime.date | None | Unset): The day the insured is notified; today if omitted.
        effective_date (datetime.date | None | Unset): Shipments from this day on; the earliest the policy's notice
            allows (`reduction_notice_days` after `notified_on`) if omitted, and never earlier.
    """

    amount: Money
    reason_codes: list[ReasonCodesEnum] | Unset = UNSET
    note: str | Unset = ""
    notified_on: datetime.date | None | Unset = UNSET
    effective_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        reason_codes: list[str] | Unset = UNSET
        if not isinstance(self.reason_codes, Unset):
            reason_codes = []
            for reason_codes_item_data in self.reason_codes:
                reason_codes_item = reason_codes_item_data.value
                reason_codes.append(reason_codes_item)

        note = self.note

        notified_on: None | str | Unset
        if isinstance(self.notified_on, Unset):
            notified_on = UNSET
        elif isinstance(self.notified_on, datetime.date):
            notified_on = self.notified_on.isoformat()
        else:
            notified_on = self.notified_on

        effective_date: None | str | Unset
        if isinstance(self.effective_date, Unset):
            effective_date = UNSET
        elif isinstance(self.effective_date, datetime.date):
            effective_date = self.effective_date.isoformat()
        else:
            effective_date = self.effective_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if reason_codes is not UNSET:
            field_dict["reason_codes"] = reason_codes
        if note is not UNSET:
            field_dict["note"] = note
        if notified_on is not UNSET:
            field_dict["notified_on"] = notified_on
        if effective_date is not UNSET:
            field_dict["effective_date"] = effective_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        _reason_codes = d.pop("reason_codes", UNSET)
        reason_codes: list[ReasonCodesEnum] | Unset = UNSET
        if _reason_codes is not UNSET:
            reason_codes = []
            for reason_codes_item_data in _reason_codes:
                reason_codes_item = ReasonCodesEnum(reason_codes_item_data)

                reason_codes.append(reason_codes_item)

        note = d.pop("note", UNSET)

        def _parse_notified_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notified_on_type_0 = datetime.date.fromisoformat(data)

                return notified_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        notified_on = _parse_notified_on(d.pop("notified_on", UNSET))

        def _parse_effective_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_date_type_0 = datetime.date.fromisoformat(data)

                return effective_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_date = _parse_effective_date(d.pop("effective_date", UNSET))

        insurer_reduce_input_request = cls(
            amount=amount,
            reason_codes=reason_codes,
            note=note,
            notified_on=notified_on,
            effective_date=effective_date,
        )

        insurer_reduce_input_request.additional_properties = d
        return insurer_reduce_input_request

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
