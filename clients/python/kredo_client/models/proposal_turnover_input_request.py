from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="ProposalTurnoverInputRequest")


@_attrs_define
class ProposalTurnoverInputRequest:
    """A row whose amounts are in the proposal's currency (checked by ProposalInputSerializer).

    Attributes:
        country (str): ISO 3166-1 alpha-2 code of the buyers' country.
        expected_turnover (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
    """

    country: str
    expected_turnover: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        expected_turnover = self.expected_turnover.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "expected_turnover": expected_turnover,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        country = d.pop("country")

        expected_turnover = Money.from_dict(d.pop("expected_turnover"))

        proposal_turnover_input_request = cls(
            country=country,
            expected_turnover=expected_turnover,
        )

        proposal_turnover_input_request.additional_properties = d
        return proposal_turnover_input_request

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
