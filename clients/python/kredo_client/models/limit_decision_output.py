from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.limit_decision_output_kind_enum import LimitDecisionOutputKindEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="LimitDecisionOutput")


@_attrs_define
class LimitDecisionOutput:
    """
    Attributes:
        id (int):
        kind (LimitDecisionOutputKindEnum): * `approved` - Approved
            * `partially_approved` - Partially approved
            * `approved_with_conditions` - Approved with conditions
            * `refused` - Refused
            * `referred` - Referred to an underwriter
            * `discretionary` - Discretionary limit set by the insured
            * `reduced` - Reduced
            * `withdrawn` - Withdrawn
            * `expired` - Expired
            * `cancelled` - Request cancelled by the insured
            * `under_review` - Put under review
        amount (Money | None):
        effective_date (datetime.date):
        reasons (list[str]):
        response_category (str): The UN/EDIFACT credit-risk response category: approved, not_approved, conditional,
            partly_approved, still_investigating, reduction or cancellation.
        scorecard_version (int | None): The scorecard version that decided or suggested it; null without one.
        created_at (datetime.datetime):
        reason_codes (Any | Unset):
        note (str | Unset):
        conditions (str | Unset):
        automatic (bool | Unset):
    """

    id: int
    kind: LimitDecisionOutputKindEnum
    amount: Money | None
    effective_date: datetime.date
    reasons: list[str]
    response_category: str
    scorecard_version: int | None
    created_at: datetime.datetime
    reason_codes: Any | Unset = UNSET
    note: str | Unset = UNSET
    conditions: str | Unset = UNSET
    automatic: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        id = self.id

        kind = self.kind.value

        amount: dict[str, Any] | None
        if isinstance(self.amount, Money):
            amount = self.amount.to_dict()
        else:
            amount = self.amount

        effective_date = self.effective_date.isoformat()

        reasons = self.reasons

        response_category = self.response_category

        scorecard_version: int | None
        scorecard_version = self.scorecard_version

        created_at = self.created_at.isoformat()

        reason_codes = self.reason_codes

        note = self.note

        conditions = self.conditions

        automatic = self.automatic

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "amount": amount,
                "effective_date": effective_date,
                "reasons": reasons,
                "response_category": response_category,
                "scorecard_version": scorecard_version,
                "created_at": created_at,
            }
        )
        if reason_codes is not UNSET:
            field_dict["reason_codes"] = reason_codes
        if note is not UNSET:
            field_dict["note"] = note
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if automatic is not UNSET:
            field_dict["automatic"] = automatic

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = LimitDecisionOutputKindEnum(d.pop("kind"))

        def _parse_amount(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                amount_type_0 = Money.from_dict(data)

                return amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        amount = _parse_amount(d.pop("amount"))

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        reasons = cast(list[str], d.pop("reasons"))

        response_category = d.pop("response_category")

        def _parse_scorecard_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        scorecard_version = _parse_scorecard_version(d.pop("scorecard_version"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        reason_codes = d.pop("reason_codes", UNSET)

        note = d.pop("note", UNSET)

        conditions = d.pop("conditions", UNSET)

        automatic = d.pop("automatic", UNSET)

        limit_decision_output = cls(
            id=id,
            kind=kind,
            amount=amount,
            effective_date=effective_date,
            reasons=reasons,
            response_category=response_category,
            scorecard_version=scorecard_version,
            created_at=created_at,
            reason_codes=reason_codes,
            note=note,
            conditions=conditions,
            automatic=automatic,
        )

        limit_decision_output.additional_properties = d
        return limit_decision_output

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
