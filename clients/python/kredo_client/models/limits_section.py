from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.credit_file_limit_list import CreditFileLimitList


T = TypeVar("T", bound="LimitsSection")


@_attrs_define
class LimitsSection:
    """
    Attributes:
        limits (CreditFileLimitList):
    """

    limits: CreditFileLimitList
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        limits = self.limits.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "limits": limits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_file_limit_list import CreditFileLimitList  # noqa: PLC0415

        d = dict(src_dict)
        limits = CreditFileLimitList.from_dict(d.pop("limits"))

        limits_section = cls(
            limits=limits,
        )

        limits_section.additional_properties = d
        return limits_section

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
