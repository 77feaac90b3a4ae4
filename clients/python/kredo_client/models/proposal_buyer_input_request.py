from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="ProposalBuyerInputRequest")


@_attrs_define
class ProposalBuyerInputRequest:
    """A row whose amounts are in the proposal's currency (checked by ProposalInputSerializer).

    Attributes:
        requested_amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        registry_buyer_id (int | None | Unset): A registry buyer's id; or give legal_name and country.
        legal_name (str | Unset):  Default: ''.
        country (str | Unset):  Default: ''.
    """

    requested_amount: Money
    registry_buyer_id: int | None | Unset = UNSET
    legal_name: str | Unset = ""
    country: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        requested_amount = self.requested_amount.to_dict()

        registry_buyer_id: int | None | Unset
        if isinstance(self.registry_buyer_id, Unset):
            registry_buyer_id = UNSET
        else:
            registry_buyer_id = self.registry_buyer_id

        legal_name = self.legal_name

        country = self.country

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requested_amount": requested_amount,
            }
        )
        if registry_buyer_id is not UNSET:
            field_dict["registry_buyer_id"] = registry_buyer_id
        if legal_name is not UNSET:
            field_dict["legal_name"] = legal_name
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        requested_amount = Money.from_dict(d.pop("requested_amount"))

        def _parse_registry_buyer_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        registry_buyer_id = _parse_registry_buyer_id(d.pop("registry_buyer_id", UNSET))

        legal_name = d.pop("legal_name", UNSET)

        country = d.pop("country", UNSET)

        proposal_buyer_input_request = cls(
            requested_amount=requested_amount,
            registry_buyer_id=registry_buyer_id,
            legal_name=legal_name,
            country=country,
        )

        proposal_buyer_input_request.additional_properties = d
        return proposal_buyer_input_request

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
