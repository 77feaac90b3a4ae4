from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.source_enum import SourceEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="StatementOutput")


@_attrs_define
class StatementOutput:
    """
    Attributes:
        id (int):
        buyer (int):
        year (int):
        currency (str):
        revenue (Money | None):
        equity (Money | None):
        total_assets (Money | None):
        current_assets (Money | None):
        current_liabilities (Money | None):
        net_income (Money | None):
        ebitda (Money | None):
        recorded_at (datetime.datetime):
        source (SourceEnum | Unset): * `underwriter` - Recorded by an underwriter
            * `csv` - Imported from a CSV file
    """

    id: int
    buyer: int
    year: int
    currency: str
    revenue: Money | None
    equity: Money | None
    total_assets: Money | None
    current_assets: Money | None
    current_liabilities: Money | None
    net_income: Money | None
    ebitda: Money | None
    recorded_at: datetime.datetime
    source: SourceEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        id = self.id

        buyer = self.buyer

        year = self.year

        currency = self.currency

        revenue: dict[str, Any] | None
        if isinstance(self.revenue, Money):
            revenue = self.revenue.to_dict()
        else:
            revenue = self.revenue

        equity: dict[str, Any] | None
        if isinstance(self.equity, Money):
            equity = self.equity.to_dict()
        else:
            equity = self.equity

        total_assets: dict[str, Any] | None
        if isinstance(self.total_assets, Money):
            total_assets = self.total_assets.to_dict()
        else:
            total_assets = self.total_assets

        current_assets: dict[str, Any] | None
        if isinstance(self.current_assets, Money):
            current_assets = self.current_assets.to_dict()
        else:
            current_assets = self.current_assets

        current_liabilities: dict[str, Any] | None
        if isinstance(self.current_liabilities, Money):
            current_liabilities = self.current_liabilities.to_dict()
        else:
            current_liabilities = self.current_liabilities

        net_income: dict[str, Any] | None
        if isinstance(self.net_income, Money):
            net_income = self.net_income.to_dict()
        else:
            net_income = self.net_income

        ebitda: dict[str, Any] | None
        if isinstance(self.ebitda, Money):
            ebitda = self.ebitda.to_dict()
        else:
            ebitda = self.ebitda

        recorded_at = self.recorded_at.isoformat()

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "buyer": buyer,
                "year": year,
                "currency": currency,
                "revenue": revenue,
                "equity": equity,
                "total_assets": total_assets,
                "current_assets": current_assets,
                "current_liabilities": current_liabilities,
                "net_income": net_income,
                "ebitda": ebitda,
                "recorded_at": recorded_at,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        buyer = d.pop("buyer")

        year = d.pop("year")

        currency = d.pop("currency")

        def _parse_revenue(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                revenue_type_0 = Money.from_dict(data)

                return revenue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        revenue = _parse_revenue(d.pop("revenue"))

        def _parse_equity(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                equity_type_0 = Money.from_dict(data)

                return equity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        equity = _parse_equity(d.pop("equity"))

        def _parse_total_assets(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                total_assets_type_0 = Money.from_dict(data)

                return total_assets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        total_assets = _parse_total_assets(d.pop("total_assets"))

        def _parse_current_assets(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_assets_type_0 = Money.from_dict(data)

                return current_assets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        current_assets = _parse_current_assets(d.pop("current_assets"))

        def _parse_current_liabilities(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_liabilities_type_0 = Money.from_dict(data)

                return current_liabilities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        current_liabilities = _parse_current_liabilities(d.pop("current_liabilities"))

        def _parse_net_income(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                net_income_type_0 = Money.from_dict(data)

                return net_income_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        net_income = _parse_net_income(d.pop("net_income"))

        def _parse_ebitda(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ebitda_type_0 = Money.from_dict(data)

                return ebitda_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        ebitda = _parse_ebitda(d.pop("ebitda"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        _source = d.pop("source", UNSET)
        source: SourceEnum | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = SourceEnum(_source)

        statement_output = cls(
            id=id,
            buyer=buyer,
            year=year,
            currency=currency,
            revenue=revenue,
            equity=equity,
            total_assets=total_assets,
            current_assets=current_assets,
            current_liabilities=current_liabilities,
            net_income=net_income,
            ebitda=ebitda,
            recorded_at=recorded_at,
            source=source,
        )

        statement_output.additional_properties = d
        return statement_output

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
