from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.credit_file_insurer_claim_list import CreditFileInsurerClaimList
    from ..models.credit_file_insurer_overdue_list import CreditFileInsurerOverdueList


T = TypeVar("T", bound="InsurerClaimsSection")


@_attrs_define
class InsurerClaimsSection:
    """
    Attributes:
        open_overdues (int):
        insureds_with_overdues (int): Insureds that notified an overdue in 12 months.
        overdues (CreditFileInsurerOverdueList):
        claims (CreditFileInsurerClaimList):
    """

    open_overdues: int
    insureds_with_overdues: int
    overdues: CreditFileInsurerOverdueList
    claims: CreditFileInsurerClaimList
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_overdues = self.open_overdues

        insureds_with_overdues = self.insureds_with_overdues

        overdues = self.overdues.to_dict()

        claims = self.claims.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_overdues": open_overdues,
                "insureds_with_overdues": insureds_with_overdues,
                "overdues": overdues,
                "claims": claims,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_file_insurer_claim_list import CreditFileInsurerClaimList  # noqa: PLC0415
        from ..models.credit_file_insurer_overdue_list import CreditFileInsurerOverdueList  # noqa: PLC0415

        d = dict(src_dict)
        open_overdues = d.pop("open_overdues")

        insureds_with_overdues = d.pop("insureds_with_overdues")

        overdues = CreditFileInsurerOverdueList.from_dict(d.pop("overdues"))

        claims = CreditFileInsurerClaimList.from_dict(d.pop("claims"))

        insurer_claims_section = cls(
            open_overdues=open_overdues,
            insureds_with_overdues=insureds_with_overdues,
            overdues=overdues,
            claims=claims,
        )

        insurer_claims_section.additional_properties = d
        return insurer_claims_section

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
