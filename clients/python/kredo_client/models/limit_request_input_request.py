from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="LimitRequestInputRequest")


@_attrs_define
class LimitRequestInputRequest:
    """
    Attributes:
        policy (int): Id of one of your active policies.
        buyer (int): Buyer id.
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        terms_days (int): Payment terms in days.
        reference (str | Unset):  Default: ''.
    """

    policy: int
    buyer: int
    amount: Money
    terms_days: int
    reference: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy = self.policy

        buyer = self.buyer

        amount = self.amount.to_dict()

        terms_days = self.terms_days

        reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy": policy,
                "buyer": buyer,
                "amount": amount,
                "terms_days": terms_days,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        policy = d.pop("policy")

        buyer = d.pop("buyer")

        amount = Money.from_dict(d.pop("amount"))

        terms_days = d.pop("terms_days")

        reference = d.pop("reference", UNSET)

        limit_request_input_request = cls(
            policy=policy,
            buyer=buyer,
            amount=amount,
            terms_days=terms_days,
            reference=reference,
        )

        limit_request_input_request.additional_properties = d
        return limit_request_input_request

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
