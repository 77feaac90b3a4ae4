from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ledger_holder_enum import LedgerHolderEnum
from ..models.ledger_line_kind_enum import LedgerLineKindEnum

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="LedgerLineOutput")


@_attrs_define
class LedgerLineOutput:
    """
    Attributes:
        on (datetime.date):
        kind (LedgerLineKindEnum): * `recovery` - Recovery
            * `cost` - Collection cost
            * `settlement` - Settlement
        label (str):
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        held_by (LedgerHolderEnum): * `insurer` - The insurer holds the money
            * `insured` - The insured holds the money
        reduced_loss (bool): A recovery before payment: it reduced the loss, not shared.
        insurer_share_to_date (Money | None): Cumulative, after this line (shared lines only).
        insured_share_to_date (Money | None): Cumulative, after this line (shared lines only).
    """

    on: datetime.date
    kind: LedgerLineKindEnum
    label: str
    amount: Money
    held_by: LedgerHolderEnum
    reduced_loss: bool
    insurer_share_to_date: Money | None
    insured_share_to_date: Money | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        on = self.on.isoformat()

        kind = self.kind.value

        label = self.label

        amount = self.amount.to_dict()

        held_by = self.held_by.value

        reduced_loss = self.reduced_loss

        insurer_share_to_date: dict[str, Any] | None
        if isinstance(self.insurer_share_to_date, Money):
            insurer_share_to_date = self.insurer_share_to_date.to_dict()
        else:
            insurer_share_to_date = self.insurer_share_to_date

        insured_share_to_date: dict[str, Any] | None
        if isinstance(self.insured_share_to_date, Money):
            insured_share_to_date = self.insured_share_to_date.to_dict()
        else:
            insured_share_to_date = self.insured_share_to_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "on": on,
                "kind": kind,
                "label": label,
                "amount": amount,
                "held_by": held_by,
                "reduced_loss": reduced_loss,
                "insurer_share_to_date": insurer_share_to_date,
                "insured_share_to_date": insured_share_to_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        on = datetime.date.fromisoformat(d.pop("on"))

        kind = LedgerLineKindEnum(d.pop("kind"))

        label = d.pop("label")

        amount = Money.from_dict(d.pop("amount"))

        held_by = LedgerHolderEnum(d.pop("held_by"))

        reduced_loss = d.pop("reduced_loss")

        def _parse_insurer_share_to_date(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                insurer_share_to_date_type_0 = Money.from_dict(data)

                return insurer_share_to_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        insurer_share_to_date = _parse_insurer_share_to_date(d.pop("insurer_share_to_date"))

        def _parse_insured_share_to_date(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                insured_share_to_date_type_0 = Money.from_dict(data)

                return insured_share_to_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        insured_share_to_date = _parse_insured_share_to_date(d.pop("insured_share_to_date"))

        ledger_line_output = cls(
            on=on,
            kind=kind,
            label=label,
            amount=amount,
            held_by=held_by,
            reduced_loss=reduced_loss,
            insurer_share_to_date=insurer_share_to_date,
            insured_share_to_date=insured_share_to_date,
        )

        ledger_line_output.additional_properties = d
        return ledger_line_output

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
