from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.buyer_alert_payload_code import BuyerAlertPayloadCode

if TYPE_CHECKING:
    from ..models.buyer_alert_payload_params import BuyerAlertPayloadParams
    from ..models.buyer_payload import BuyerPayload


T = TypeVar("T", bound="BuyerAlertPayload")


@_attrs_define
class BuyerAlertPayload:
    """`data` of `buyer.alert` (buyers.monitoring.services.webhook_payload).

    Attributes:
        alert_id (int):
        code (BuyerAlertPayloadCode): * `grade_downgrade` - Grade downgraded
            * `overdue_reported` - Overdue reported
            * `adverse_information` - New adverse information
            * `high_utilisation` - Limit nearly used up
            * `payment_worsening` - Payment behaviour worsening
            * `limit_expiring` - Limit expiring
            * `limit_under_review` - Limit under review
        params (BuyerAlertPayloadParams): The message's parameters: `buyer` (its legal name), and per code `date`,
            `grade`, `previous`, `policy`, `reference`, `share` (percent), `outstanding` and `limit` (money), `recent` and
            `previous` (days). Typed values are objects: {"money": {amount, currency}}, {"date": "YYYY-MM-DD"}.
            `adverse_information` names nothing but the buyer: another insured's overdue is never told whose.
        raised_on (datetime.date):
        buyer (BuyerPayload):
    """

    alert_id: int
    code: BuyerAlertPayloadCode
    params: BuyerAlertPayloadParams
    raised_on: datetime.date
    buyer: BuyerPayload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alert_id = self.alert_id

        code = self.code.value

        params = self.params.to_dict()

        raised_on = self.raised_on.isoformat()

        buyer = self.buyer.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alert_id": alert_id,
                "code": code,
                "params": params,
                "raised_on": raised_on,
                "buyer": buyer,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_alert_payload_params import BuyerAlertPayloadParams  # noqa: PLC0415
        from ..models.buyer_payload import BuyerPayload  # noqa: PLC0415

        d = dict(src_dict)
        alert_id = d.pop("alert_id")

        code = BuyerAlertPayloadCode(d.pop("code"))

        params = BuyerAlertPayloadParams.from_dict(d.pop("params"))

        raised_on = datetime.date.fromisoformat(d.pop("raised_on"))

        buyer = BuyerPayload.from_dict(d.pop("buyer"))

        buyer_alert_payload = cls(
            alert_id=alert_id,
            code=code,
            params=params,
            raised_on=raised_on,
            buyer=buyer,
        )

        buyer_alert_payload.additional_properties = d
        return buyer_alert_payload

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
