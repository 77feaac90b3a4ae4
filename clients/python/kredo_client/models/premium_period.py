from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.country_premium import CountryPremium
    from ..models.money import Money


T = TypeVar("T", bound="PremiumPeriod")


@_attrs_define
class PremiumPeriod:
    """
    Attributes:
        period (str): 2026-01 (a month) or 2026-Q1 (a quarter).
        start (datetime.date):
        end (datetime.date):
        missing (bool): Ended and nothing declared for it.
        turnover (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
        premium (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
        countries (list[CountryPremium]):
    """

    period: str
    start: datetime.date
    end: datetime.date
    missing: bool
    turnover: Money
    premium: Money
    countries: list[CountryPremium]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        start = self.start.isoformat()

        end = self.end.isoformat()

        missing = self.missing

        turnover = self.turnover.to_dict()

        premium = self.premium.to_dict()

        countries = []
        for countries_item_data in self.countries:
            countries_item = countries_item_data.to_dict()
            countries.append(countries_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "start": start,
                "end": end,
                "missing": missing,
                "turnover": turnover,
                "premium": premium,
                "countries": countries,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.country_premium import CountryPremium  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        missing = d.pop("missing")

        turnover = Money.from_dict(d.pop("turnover"))

        premium = Money.from_dict(d.pop("premium"))

        countries = []
        _countries = d.pop("countries")
        for countries_item_data in _countries:
            countries_item = CountryPremium.from_dict(countries_item_data)

            countries.append(countries_item)

        premium_period = cls(
            period=period,
            start=start,
            end=end,
            missing=missing,
            turnover=turnover,
            premium=premium,
            countries=countries,
        )

        premium_period.additional_properties = d
        return premium_period

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
