from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.credit_file_paid_invoice_list import CreditFilePaidInvoiceList
    from ..models.figures import Figures


T = TypeVar("T", bound="PaymentBehaviour")


@_attrs_define
class PaymentBehaviour:
    """
    Attributes:
        figures (Figures | None): Null before any invoice of yours on it was paid.
        invoices (CreditFilePaidInvoiceList):
    """

    figures: Figures | None
    invoices: CreditFilePaidInvoiceList
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.figures import Figures  # noqa: PLC0415

        figures: dict[str, Any] | None
        if isinstance(self.figures, Figures):
            figures = self.figures.to_dict()
        else:
            figures = self.figures

        invoices = self.invoices.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "figures": figures,
                "invoices": invoices,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_file_paid_invoice_list import CreditFilePaidInvoiceList  # noqa: PLC0415
        from ..models.figures import Figures  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_figures(data: object) -> Figures | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                figures_type_0 = Figures.from_dict(data)

                return figures_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Figures | None, data)

        figures = _parse_figures(d.pop("figures"))

        invoices = CreditFilePaidInvoiceList.from_dict(d.pop("invoices"))

        payment_behaviour = cls(
            figures=figures,
            invoices=invoices,
        )

        payment_behaviour.additional_properties = d
        return payment_behaviour

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
