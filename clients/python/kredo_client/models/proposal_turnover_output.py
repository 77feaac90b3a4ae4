from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="ProposalTurnoverOutput")


@_attrs_define
class ProposalTurnoverOutput:
    """
    Attributes:
        country (str):
        expected_turnover (Money | None):
    """

    country: str
    expected_turnover: Money | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        country = self.country

        expected_turnover: dict[str, Any] | None
        if isinstance(self.expected_turnover, Money):
            expected_turnover = self.expected_turnover.to_dict()
        else:
            expected_turnover = self.expected_turnover

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "expected_turnover": expected_turnover,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        country = d.pop("country")

        def _parse_expected_turnover(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                expected_turnover_type_0 = Money.from_dict(data)

                return expected_turnover_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        expected_turnover = _parse_expected_turnover(d.pop("expected_turnover"))

        proposal_turnover_output = cls(
            country=country,
            expected_turnover=expected_turnover,
        )

        proposal_turnover_output.additional_properties = d
        return proposal_turnover_output

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
