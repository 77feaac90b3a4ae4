from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="SuggestionOutput")


@_attrs_define
class SuggestionOutput:
    """The scorecard's answer on a referred request (limits.scorecard).

    Attributes:
        scorecard_version (int):
        decision (str): approved, partial, conditional, refused or referred.
        response_category (str): The UN/EDIFACT category of the suggested decision.
        score (int): Higher is riskier.
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        terms_days (int):
        reason_codes (list[str]):
        scored_at (datetime.datetime | None): When the suggestion was made.
    """

    scorecard_version: int
    decision: str
    response_category: str
    score: int
    amount: Money
    terms_days: int
    reason_codes: list[str]
    scored_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scorecard_version = self.scorecard_version

        decision = self.decision

        response_category = self.response_category

        score = self.score

        amount = self.amount.to_dict()

        terms_days = self.terms_days

        reason_codes = self.reason_codes

        scored_at: None | str
        if isinstance(self.scored_at, datetime.datetime):
            scored_at = self.scored_at.isoformat()
        else:
            scored_at = self.scored_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scorecard_version": scorecard_version,
                "decision": decision,
                "response_category": response_category,
                "score": score,
                "amount": amount,
                "terms_days": terms_days,
                "reason_codes": reason_codes,
                "scored_at": scored_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        scorecard_version = d.pop("scorecard_version")

        decision = d.pop("decision")

        response_category = d.pop("response_category")

        score = d.pop("score")

        amount = Money.from_dict(d.pop("amount"))

        terms_days = d.pop("terms_days")

        reason_codes = cast(list[str], d.pop("reason_codes"))

        def _parse_scored_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scored_at_type_0 = datetime.datetime.fromisoformat(data)

                return scored_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        scored_at = _parse_scored_at(d.pop("scored_at"))

        suggestion_output = cls(
            scorecard_version=scorecard_version,
            decision=decision,
            response_category=response_category,
            score=score,
            amount=amount,
            terms_days=terms_days,
            reason_codes=reason_codes,
            scored_at=scored_at,
        )

        suggestion_output.additional_properties = d
        return suggestion_output

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
