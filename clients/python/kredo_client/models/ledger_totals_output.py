from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="LedgerTotalsOutput")


@_attrs_define
class LedgerTotalsOutput:
    """
    Attributes:
        indemnity_paid (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        recovered_before_payment (Money): Money: the amount a decimal string at the currency's minor unit (never a
            float), the currency an ISO 4217 code.
        recovered_by_insurer (Money): Money: the amount a decimal string at the currency's minor unit (never a float),
            the currency an ISO 4217 code.
        received_by_insured (Money): Money: the amount a decimal string at the currency's minor unit (never a float),
            the currency an ISO 4217 code.
        collection_costs (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        net_recovery (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        insurer_share (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        insured_share (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        insurer_net_cost (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        settled_to_insurer (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        settled_to_insured (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        insured_owes_insurer (Money): Money: the amount a decimal string at the currency's minor unit (never a float),
            the currency an ISO 4217 code.
        insurer_owes_insured (Money): Money: the amount a decimal string at the currency's minor unit (never a float),
            the currency an ISO 4217 code.
    """

    indemnity_paid: Money
    recovered_before_payment: Money
    recovered_by_insurer: Money
    received_by_insured: Money
    collection_costs: Money
    net_recovery: Money
    insurer_share: Money
    insured_share: Money
    insurer_net_cost: Money
    settled_to_insurer: Money
    settled_to_insured: Money
    insured_owes_insurer: Money
    insurer_owes_insured: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        indemnity_paid = self.indemnity_paid.to_dict()

        recovered_before_payment = self.recovered_before_payment.to_dict()

        recovered_by_insurer = self.recovered_by_insurer.to_dict()

        received_by_insured = self.received_by_insured.to_dict()

        collection_costs = self.collection_costs.to_dict()

        net_recovery = self.net_recovery.to_dict()

        insurer_share = self.insurer_share.to_dict()

        insured_share = self.insured_share.to_dict()

        insurer_net_cost = self.insurer_net_cost.to_dict()

        settled_to_insurer = self.settled_to_insurer.to_dict()

        settled_to_insured = self.settled_to_insured.to_dict()

        insured_owes_insurer = self.insured_owes_insurer.to_dict()

        insurer_owes_insured = self.insurer_owes_insured.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "indemnity_paid": indemnity_paid,
                "recovered_before_payment": recovered_before_payment,
                "recovered_by_insurer": recovered_by_insurer,
                "received_by_insured": received_by_insured,
                "collection_costs": collection_costs,
                "net_recovery": net_recovery,
                "insurer_share": insurer_share,
                "insured_share": insured_share,
                "insurer_net_cost": insurer_net_cost,
                "settled_to_insurer": settled_to_insurer,
                "settled_to_insured": settled_to_insured,
                "insured_owes_insurer": insured_owes_insurer,
                "insurer_owes_insured": insurer_owes_insured,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        indemnity_paid = Money.from_dict(d.pop("indemnity_paid"))

        recovered_before_payment = Money.from_dict(d.pop("recovered_before_payment"))

        recovered_by_insurer = Money.from_dict(d.pop("recovered_by_insurer"))

        received_by_insured = Money.from_dict(d.pop("received_by_insured"))

        collection_costs = Money.from_dict(d.pop("collection_costs"))

        net_recovery = Money.from_dict(d.pop("net_recovery"))

        insurer_share = Money.from_dict(d.pop("insurer_share"))

        insured_share = Money.from_dict(d.pop("insured_share"))

        insurer_net_cost = Money.from_dict(d.pop("insurer_net_cost"))

        settled_to_insurer = Money.from_dict(d.pop("settled_to_insurer"))

        settled_to_insured = Money.from_dict(d.pop("settled_to_insured"))

        insured_owes_insurer = Money.from_dict(d.pop("insured_owes_insurer"))

        insurer_owes_insured = Money.from_dict(d.pop("insurer_owes_insured"))

        ledger_totals_output = cls(
            indemnity_paid=indemnity_paid,
            recovered_before_payment=recovered_before_payment,
            recovered_by_insurer=recovered_by_insurer,
            received_by_insured=received_by_insured,
            collection_costs=collection_costs,
            net_recovery=net_recovery,
            insurer_share=insurer_share,
            insured_share=insured_share,
            insurer_net_cost=insurer_net_cost,
            settled_to_insurer=settled_to_insurer,
            settled_to_insured=settled_to_insured,
            insured_owes_insurer=insured_owes_insurer,
            insurer_owes_insured=insurer_owes_insured,
        )

        ledger_totals_output.additional_properties = d
        return ledger_totals_output

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
