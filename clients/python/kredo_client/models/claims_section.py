from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.credit_file_claim_list import CreditFileClaimList
    from ..models.credit_file_document_list import CreditFileDocumentList
    from ..models.credit_file_overdue_list import CreditFileOverdueList
    from ..models.payment_behaviour import PaymentBehaviour
    from ..models.utilisation import Utilisation


T = TypeVar("T", bound="ClaimsSection")


@_attrs_define
class ClaimsSection:
    """
    Attributes:
        utilisation (list[Utilisation]):
        overdues (CreditFileOverdueList):
        claims (CreditFileClaimList | None): Null for a user who may not see claims.
        documents (CreditFileDocumentList | None): The claims' documents; null as claims.
        payment_behaviour (PaymentBehaviour):
    """

    utilisation: list[Utilisation]
    overdues: CreditFileOverdueList
    claims: CreditFileClaimList | None
    documents: CreditFileDocumentList | None
    payment_behaviour: PaymentBehaviour
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.credit_file_claim_list import CreditFileClaimList  # noqa: PLC0415
        from ..models.credit_file_document_list import CreditFileDocumentList  # noqa: PLC0415

        utilisation = []
        for utilisation_item_data in self.utilisation:
            utilisation_item = utilisation_item_data.to_dict()
            utilisation.append(utilisation_item)

        overdues = self.overdues.to_dict()

        claims: dict[str, Any] | None
        if isinstance(self.claims, CreditFileClaimList):
            claims = self.claims.to_dict()
        else:
            claims = self.claims

        documents: dict[str, Any] | None
        if isinstance(self.documents, CreditFileDocumentList):
            documents = self.documents.to_dict()
        else:
            documents = self.documents

        payment_behaviour = self.payment_behaviour.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "utilisation": utilisation,
                "overdues": overdues,
                "claims": claims,
                "documents": documents,
                "payment_behaviour": payment_behaviour,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_file_claim_list import CreditFileClaimList  # noqa: PLC0415
        from ..models.credit_file_document_list import CreditFileDocumentList  # noqa: PLC0415
        from ..models.credit_file_overdue_list import CreditFileOverdueList  # noqa: PLC0415
        from ..models.payment_behaviour import PaymentBehaviour  # noqa: PLC0415
        from ..models.utilisation import Utilisation  # noqa: PLC0415

        d = dict(src_dict)
        utilisation = []
        _utilisation = d.pop("utilisation")
        for utilisation_item_data in _utilisation:
            utilisation_item = Utilisation.from_dict(utilisation_item_data)

            utilisation.append(utilisation_item)

        overdues = CreditFileOverdueList.from_dict(d.pop("overdues"))

        def _parse_claims(data: object) -> CreditFileClaimList | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                claims_type_0 = CreditFileClaimList.from_dict(data)

                return claims_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditFileClaimList | None, data)

        claims = _parse_claims(d.pop("claims"))

        def _parse_documents(data: object) -> CreditFileDocumentList | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                documents_type_0 = CreditFileDocumentList.from_dict(data)

                return documents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditFileDocumentList | None, data)

        documents = _parse_documents(d.pop("documents"))

        payment_behaviour = PaymentBehaviour.from_dict(d.pop("payment_behaviour"))

        claims_section = cls(
            utilisation=utilisation,
            overdues=overdues,
            claims=claims,
            documents=documents,
            payment_behaviour=payment_behaviour,
        )

        claims_section.additional_properties = d
        return claims_section

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
