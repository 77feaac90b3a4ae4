from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="ProposalBuyerOutput")


@_attrs_define
class ProposalBuyerOutput:
    """
    Attributes:
        legal_name (str):
        country (str):
        requested_amount (Money | None):
        registry_buyer_id (int | None | Unset):
    """

    legal_name: str
    country: str
    requested_amount: Money | None
    registry_buyer_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        legal_name = self.legal_name

        country = self.country

        requested_amount: dict[str, Any] | None
        if isinstance(self.requested_amount, Money):
            requested_amount = self.requested_amount.to_dict()
        else:
            requested_amount = self.requested_amount

        registry_buyer_id: int | None | Unset
        if isinstance(self.registry_buyer_id, Unset):
            registry_buyer_id = UNSET
        else:
            registry_buyer_id = self.registry_buyer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "legal_name": legal_name,
                "country": country,
                "requested_amount": requested_amount,
            }
        )
        if registry_buyer_id is not UNSET:
            field_dict["registry_buyer_id"] = registry_buyer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        legal_name = d.pop("legal_name")

        country = d.pop("country")

        def _parse_requested_amount(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requested_amount_type_0 = Money.from_dict(data)

                return requested_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        requested_amount = _parse_requested_amount(d.pop("requested_amount"))

        def _parse_registry_buyer_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        registry_buyer_id = _parse_registry_buyer_id(d.pop("registry_buyer_id", UNSET))

        proposal_buyer_output = cls(
            legal_name=legal_name,
            country=country,
            requested_amount=requested_amount,
            registry_buyer_id=registry_buyer_id,
        )

        proposal_buyer_output.additional_properties = d
        return proposal_buyer_output

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
