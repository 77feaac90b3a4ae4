from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.insurer_decide_input_kind_enum import InsurerDecideInputKindEnum
from ..models.reason_codes_enum import ReasonCodesEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="InsurerDecideInputRequest")


@_attrs_define
class InsurerDecideInputRequest:
    """
    Attributes:
        kind (InsurerDecideInputKindEnum): * `approved` - Approved
            * `partially_approved` - Partially approved
            * `approved_with_conditions` - Approved with conditions
            * `refused` - Refused
        amount (Money | None | Unset): Partial approvals and approvals with conditions: the amount granted, in the
            policy's currency. Ignored otherwise (approved: the amount requested).
        terms_days (int | None | Unset): Payment terms allowed; the terms requested if omitted.
        conditions (str | Unset): The conditions of an approval with conditions (required for that kind). Default: ''.
        reason_codes (list[ReasonCodesEnum] | Unset): Required for a partial approval and a refusal.
        note (str | Unset): The explanation the insured reads. Default: ''.
        effective_date (datetime.date | None | Unset): Today if omitted.
        expiry_date (datetime.date | None | Unset):
        review_date (datetime.date | None | Unset): Not after the expiry date.
    """

    kind: InsurerDecideInputKindEnum
    amount: Money | None | Unset = UNSET
    terms_days: int | None | Unset = UNSET
    conditions: str | Unset = ""
    reason_codes: list[ReasonCodesEnum] | Unset = UNSET
    note: str | Unset = ""
    effective_date: datetime.date | None | Unset = UNSET
    expiry_date: datetime.date | None | Unset = UNSET
    review_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        kind = self.kind.value

        amount: dict[str, Any] | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        elif isinstance(self.amount, Money):
            amount = self.amount.to_dict()
        else:
            amount = self.amount

        terms_days: int | None | Unset
        if isinstance(self.terms_days, Unset):
            terms_days = UNSET
        else:
            terms_days = self.terms_days

        conditions = self.conditions

        reason_codes: list[str] | Unset = UNSET
        if not isinstance(self.reason_codes, Unset):
            reason_codes = []
            for reason_codes_item_data in self.reason_codes:
                reason_codes_item = reason_codes_item_data.value
                reason_codes.append(reason_codes_item)

        note = self.note

        effective_date: None | str | Unset
        if isinstance(self.effective_date, Unset):
            effective_date = UNSET
        elif isinstance(self.effective_date, datetime.date):
            effective_date = self.effective_date.isoformat()
        else:
            effective_date = self.effective_date

        expiry_date: None | str | Unset
        if isinstance(self.expiry_date, Unset):
            expiry_date = UNSET
        elif isinstance(self.expiry_date, datetime.date):
            expiry_date = self.expiry_date.isoformat()
        else:
            expiry_date = self.expiry_date

        review_date: None | str | Unset
        if isinstance(self.review_date, Unset):
            review_date = UNSET
        elif isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if terms_days is not UNSET:
            field_dict["terms_days"] = terms_days
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if reason_codes is not UNSET:
            field_dict["reason_codes"] = reason_codes
        if note is not UNSET:
            field_dict["note"] = note
        if effective_date is not UNSET:
            field_dict["effective_date"] = effective_date
        if expiry_date is not UNSET:
            field_dict["expiry_date"] = expiry_date
        if review_date is not UNSET:
            field_dict["review_date"] = review_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        kind = InsurerDecideInputKindEnum(d.pop("kind"))

        def _parse_amount(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                amount_type_0 = Money.from_dict(data)

                return amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_terms_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        terms_days = _parse_terms_days(d.pop("terms_days", UNSET))

        conditions = d.pop("conditions", UNSET)

        _reason_codes = d.pop("reason_codes", UNSET)
        reason_codes: list[ReasonCodesEnum] | Unset = UNSET
        if _reason_codes is not UNSET:
            reason_codes = []
            for reason_codes_item_data in _reason_codes:
                reason_codes_item = ReasonCodesEnum(reason_codes_item_data)

                reason_codes.append(reason_codes_item)

        note = d.pop("note", UNSET)

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

        def _parse_expiry_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expiry_date_type_0 = datetime.date.fromisoformat(data)

                return expiry_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expiry_date = _parse_expiry_date(d.pop("expiry_date", UNSET))

        def _parse_review_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_date_type_0 = datetime.date.fromisoformat(data)

                return review_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        review_date = _parse_review_date(d.pop("review_date", UNSET))

        insurer_decide_input_request = cls(
            kind=kind,
            amount=amount,
            terms_days=terms_days,
            conditions=conditions,
            reason_codes=reason_codes,
            note=note,
            effective_date=effective_date,
            expiry_date=expiry_date,
            review_date=review_date,
        )

        insurer_decide_input_request.additional_properties = d
        return insurer_decide_input_request

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
