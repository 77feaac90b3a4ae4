from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.code_enum import CodeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.buyer_payload import BuyerPayload


T = TypeVar("T", bound="BuyerAlert")


@_attrs_define
class BuyerAlert:
    """
    Attributes:
        id (int):
        buyer (BuyerPayload):
        code (CodeEnum): * `grade_downgrade` - Grade downgraded
            * `overdue_reported` - Overdue reported
            * `adverse_information` - New adverse information
            * `high_utilisation` - Limit nearly used up
            * `payment_worsening` - Payment behaviour worsening
            * `limit_expiring` - Limit expiring
            * `limit_under_review` - Limit under review
        message (str): The alert in the request's language (Accept-Language).
        raised_on (datetime.date):
        is_read (bool):
        created_at (datetime.datetime):
        params (Any | Unset):
    """

    id: int
    buyer: BuyerPayload
    code: CodeEnum
    message: str
    raised_on: datetime.date
    is_read: bool
    created_at: datetime.datetime
    params: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        buyer = self.buyer.to_dict()

        code = self.code.value

        message = self.message

        raised_on = self.raised_on.isoformat()

        is_read = self.is_read

        created_at = self.created_at.isoformat()

        params = self.params

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "buyer": buyer,
                "code": code,
                "message": message,
                "raised_on": raised_on,
                "is_read": is_read,
                "created_at": created_at,
            }
        )
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_payload import BuyerPayload  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        buyer = BuyerPayload.from_dict(d.pop("buyer"))

        code = CodeEnum(d.pop("code"))

        message = d.pop("message")

        raised_on = datetime.date.fromisoformat(d.pop("raised_on"))

        is_read = d.pop("is_read")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        params = d.pop("params", UNSET)

        buyer_alert = cls(
            id=id,
            buyer=buyer,
            code=code,
            message=message,
            raised_on=raised_on,
            is_read=is_read,
            created_at=created_at,
            params=params,
        )

        buyer_alert.additional_properties = d
        return buyer_alert

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
