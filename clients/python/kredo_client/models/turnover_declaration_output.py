from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="TurnoverDeclarationOutput")


@_attrs_define
class TurnoverDeclarationOutput:
    """
    Attributes:
        id (int):
        policy (str):
        policy_id (int):
        period_start (datetime.date):
        period_end (datetime.date):
        country (str):
        turnover (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
        premium_rate_percent (str):
        premium (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
        declared_by (None | str):
        declared_at (datetime.datetime):
    """

    id: int
    policy: str
    policy_id: int
    period_start: datetime.date
    period_end: datetime.date
    country: str
    turnover: Money
    premium_rate_percent: str
    premium: Money
    declared_by: None | str
    declared_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        policy = self.policy

        policy_id = self.policy_id

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        country = self.country

        turnover = self.turnover.to_dict()

        premium_rate_percent = self.premium_rate_percent

        premium = self.premium.to_dict()

        declared_by: None | str
        declared_by = self.declared_by

        declared_at = self.declared_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "policy": policy,
                "policy_id": policy_id,
                "period_start": period_start,
                "period_end": period_end,
                "country": country,
                "turnover": turnover,
                "premium_rate_percent": premium_rate_percent,
                "premium": premium,
                "declared_by": declared_by,
                "declared_at": declared_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        policy = d.pop("policy")

        policy_id = d.pop("policy_id")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        country = d.pop("country")

        turnover = Money.from_dict(d.pop("turnover"))

        premium_rate_percent = d.pop("premium_rate_percent")

        premium = Money.from_dict(d.pop("premium"))

        def _parse_declared_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        declared_by = _parse_declared_by(d.pop("declared_by"))

        declared_at = datetime.datetime.fromisoformat(d.pop("declared_at"))

        turnover_declaration_output = cls(
            id=id,
            policy=policy,
            policy_id=policy_id,
            period_start=period_start,
            period_end=period_end,
            country=country,
            turnover=turnover,
            premium_rate_percent=premium_rate_percent,
            premium=premium,
            declared_by=declared_by,
            declared_at=declared_at,
        )

        turnover_declaration_output.additional_properties = d
        return turnover_declaration_output

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
