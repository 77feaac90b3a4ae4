from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="Utilisation")


@_attrs_define
class Utilisation:
    """
    Attributes:
        policy (str):
        limit (Money | None): The limit in force; null when none is.
        outstanding (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        share_used (None | str): Outstanding over the limit: 1.000 is the limit used in full.
    """

    policy: str
    limit: Money | None
    outstanding: Money
    share_used: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        policy = self.policy

        limit: dict[str, Any] | None
        if isinstance(self.limit, Money):
            limit = self.limit.to_dict()
        else:
            limit = self.limit

        outstanding = self.outstanding.to_dict()

        share_used: None | str
        share_used = self.share_used

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy": policy,
                "limit": limit,
                "outstanding": outstanding,
                "share_used": share_used,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        policy = d.pop("policy")

        def _parse_limit(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limit_type_0 = Money.from_dict(data)

                return limit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        limit = _parse_limit(d.pop("limit"))

        outstanding = Money.from_dict(d.pop("outstanding"))

        def _parse_share_used(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        share_used = _parse_share_used(d.pop("share_used"))

        utilisation = cls(
            policy=policy,
            limit=limit,
            outstanding=outstanding,
            share_used=share_used,
        )

        utilisation.additional_properties = d
        return utilisation

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
