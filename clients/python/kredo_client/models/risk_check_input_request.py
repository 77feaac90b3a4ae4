from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="RiskCheckInputRequest")


@_attrs_define
class RiskCheckInputRequest:
    """
    Attributes:
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        terms_days (int): Payment terms in days.
        policy (int | Unset): Id of one of your active policies; may be left out when you have only one.
        country (str | Unset): The buyer's ISO 3166 alpha-2 country; taken from `buyer` when given.
        sector_nace (str | Unset): The buyer's NACE code, e.g. 46.90.
        buyer (int | Unset): A buyer of the registry, if known.
    """

    amount: Money
    terms_days: int
    policy: int | Unset = UNSET
    country: str | Unset = UNSET
    sector_nace: str | Unset = UNSET
    buyer: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        terms_days = self.terms_days

        policy = self.policy

        country = self.country

        sector_nace: str | Unset
        if isinstance(self.sector_nace, Unset):
            sector_nace = UNSET
        else:
            sector_nace = self.sector_nace

        buyer = self.buyer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "terms_days": terms_days,
            }
        )
        if policy is not UNSET:
            field_dict["policy"] = policy
        if country is not UNSET:
            field_dict["country"] = country
        if sector_nace is not UNSET:
            field_dict["sector_nace"] = sector_nace
        if buyer is not UNSET:
            field_dict["buyer"] = buyer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        terms_days = d.pop("terms_days")

        policy = d.pop("policy", UNSET)

        country = d.pop("country", UNSET)

        def _parse_sector_nace(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        sector_nace = _parse_sector_nace(d.pop("sector_nace", UNSET))

        buyer = d.pop("buyer", UNSET)

        risk_check_input_request = cls(
            amount=amount,
            terms_days=terms_days,
            policy=policy,
            country=country,
            sector_nace=sector_nace,
            buyer=buyer,
        )

        risk_check_input_request.additional_properties = d
        return risk_check_input_request

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
