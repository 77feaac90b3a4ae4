from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.calculation_line_output_after_recoveries import CalculationLineOutputAfterRecoveries
    from ..models.calculation_line_output_covered import CalculationLineOutputCovered
    from ..models.calculation_line_output_indemnity import CalculationLineOutputIndemnity
    from ..models.calculation_line_output_limit_available import CalculationLineOutputLimitAvailable
    from ..models.calculation_line_output_limit_in_force import CalculationLineOutputLimitInForce
    from ..models.calculation_line_output_outstanding import CalculationLineOutputOutstanding


T = TypeVar("T", bound="CalculationLineOutput")


@_attrs_define
class CalculationLineOutput:
    """
    Attributes:
        invoice (str): Invoice number.
        shipment_date (datetime.date):
        outstanding (CalculationLineOutputOutstanding):
        after_recoveries (CalculationLineOutputAfterRecoveries): Outstanding less payments and recoveries before
            payment.
        limit_in_force (CalculationLineOutputLimitInForce): The limit in force on the shipment date.
        limit_available (CalculationLineOutputLimitAvailable): What the limit still covered after earlier unpaid
            invoices.
        covered (CalculationLineOutputCovered):
        percentage_of_cover (str):
        indemnity (CalculationLineOutputIndemnity): This invoice's share, before the single final rounding.
        notes (list[str]): In the request's language (Accept-Language).
    """

    invoice: str
    shipment_date: datetime.date
    outstanding: CalculationLineOutputOutstanding
    after_recoveries: CalculationLineOutputAfterRecoveries
    limit_in_force: CalculationLineOutputLimitInForce
    limit_available: CalculationLineOutputLimitAvailable
    covered: CalculationLineOutputCovered
    percentage_of_cover: str
    indemnity: CalculationLineOutputIndemnity
    notes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice = self.invoice

        shipment_date = self.shipment_date.isoformat()

        outstanding = self.outstanding.to_dict()

        after_recoveries = self.after_recoveries.to_dict()

        limit_in_force = self.limit_in_force.to_dict()

        limit_available = self.limit_available.to_dict()

        covered = self.covered.to_dict()

        percentage_of_cover = self.percentage_of_cover

        indemnity = self.indemnity.to_dict()

        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice": invoice,
                "shipment_date": shipment_date,
                "outstanding": outstanding,
                "after_recoveries": after_recoveries,
                "limit_in_force": limit_in_force,
                "limit_available": limit_available,
                "covered": covered,
                "percentage_of_cover": percentage_of_cover,
                "indemnity": indemnity,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calculation_line_output_after_recoveries import CalculationLineOutputAfterRecoveries  # noqa: PLC0415
        from ..models.calculation_line_output_covered import CalculationLineOutputCovered  # noqa: PLC0415
        from ..models.calculation_line_output_indemnity import CalculationLineOutputIndemnity  # noqa: PLC0415
        from ..models.calculation_line_output_limit_available import CalculationLineOutputLimitAvailable  # noqa: PLC0415
        from ..models.calculation_line_output_limit_in_force import CalculationLineOutputLimitInForce  # noqa: PLC0415
        from ..models.calculation_line_output_outstanding import CalculationLineOutputOutstanding  # noqa: PLC0415

        d = dict(src_dict)
        invoice = d.pop("invoice")

        shipment_date = datetime.date.fromisoformat(d.pop("shipment_date"))

        outstanding = CalculationLineOutputOutstanding.from_dict(d.pop("outstanding"))

        after_recoveries = CalculationLineOutputAfterRecoveries.from_dict(d.pop("after_recoveries"))

        limit_in_force = CalculationLineOutputLimitInForce.from_dict(d.pop("limit_in_force"))

        limit_available = CalculationLineOutputLimitAvailable.from_dict(d.pop("limit_available"))

        covered = CalculationLineOutputCovered.from_dict(d.pop("covered"))

        percentage_of_cover = d.pop("percentage_of_cover")

        indemnity = CalculationLineOutputIndemnity.from_dict(d.pop("indemnity"))

        notes = cast(list[str], d.pop("notes"))

        calculation_line_output = cls(
            invoice=invoice,
            shipment_date=shipment_date,
            outstanding=outstanding,
            after_recoveries=after_recoveries,
            limit_in_force=limit_in_force,
            limit_available=limit_available,
            covered=covered,
            percentage_of_cover=percentage_of_cover,
            indemnity=indemnity,
            notes=notes,
        )

        calculation_line_output.additional_properties = d
        return calculation_line_output

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
