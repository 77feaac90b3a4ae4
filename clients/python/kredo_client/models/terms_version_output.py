from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.policy_terms_output import PolicyTermsOutput


T = TypeVar("T", bound="TermsVersionOutput")


@_attrs_define
class TermsVersionOutput:
    """
    Attributes:
        effective_from (datetime.date): The first shipment day these terms apply to.
        reason (str): Why the terms changed (empty for the terms at issue).
        terms (PolicyTermsOutput):
    """

    effective_from: datetime.date
    reason: str
    terms: PolicyTermsOutput
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        reason = self.reason

        terms = self.terms.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effective_from": effective_from,
                "reason": reason,
                "terms": terms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.policy_terms_output import PolicyTermsOutput  # noqa: PLC0415

        d = dict(src_dict)
        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        reason = d.pop("reason")

        terms = PolicyTermsOutput.from_dict(d.pop("terms"))

        terms_version_output = cls(
            effective_from=effective_from,
            reason=reason,
            terms=terms,
        )

        terms_version_output.additional_properties = d
        return terms_version_output

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
