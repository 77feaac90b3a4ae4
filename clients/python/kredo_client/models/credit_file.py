from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.buyer_output import BuyerOutput
    from ..models.claims_section import ClaimsSection
    from ..models.credit_file_grade_list import CreditFileGradeList
    from ..models.credit_file_note_list import CreditFileNoteList
    from ..models.limits_section import LimitsSection
    from ..models.payment_experience import PaymentExperience


T = TypeVar("T", bound="CreditFile")


@_attrs_define
class CreditFile:
    """
    Attributes:
        buyer (BuyerOutput): The buyer's identity and grade: never a limit or an amount of any insured.
        grades (CreditFileGradeList):
        payment_experience (None | PaymentExperience): The insurer's payment experience, from the paid invoices every
            insured reported: shown only when at least 3 insureds report on the buyer, else null.
        notes (CreditFileNoteList):
        limits (LimitsSection):
        claims (ClaimsSection):
    """

    buyer: BuyerOutput
    grades: CreditFileGradeList
    payment_experience: None | PaymentExperience
    notes: CreditFileNoteList
    limits: LimitsSection
    claims: ClaimsSection
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.payment_experience import PaymentExperience  # noqa: PLC0415

        buyer = self.buyer.to_dict()

        grades = self.grades.to_dict()

        payment_experience: dict[str, Any] | None
        if isinstance(self.payment_experience, PaymentExperience):
            payment_experience = self.payment_experience.to_dict()
        else:
            payment_experience = self.payment_experience

        notes = self.notes.to_dict()

        limits = self.limits.to_dict()

        claims = self.claims.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "buyer": buyer,
                "grades": grades,
                "payment_experience": payment_experience,
                "notes": notes,
                "limits": limits,
                "claims": claims,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_output import BuyerOutput  # noqa: PLC0415
        from ..models.claims_section import ClaimsSection  # noqa: PLC0415
        from ..models.credit_file_grade_list import CreditFileGradeList  # noqa: PLC0415
        from ..models.credit_file_note_list import CreditFileNoteList  # noqa: PLC0415
        from ..models.limits_section import LimitsSection  # noqa: PLC0415
        from ..models.payment_experience import PaymentExperience  # noqa: PLC0415

        d = dict(src_dict)
        buyer = BuyerOutput.from_dict(d.pop("buyer"))

        grades = CreditFileGradeList.from_dict(d.pop("grades"))

        def _parse_payment_experience(data: object) -> None | PaymentExperience:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payment_experience_type_0 = PaymentExperience.from_dict(data)

                return payment_experience_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PaymentExperience, data)

        payment_experience = _parse_payment_experience(d.pop("payment_experience"))

        notes = CreditFileNoteList.from_dict(d.pop("notes"))

        limits = LimitsSection.from_dict(d.pop("limits"))

        claims = ClaimsSection.from_dict(d.pop("claims"))

        credit_file = cls(
            buyer=buyer,
            grades=grades,
            payment_experience=payment_experience,
            notes=notes,
            limits=limits,
            claims=claims,
        )

        credit_file.additional_properties = d
        return credit_file

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
