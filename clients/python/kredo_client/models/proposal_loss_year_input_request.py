from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="ProposalLossYearInputRequest")


@_attrs_define
class ProposalLossYearInputRequest:
    """A row whose amounts are in the proposal's currency (checked by ProposalInputSerializer).

    Attributes:
        year (int):
        turnover (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
        losses_count (int):
        losses_amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
    """

    year: int
    turnover: Money
    losses_count: int
    losses_amount: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        turnover = self.turnover.to_dict()

        losses_count = self.losses_count

        losses_amount = self.losses_amount.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "turnover": turnover,
                "losses_count": losses_count,
                "losses_amount": losses_amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        year = d.pop("year")

        turnover = Money.from_dict(d.pop("turnover"))

        losses_count = d.pop("losses_count")

        losses_amount = Money.from_dict(d.pop("losses_amount"))

        proposal_loss_year_input_request = cls(
            year=year,
            turnover=turnover,
            losses_count=losses_count,
            losses_amount=losses_amount,
        )

        proposal_loss_year_input_request.additional_properties = d
        return proposal_loss_year_input_request

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
