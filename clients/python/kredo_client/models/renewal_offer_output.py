from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.renewal_offer_output_state_enum import RenewalOfferOutputStateEnum

if TYPE_CHECKING:
    from ..models.period_output import PeriodOutput
    from ..models.renewal_offer_output_term_changes import RenewalOfferOutputTermChanges


T = TypeVar("T", bound="RenewalOfferOutput")


@_attrs_define
class RenewalOfferOutput:
    """
    Attributes:
        id (int):
        policy_id (int):
        period (PeriodOutput):
        state (RenewalOfferOutputStateEnum): * `offered` - Offered
            * `accepted` - Accepted
            * `declined` - Declined
            * `lapsed` - Lapsed
        state_label (str):
        offered_on (datetime.date):
        respond_by (datetime.date): The last day the offer may be accepted.
        premium_rate_percent (str): The premium rate proposed for the next period.
        term_changes (RenewalOfferOutputTermChanges): Other terms the next period changes, by term name.
        loss_ratio_percent (str): The period's loss ratio when offered: (claims paid + reserved) / premium earned.
        note (str):
        decided_on (datetime.date | None):
        next_period (None | PeriodOutput): Once accepted: the period it began.
    """

    id: int
    policy_id: int
    period: PeriodOutput
    state: RenewalOfferOutputStateEnum
    state_label: str
    offered_on: datetime.date
    respond_by: datetime.date
    premium_rate_percent: str
    term_changes: RenewalOfferOutputTermChanges
    loss_ratio_percent: str
    note: str
    decided_on: datetime.date | None
    next_period: None | PeriodOutput
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.period_output import PeriodOutput  # noqa: PLC0415

        id = self.id

        policy_id = self.policy_id

        period = self.period.to_dict()

        state = self.state.value

        state_label = self.state_label

        offered_on = self.offered_on.isoformat()

        respond_by = self.respond_by.isoformat()

        premium_rate_percent = self.premium_rate_percent

        term_changes = self.term_changes.to_dict()

        loss_ratio_percent = self.loss_ratio_percent

        note = self.note

        decided_on: None | str
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        next_period: dict[str, Any] | None
        if isinstance(self.next_period, PeriodOutput):
            next_period = self.next_period.to_dict()
        else:
            next_period = self.next_period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "policy_id": policy_id,
                "period": period,
                "state": state,
                "state_label": state_label,
                "offered_on": offered_on,
                "respond_by": respond_by,
                "premium_rate_percent": premium_rate_percent,
                "term_changes": term_changes,
                "loss_ratio_percent": loss_ratio_percent,
                "note": note,
                "decided_on": decided_on,
                "next_period": next_period,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.period_output import PeriodOutput  # noqa: PLC0415
        from ..models.renewal_offer_output_term_changes import RenewalOfferOutputTermChanges  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        policy_id = d.pop("policy_id")

        period = PeriodOutput.from_dict(d.pop("period"))

        state = RenewalOfferOutputStateEnum(d.pop("state"))

        state_label = d.pop("state_label")

        offered_on = datetime.date.fromisoformat(d.pop("offered_on"))

        respond_by = datetime.date.fromisoformat(d.pop("respond_by"))

        premium_rate_percent = d.pop("premium_rate_percent")

        term_changes = RenewalOfferOutputTermChanges.from_dict(d.pop("term_changes"))

        loss_ratio_percent = d.pop("loss_ratio_percent")

        note = d.pop("note")

        def _parse_decided_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decided_on = _parse_decided_on(d.pop("decided_on"))

        def _parse_next_period(data: object) -> None | PeriodOutput:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_period_type_0 = PeriodOutput.from_dict(data)

                return next_period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PeriodOutput, data)

        next_period = _parse_next_period(d.pop("next_period"))

        renewal_offer_output = cls(
            id=id,
            policy_id=policy_id,
            period=period,
            state=state,
            state_label=state_label,
            offered_on=offered_on,
            respond_by=respond_by,
            premium_rate_percent=premium_rate_percent,
            term_changes=term_changes,
            loss_ratio_percent=loss_ratio_percent,
            note=note,
            decided_on=decided_on,
            next_period=next_period,
        )

        renewal_offer_output.additional_properties = d
        return renewal_offer_output

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
