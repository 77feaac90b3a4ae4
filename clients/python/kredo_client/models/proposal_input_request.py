from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.proposal_buyer_input_request import ProposalBuyerInputRequest
    from ..models.proposal_loss_year_input_request import ProposalLossYearInputRequest
    from ..models.proposal_turnover_input_request import ProposalTurnoverInputRequest


T = TypeVar("T", bound="ProposalInputRequest")


@_attrs_define
class ProposalInputRequest:
    """
    Attributes:
        currency (str): ISO 4217 code; every amount is in it.
        desired_start_date (datetime.date):
        desired_cover_percent (str):
        max_credit_period_days (int):
        turnovers (list[ProposalTurnoverInputRequest]):
        buyers (list[ProposalBuyerInputRequest]):
        loss_years (list[ProposalLossYearInputRequest]): Exactly three different years.
    """

    currency: str
    desired_start_date: datetime.date
    desired_cover_percent: str
    max_credit_period_days: int
    turnovers: list[ProposalTurnoverInputRequest]
    buyers: list[ProposalBuyerInputRequest]
    loss_years: list[ProposalLossYearInputRequest]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        desired_start_date = self.desired_start_date.isoformat()

        desired_cover_percent = self.desired_cover_percent

        max_credit_period_days = self.max_credit_period_days

        turnovers = []
        for turnovers_item_data in self.turnovers:
            turnovers_item = turnovers_item_data.to_dict()
            turnovers.append(turnovers_item)

        buyers = []
        for buyers_item_data in self.buyers:
            buyers_item = buyers_item_data.to_dict()
            buyers.append(buyers_item)

        loss_years = []
        for loss_years_item_data in self.loss_years:
            loss_years_item = loss_years_item_data.to_dict()
            loss_years.append(loss_years_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "desired_start_date": desired_start_date,
                "desired_cover_percent": desired_cover_percent,
                "max_credit_period_days": max_credit_period_days,
                "turnovers": turnovers,
                "buyers": buyers,
                "loss_years": loss_years,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposal_buyer_input_request import ProposalBuyerInputRequest  # noqa: PLC0415
        from ..models.proposal_loss_year_input_request import ProposalLossYearInputRequest  # noqa: PLC0415
        from ..models.proposal_turnover_input_request import ProposalTurnoverInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        currency = d.pop("currency")

        desired_start_date = datetime.date.fromisoformat(d.pop("desired_start_date"))

        desired_cover_percent = d.pop("desired_cover_percent")

        max_credit_period_days = d.pop("max_credit_period_days")

        turnovers = []
        _turnovers = d.pop("turnovers")
        for turnovers_item_data in _turnovers:
            turnovers_item = ProposalTurnoverInputRequest.from_dict(turnovers_item_data)

            turnovers.append(turnovers_item)

        buyers = []
        _buyers = d.pop("buyers")
        for buyers_item_data in _buyers:
            buyers_item = ProposalBuyerInputRequest.from_dict(buyers_item_data)

            buyers.append(buyers_item)

        loss_years = []
        _loss_years = d.pop("loss_years")
        for loss_years_item_data in _loss_years:
            loss_years_item = ProposalLossYearInputRequest.from_dict(loss_years_item_data)

            loss_years.append(loss_years_item)

        proposal_input_request = cls(
            currency=currency,
            desired_start_date=desired_start_date,
            desired_cover_percent=desired_cover_percent,
            max_credit_period_days=max_credit_period_days,
            turnovers=turnovers,
            buyers=buyers,
            loss_years=loss_years,
        )

        proposal_input_request.additional_properties = d
        return proposal_input_request

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
