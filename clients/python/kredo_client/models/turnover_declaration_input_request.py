from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="TurnoverDeclarationInputRequest")


@_attrs_define
class TurnoverDeclarationInputRequest:
    """
    Attributes:
        policy (int): Id of one of your policies.
        period_start (datetime.date): First day of the declaration period: a calendar month (or quarter) inside the
            policy period, already ended; the first period starts on the policy's start date.
        country (str): Buyers' country, ISO 3166-1 alpha-2.
        turnover (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
    """

    policy: int
    period_start: datetime.date
    country: str
    turnover: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy = self.policy

        period_start = self.period_start.isoformat()

        country = self.country

        turnover = self.turnover.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy": policy,
                "period_start": period_start,
                "country": country,
                "turnover": turnover,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        policy = d.pop("policy")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        country = d.pop("country")

        turnover = Money.from_dict(d.pop("turnover"))

        turnover_declaration_input_request = cls(
            policy=policy,
            period_start=period_start,
            country=country,
            turnover=turnover,
        )

        turnover_declaration_input_request.additional_properties = d
        return turnover_declaration_input_request

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
