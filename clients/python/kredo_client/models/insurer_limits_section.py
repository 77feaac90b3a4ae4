from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.credit_file_insurer_limit_list import CreditFileInsurerLimitList
    from ..models.money import Money


T = TypeVar("T", bound="InsurerLimitsSection")


@_attrs_define
class InsurerLimitsSection:
    """
    Attributes:
        exposure (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
        pending_requests (int):
        limits (CreditFileInsurerLimitList):
    """

    exposure: Money
    pending_requests: int
    limits: CreditFileInsurerLimitList
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exposure = self.exposure.to_dict()

        pending_requests = self.pending_requests

        limits = self.limits.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exposure": exposure,
                "pending_requests": pending_requests,
                "limits": limits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_file_insurer_limit_list import CreditFileInsurerLimitList  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        exposure = Money.from_dict(d.pop("exposure"))

        pending_requests = d.pop("pending_requests")

        limits = CreditFileInsurerLimitList.from_dict(d.pop("limits"))

        insurer_limits_section = cls(
            exposure=exposure,
            pending_requests=pending_requests,
            limits=limits,
        )

        insurer_limits_section.additional_properties = d
        return insurer_limits_section

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
