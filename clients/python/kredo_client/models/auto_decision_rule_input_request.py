from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="AutoDecisionRuleInputRequest")


@_attrs_define
class AutoDecisionRuleInputRequest:
    """
    Attributes:
        min_grade (int):
        max_grade (int):
        max_amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        is_active (bool | Unset):  Default: True.
    """

    min_grade: int
    max_grade: int
    max_amount: Money
    is_active: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        min_grade = self.min_grade

        max_grade = self.max_grade

        max_amount = self.max_amount.to_dict()

        is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "min_grade": min_grade,
                "max_grade": max_grade,
                "max_amount": max_amount,
            }
        )
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        min_grade = d.pop("min_grade")

        max_grade = d.pop("max_grade")

        max_amount = Money.from_dict(d.pop("max_amount"))

        is_active = d.pop("is_active", UNSET)

        auto_decision_rule_input_request = cls(
            min_grade=min_grade,
            max_grade=max_grade,
            max_amount=max_amount,
            is_active=is_active,
        )

        auto_decision_rule_input_request.additional_properties = d
        return auto_decision_rule_input_request

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
