from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_enum import DecisionEnum
from ..models.outcome_enum import OutcomeEnum
from ..models.reason_codes_enum import ReasonCodesEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deadlines import Deadlines
    from ..models.money import Money


T = TypeVar("T", bound="RiskCheck")


@_attrs_define
class RiskCheck:
    """
    Attributes:
        policy (str):
        country (str):
        country_risk (int | None): The insurer's grade, 1 (low) to 7.
        sector_nace (str):
        sector_section (None | str):
        sector_points (int): The scorecard's points for the sector (higher = riskier).
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        terms_days (int):
        country_covered (bool):
        buyer_exclusion (str): The terms' exclusion the buyer falls under (`related_company`, `private_individual`,
            `public_buyer`), as a limit request would be refused; empty when none.
        excluded_countries (list[str]):
        max_credit_period_days (int):
        terms_allowed (bool):
        decision (DecisionEnum): * `automatic` - automatic
            * `referred` - referred
            * `not_covered` - not_covered
        outcome (OutcomeEnum): * `approved` - approved
            * `partial` - partial
            * `conditional` - conditional
            * `refused` - refused
            * `referred` - referred
        decided_amount (Money | None):
        reason_codes (list[ReasonCodesEnum]):
        scorecard_version (int | None):
        percentage_of_cover (str):
        discretionary_allowed (bool): Whether you may set this as a discretionary limit.
        discretionary_limit_max (Money): Money: the amount a decimal string at the currency's minor unit (never a
            float), the currency an ISO 4217 code.
        discretionary_percentage_of_cover (str):
        deadlines (Deadlines):
        premium (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
        premium_rate_percent (str):
        buyer (int | None | Unset):
    """

    policy: str
    country: str
    country_risk: int | None
    sector_nace: str
    sector_section: None | str
    sector_points: int
    amount: Money
    terms_days: int
    country_covered: bool
    buyer_exclusion: str
    excluded_countries: list[str]
    max_credit_period_days: int
    terms_allowed: bool
    decision: DecisionEnum
    outcome: OutcomeEnum
    decided_amount: Money | None
    reason_codes: list[ReasonCodesEnum]
    scorecard_version: int | None
    percentage_of_cover: str
    discretionary_allowed: bool
    discretionary_limit_max: Money
    discretionary_percentage_of_cover: str
    deadlines: Deadlines
    premium: Money
    premium_rate_percent: str
    buyer: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        policy = self.policy

        country = self.country

        country_risk: int | None
        country_risk = self.country_risk

        sector_nace = self.sector_nace

        sector_section: None | str
        sector_section = self.sector_section

        sector_points = self.sector_points

        amount = self.amount.to_dict()

        terms_days = self.terms_days

        country_covered = self.country_covered

        buyer_exclusion = self.buyer_exclusion

        excluded_countries = self.excluded_countries

        max_credit_period_days = self.max_credit_period_days

        terms_allowed = self.terms_allowed

        decision = self.decision.value

        outcome = self.outcome.value

        decided_amount: dict[str, Any] | None
        if isinstance(self.decided_amount, Money):
            decided_amount = self.decided_amount.to_dict()
        else:
            decided_amount = self.decided_amount

        reason_codes = []
        for reason_codes_item_data in self.reason_codes:
            reason_codes_item = reason_codes_item_data.value
            reason_codes.append(reason_codes_item)

        scorecard_version: int | None
        scorecard_version = self.scorecard_version

        percentage_of_cover = self.percentage_of_cover

        discretionary_allowed = self.discretionary_allowed

        discretionary_limit_max = self.discretionary_limit_max.to_dict()

        discretionary_percentage_of_cover = self.discretionary_percentage_of_cover

        deadlines = self.deadlines.to_dict()

        premium = self.premium.to_dict()

        premium_rate_percent = self.premium_rate_percent

        buyer: int | None | Unset
        if isinstance(self.buyer, Unset):
            buyer = UNSET
        else:
            buyer = self.buyer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy": policy,
                "country": country,
                "country_risk": country_risk,
                "sector_nace": sector_nace,
                "sector_section": sector_section,
                "sector_points": sector_points,
                "amount": amount,
                "terms_days": terms_days,
                "country_covered": country_covered,
                "buyer_exclusion": buyer_exclusion,
                "excluded_countries": excluded_countries,
                "max_credit_period_days": max_credit_period_days,
                "terms_allowed": terms_allowed,
                "decision": decision,
                "outcome": outcome,
                "decided_amount": decided_amount,
                "reason_codes": reason_codes,
                "scorecard_version": scorecard_version,
                "percentage_of_cover": percentage_of_cover,
                "discretionary_allowed": discretionary_allowed,
                "discretionary_limit_max": discretionary_limit_max,
                "discretionary_percentage_of_cover": discretionary_percentage_of_cover,
                "deadlines": deadlines,
                "premium": premium,
                "premium_rate_percent": premium_rate_percent,
            }
        )
        if buyer is not UNSET:
            field_dict["buyer"] = buyer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deadlines import Deadlines  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        policy = d.pop("policy")

        country = d.pop("country")

        def _parse_country_risk(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        country_risk = _parse_country_risk(d.pop("country_risk"))

        sector_nace = d.pop("sector_nace")

        def _parse_sector_section(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector_section = _parse_sector_section(d.pop("sector_section"))

        sector_points = d.pop("sector_points")

        amount = Money.from_dict(d.pop("amount"))

        terms_days = d.pop("terms_days")

        country_covered = d.pop("country_covered")

        buyer_exclusion = d.pop("buyer_exclusion")

        excluded_countries = cast(list[str], d.pop("excluded_countries"))

        max_credit_period_days = d.pop("max_credit_period_days")

        terms_allowed = d.pop("terms_allowed")

        decision = DecisionEnum(d.pop("decision"))

        outcome = OutcomeEnum(d.pop("outcome"))

        def _parse_decided_amount(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                decided_amount_type_0 = Money.from_dict(data)

                return decided_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        decided_amount = _parse_decided_amount(d.pop("decided_amount"))

        reason_codes = []
        _reason_codes = d.pop("reason_codes")
        for reason_codes_item_data in _reason_codes:
            reason_codes_item = ReasonCodesEnum(reason_codes_item_data)

            reason_codes.append(reason_codes_item)

        def _parse_scorecard_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        scorecard_version = _parse_scorecard_version(d.pop("scorecard_version"))

        percentage_of_cover = d.pop("percentage_of_cover")

        discretionary_allowed = d.pop("discretionary_allowed")

        discretionary_limit_max = Money.from_dict(d.pop("discretionary_limit_max"))

        discretionary_percentage_of_cover = d.pop("discretionary_percentage_of_cover")

        deadlines = Deadlines.from_dict(d.pop("deadlines"))

        premium = Money.from_dict(d.pop("premium"))

        premium_rate_percent = d.pop("premium_rate_percent")

        def _parse_buyer(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        buyer = _parse_buyer(d.pop("buyer", UNSET))

        risk_check = cls(
            policy=policy,
            country=country,
            country_risk=country_risk,
            sector_nace=sector_nace,
            sector_section=sector_section,
            sector_points=sector_points,
            amount=amount,
            terms_days=terms_days,
            country_covered=country_covered,
            buyer_exclusion=buyer_exclusion,
            excluded_countries=excluded_countries,
            max_credit_period_days=max_credit_period_days,
            terms_allowed=terms_allowed,
            decision=decision,
            outcome=outcome,
            decided_amount=decided_amount,
            reason_codes=reason_codes,
            scorecard_version=scorecard_version,
            percentage_of_cover=percentage_of_cover,
            discretionary_allowed=discretionary_allowed,
            discretionary_limit_max=discretionary_limit_max,
            discretionary_percentage_of_cover=discretionary_percentage_of_cover,
            deadlines=deadlines,
            premium=premium,
            premium_rate_percent=premium_rate_percent,
            buyer=buyer,
        )

        risk_check.additional_properties = d
        return risk_check

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
