from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_state_enum import ProposalStateEnum

if TYPE_CHECKING:
    from ..models.proposal_buyer_output import ProposalBuyerOutput
    from ..models.proposal_loss_year_output import ProposalLossYearOutput
    from ..models.proposal_turnover_output import ProposalTurnoverOutput


T = TypeVar("T", bound="ProposalOutput")


@_attrs_define
class ProposalOutput:
    """
    Attributes:
        id (int):
        state (ProposalStateEnum): * `submitted` - Submitted
            * `quoted` - Quote offered
            * `issued` - Policy issued
        currency (str):
        desired_start_date (datetime.date):
        desired_cover_percent (str):
        max_credit_period_days (int):
        submitted_at (datetime.datetime):
        turnovers (list[ProposalTurnoverOutput]):
        buyers (list[ProposalBuyerOutput]):
        loss_years (list[ProposalLossYearOutput]):
        quote_ids (list[int]): Its quotes offered so far, newest first.
    """

    id: int
    state: ProposalStateEnum
    currency: str
    desired_start_date: datetime.date
    desired_cover_percent: str
    max_credit_period_days: int
    submitted_at: datetime.datetime
    turnovers: list[ProposalTurnoverOutput]
    buyers: list[ProposalBuyerOutput]
    loss_years: list[ProposalLossYearOutput]
    quote_ids: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = self.state.value

        currency = self.currency

        desired_start_date = self.desired_start_date.isoformat()

        desired_cover_percent = self.desired_cover_percent

        max_credit_period_days = self.max_credit_period_days

        submitted_at = self.submitted_at.isoformat()

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

        quote_ids = self.quote_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "state": state,
                "currency": currency,
                "desired_start_date": desired_start_date,
                "desired_cover_percent": desired_cover_percent,
                "max_credit_period_days": max_credit_period_days,
                "submitted_at": submitted_at,
                "turnovers": turnovers,
                "buyers": buyers,
                "loss_years": loss_years,
                "quote_ids": quote_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposal_buyer_output import ProposalBuyerOutput  # noqa: PLC0415
        from ..models.proposal_loss_year_output import ProposalLossYearOutput  # noqa: PLC0415
        from ..models.proposal_turnover_output import ProposalTurnoverOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        state = ProposalStateEnum(d.pop("state"))

        currency = d.pop("currency")

        desired_start_date = datetime.date.fromisoformat(d.pop("desired_start_date"))

        desired_cover_percent = d.pop("desired_cover_percent")

        max_credit_period_days = d.pop("max_credit_period_days")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        turnovers = []
        _turnovers = d.pop("turnovers")
        for turnovers_item_data in _turnovers:
            turnovers_item = ProposalTurnoverOutput.from_dict(turnovers_item_data)

            turnovers.append(turnovers_item)

        buyers = []
        _buyers = d.pop("buyers")
        for buyers_item_data in _buyers:
            buyers_item = ProposalBuyerOutput.from_dict(buyers_item_data)

            buyers.append(buyers_item)

        loss_years = []
        _loss_years = d.pop("loss_years")
        for loss_years_item_data in _loss_years:
            loss_years_item = ProposalLossYearOutput.from_dict(loss_years_item_data)

            loss_years.append(loss_years_item)

        quote_ids = cast(list[int], d.pop("quote_ids"))

        proposal_output = cls(
            id=id,
            state=state,
            currency=currency,
            desired_start_date=desired_start_date,
            desired_cover_percent=desired_cover_percent,
            max_credit_period_days=max_credit_period_days,
            submitted_at=submitted_at,
            turnovers=turnovers,
            buyers=buyers,
            loss_years=loss_years,
            quote_ids=quote_ids,
        )

        proposal_output.additional_properties = d
        return proposal_output

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
