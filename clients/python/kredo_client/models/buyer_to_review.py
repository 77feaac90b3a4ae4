from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="BuyerToReview")


@_attrs_define
class BuyerToReview:
    """
    Attributes:
        id (int):
        legal_name (str):
        country (str):
        grade (int | None):
        exposure_at_risk (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        recent_alerts (int): Alerts raised on it in the last 30 days, all insureds.
        insureds_alerted (int):
        latest_alert_on (datetime.date):
    """

    id: int
    legal_name: str
    country: str
    grade: int | None
    exposure_at_risk: Money
    recent_alerts: int
    insureds_alerted: int
    latest_alert_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        legal_name = self.legal_name

        country = self.country

        grade: int | None
        grade = self.grade

        exposure_at_risk = self.exposure_at_risk.to_dict()

        recent_alerts = self.recent_alerts

        insureds_alerted = self.insureds_alerted

        latest_alert_on = self.latest_alert_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "legal_name": legal_name,
                "country": country,
                "grade": grade,
                "exposure_at_risk": exposure_at_risk,
                "recent_alerts": recent_alerts,
                "insureds_alerted": insureds_alerted,
                "latest_alert_on": latest_alert_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        legal_name = d.pop("legal_name")

        country = d.pop("country")

        def _parse_grade(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        grade = _parse_grade(d.pop("grade"))

        exposure_at_risk = Money.from_dict(d.pop("exposure_at_risk"))

        recent_alerts = d.pop("recent_alerts")

        insureds_alerted = d.pop("insureds_alerted")

        latest_alert_on = datetime.date.fromisoformat(d.pop("latest_alert_on"))

        buyer_to_review = cls(
            id=id,
            legal_name=legal_name,
            country=country,
            grade=grade,
            exposure_at_risk=exposure_at_risk,
            recent_alerts=recent_alerts,
            insureds_alerted=insureds_alerted,
            latest_alert_on=latest_alert_on,
        )

        buyer_to_review.additional_properties = d
        return buyer_to_review

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
