from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status_enum import StatusEnum

if TYPE_CHECKING:
    from ..models.loss_payee_output import LossPayeeOutput
    from ..models.policy_terms_output import PolicyTermsOutput
    from ..models.terms_version_output import TermsVersionOutput


T = TypeVar("T", bound="PolicyDetailOutput")


@_attrs_define
class PolicyDetailOutput:
    """
    Attributes:
        id (int):
        number (str):
        status (StatusEnum): * `draft` - Draft
            * `active` - Active
            * `expired` - Expired
            * `cancelled` - Cancelled
        start_date (datetime.date):
        end_date (datetime.date): Last day of the policy period.
        currency (str):
        terms (PolicyTermsOutput):
        terms_versions (list[TermsVersionOutput]): Every dated version of the terms, oldest first: the terms at issue,
            then each endorsement.
        loss_payees (list[LossPayeeOutput]): Banks paid the indemnity as loss payee, newest first.
    """

    id: int
    number: str
    status: StatusEnum
    start_date: datetime.date
    end_date: datetime.date
    currency: str
    terms: PolicyTermsOutput
    terms_versions: list[TermsVersionOutput]
    loss_payees: list[LossPayeeOutput]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        status = self.status.value

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        currency = self.currency

        terms = self.terms.to_dict()

        terms_versions = []
        for terms_versions_item_data in self.terms_versions:
            terms_versions_item = terms_versions_item_data.to_dict()
            terms_versions.append(terms_versions_item)

        loss_payees = []
        for loss_payees_item_data in self.loss_payees:
            loss_payees_item = loss_payees_item_data.to_dict()
            loss_payees.append(loss_payees_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "status": status,
                "start_date": start_date,
                "end_date": end_date,
                "currency": currency,
                "terms": terms,
                "terms_versions": terms_versions,
                "loss_payees": loss_payees,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.loss_payee_output import LossPayeeOutput  # noqa: PLC0415
        from ..models.policy_terms_output import PolicyTermsOutput  # noqa: PLC0415
        from ..models.terms_version_output import TermsVersionOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        status = StatusEnum(d.pop("status"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        currency = d.pop("currency")

        terms = PolicyTermsOutput.from_dict(d.pop("terms"))

        terms_versions = []
        _terms_versions = d.pop("terms_versions")
        for terms_versions_item_data in _terms_versions:
            terms_versions_item = TermsVersionOutput.from_dict(terms_versions_item_data)

            terms_versions.append(terms_versions_item)

        loss_payees = []
        _loss_payees = d.pop("loss_payees")
        for loss_payees_item_data in _loss_payees:
            loss_payees_item = LossPayeeOutput.from_dict(loss_payees_item_data)

            loss_payees.append(loss_payees_item)

        policy_detail_output = cls(
            id=id,
            number=number,
            status=status,
            start_date=start_date,
            end_date=end_date,
            currency=currency,
            terms=terms,
            terms_versions=terms_versions,
            loss_payees=loss_payees,
        )

        policy_detail_output.additional_properties = d
        return policy_detail_output

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
