from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StatementInputRequest")


@_attrs_define
class StatementInputRequest:
    """
    Attributes:
        year (int): The financial year.
        currency (str): ISO 4217 code of every amount.
        revenue (str): Plain decimal string in `currency`, e.g. "12500000.00".
        equity (str): May be negative.
        total_assets (str):
        current_assets (str):
        current_liabilities (str):
        net_income (str): May be negative.
        ebitda (str): May be negative.
    """

    year: int
    currency: str
    revenue: str
    equity: str
    total_assets: str
    current_assets: str
    current_liabilities: str
    net_income: str
    ebitda: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        currency = self.currency

        revenue = self.revenue

        equity = self.equity

        total_assets = self.total_assets

        current_assets = self.current_assets

        current_liabilities = self.current_liabilities

        net_income = self.net_income

        ebitda = self.ebitda

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "currency": currency,
                "revenue": revenue,
                "equity": equity,
                "total_assets": total_assets,
                "current_assets": current_assets,
                "current_liabilities": current_liabilities,
                "net_income": net_income,
                "ebitda": ebitda,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        currency = d.pop("currency")

        revenue = d.pop("revenue")

        equity = d.pop("equity")

        total_assets = d.pop("total_assets")

        current_assets = d.pop("current_assets")

        current_liabilities = d.pop("current_liabilities")

        net_income = d.pop("net_income")

        ebitda = d.pop("ebitda")

        statement_input_request = cls(
            year=year,
            currency=currency,
            revenue=revenue,
            equity=equity,
            total_assets=total_assets,
            current_assets=current_assets,
            current_liabilities=current_liabilities,
            net_income=net_income,
            ebitda=ebitda,
        )

        statement_input_request.additional_properties = d
        return statement_input_request

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
