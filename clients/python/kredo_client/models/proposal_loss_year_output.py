from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="ProposalLossYearOutput")


@_attrs_define
class ProposalLossYearOutput:
    """
    Attributes:
        year (int):
        turnover (Money | None):
        losses_count (int):
        losses_amount (Money | None):
    """

    year: int
    turnover: Money | None
    losses_count: int
    losses_amount: Money | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        year = self.year

        turnover: dict[str, Any] | None
        if isinstance(self.turnover, Money):
            turnover = self.turnover.to_dict()
        else:
            turnover = self.turnover

        losses_count = self.losses_count

        losses_amount: dict[str, Any] | None
        if isinstance(self.losses_amount, Money):
            losses_amount = self.losses_amount.to_dict()
        else:
            losses_amount = self.losses_amount

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

        def _parse_turnover(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                turnover_type_0 = Money.from_dict(data)

                return turnover_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        turnover = _parse_turnover(d.pop("turnover"))

        losses_count = d.pop("losses_count")

        def _parse_losses_amount(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                losses_amount_type_0 = Money.from_dict(data)

                return losses_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        losses_amount = _parse_losses_amount(d.pop("losses_amount"))

        proposal_loss_year_output = cls(
            year=year,
            turnover=turnover,
            losses_count=losses_count,
            losses_amount=losses_amount,
        )

        proposal_loss_year_output.additional_properties = d
        return proposal_loss_year_output

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
