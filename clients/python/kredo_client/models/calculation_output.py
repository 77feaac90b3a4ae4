from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.calculation_line_output import CalculationLineOutput
    from ..models.money import Money


T = TypeVar("T", bound="CalculationOutput")


@_attrs_define
class CalculationOutput:
    """
    Attributes:
        snapshot (bool): True: as stored when the claim was submitted or approved. False: calculated now from the file.
        currency (str):
        lines (list[CalculationLineOutput]):
        covered_loss (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        gross_indemnity (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        non_qualifying_loss (Money): Money: the amount a decimal string at the currency's minor unit (never a float),
            the currency an ISO 4217 code.
        liability_cap (Money | None): The remaining maximum liability of the policy period.
        indemnity (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
        explanation (list[str]): In the request's language (Accept-Language).
    """

    snapshot: bool
    currency: str
    lines: list[CalculationLineOutput]
    covered_loss: Money
    gross_indemnity: Money
    non_qualifying_loss: Money
    liability_cap: Money | None
    indemnity: Money
    explanation: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        snapshot = self.snapshot

        currency = self.currency

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        covered_loss = self.covered_loss.to_dict()

        gross_indemnity = self.gross_indemnity.to_dict()

        non_qualifying_loss = self.non_qualifying_loss.to_dict()

        liability_cap: dict[str, Any] | None
        if isinstance(self.liability_cap, Money):
            liability_cap = self.liability_cap.to_dict()
        else:
            liability_cap = self.liability_cap

        indemnity = self.indemnity.to_dict()

        explanation = self.explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "snapshot": snapshot,
                "currency": currency,
                "lines": lines,
                "covered_loss": covered_loss,
                "gross_indemnity": gross_indemnity,
                "non_qualifying_loss": non_qualifying_loss,
                "liability_cap": liability_cap,
                "indemnity": indemnity,
                "explanation": explanation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calculation_line_output import CalculationLineOutput  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        snapshot = d.pop("snapshot")

        currency = d.pop("currency")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = CalculationLineOutput.from_dict(lines_item_data)

            lines.append(lines_item)

        covered_loss = Money.from_dict(d.pop("covered_loss"))

        gross_indemnity = Money.from_dict(d.pop("gross_indemnity"))

        non_qualifying_loss = Money.from_dict(d.pop("non_qualifying_loss"))

        def _parse_liability_cap(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                liability_cap_type_0 = Money.from_dict(data)

                return liability_cap_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        liability_cap = _parse_liability_cap(d.pop("liability_cap"))

        indemnity = Money.from_dict(d.pop("indemnity"))

        explanation = cast(list[str], d.pop("explanation"))

        calculation_output = cls(
            snapshot=snapshot,
            currency=currency,
            lines=lines,
            covered_loss=covered_loss,
            gross_indemnity=gross_indemnity,
            non_qualifying_loss=non_qualifying_loss,
            liability_cap=liability_cap,
            indemnity=indemnity,
            explanation=explanation,
        )

        calculation_output.additional_properties = d
        return calculation_output

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
