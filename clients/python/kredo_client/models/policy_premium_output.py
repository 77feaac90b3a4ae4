from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.premium_period import PremiumPeriod


T = TypeVar("T", bound="PolicyPremiumOutput")


@_attrs_define
class PolicyPremiumOutput:
    """
    Attributes:
        policy_id (int):
        policy (str):
        period_start (datetime.date):
        period_end (datetime.date):
        premium_rate_percent (str):
        declared_premium (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        minimum_premium (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        premium_due (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        adjustment (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        settled (bool): The policy period ended and its premium was settled.
        maximum_liability (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        periods (list[PremiumPeriod]):
    """

    policy_id: int
    policy: str
    period_start: datetime.date
    period_end: datetime.date
    premium_rate_percent: str
    declared_premium: Money
    minimum_premium: Money
    premium_due: Money
    adjustment: Money
    settled: bool
    maximum_liability: Money
    periods: list[PremiumPeriod]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy_id = self.policy_id

        policy = self.policy

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        premium_rate_percent = self.premium_rate_percent

        declared_premium = self.declared_premium.to_dict()

        minimum_premium = self.minimum_premium.to_dict()

        premium_due = self.premium_due.to_dict()

        adjustment = self.adjustment.to_dict()

        settled = self.settled

        maximum_liability = self.maximum_liability.to_dict()

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy_id": policy_id,
                "policy": policy,
                "period_start": period_start,
                "period_end": period_end,
                "premium_rate_percent": premium_rate_percent,
                "declared_premium": declared_premium,
                "minimum_premium": minimum_premium,
                "premium_due": premium_due,
                "adjustment": adjustment,
                "settled": settled,
                "maximum_liability": maximum_liability,
                "periods": periods,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415
        from ..models.premium_period import PremiumPeriod  # noqa: PLC0415

        d = dict(src_dict)
        policy_id = d.pop("policy_id")

        policy = d.pop("policy")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        premium_rate_percent = d.pop("premium_rate_percent")

        declared_premium = Money.from_dict(d.pop("declared_premium"))

        minimum_premium = Money.from_dict(d.pop("minimum_premium"))

        premium_due = Money.from_dict(d.pop("premium_due"))

        adjustment = Money.from_dict(d.pop("adjustment"))

        settled = d.pop("settled")

        maximum_liability = Money.from_dict(d.pop("maximum_liability"))

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = PremiumPeriod.from_dict(periods_item_data)

            periods.append(periods_item)

        policy_premium_output = cls(
            policy_id=policy_id,
            policy=policy,
            period_start=period_start,
            period_end=period_end,
            premium_rate_percent=premium_rate_percent,
            declared_premium=declared_premium,
            minimum_premium=minimum_premium,
            premium_due=premium_due,
            adjustment=adjustment,
            settled=settled,
            maximum_liability=maximum_liability,
            periods=periods,
        )

        policy_premium_output.additional_properties = d
        return policy_premium_output

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
