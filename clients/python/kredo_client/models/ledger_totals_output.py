from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ledger_totals_output_collection_costs import LedgerTotalsOutputCollectionCosts
    from ..models.ledger_totals_output_indemnity_paid import LedgerTotalsOutputIndemnityPaid
    from ..models.ledger_totals_output_insured_owes_insurer import LedgerTotalsOutputInsuredOwesInsurer
    from ..models.ledger_totals_output_insured_share import LedgerTotalsOutputInsuredShare
    from ..models.ledger_totals_output_insurer_net_cost import LedgerTotalsOutputInsurerNetCost
    from ..models.ledger_totals_output_insurer_owes_insured import LedgerTotalsOutputInsurerOwesInsured
    from ..models.ledger_totals_output_insurer_share import LedgerTotalsOutputInsurerShare
    from ..models.ledger_totals_output_net_recovery import LedgerTotalsOutputNetRecovery
    from ..models.ledger_totals_output_received_by_insured import LedgerTotalsOutputReceivedByInsured
    from ..models.ledger_totals_output_recovered_before_payment import LedgerTotalsOutputRecoveredBeforePayment
    from ..models.ledger_totals_output_recovered_by_insurer import LedgerTotalsOutputRecoveredByInsurer
    from ..models.ledger_totals_output_settled_to_insured import LedgerTotalsOutputSettledToInsured
    from ..models.ledger_totals_output_settled_to_insurer import LedgerTotalsOutputSettledToInsurer


T = TypeVar("T", bound="LedgerTotalsOutput")


@_attrs_define
class LedgerTotalsOutput:
    """
    Attributes:
        indemnity_paid (LedgerTotalsOutputIndemnityPaid):
        recovered_before_payment (LedgerTotalsOutputRecoveredBeforePayment):
        recovered_by_insurer (LedgerTotalsOutputRecoveredByInsurer):
        received_by_insured (LedgerTotalsOutputReceivedByInsured):
        collection_costs (LedgerTotalsOutputCollectionCosts):
        net_recovery (LedgerTotalsOutputNetRecovery):
        insurer_share (LedgerTotalsOutputInsurerShare): What the insurer keeps of the net recovery.
        insured_share (LedgerTotalsOutputInsuredShare): What the insured gets back of the net recovery.
        insurer_net_cost (LedgerTotalsOutputInsurerNetCost): Indemnity paid minus the insurer's share.
        settled_to_insurer (LedgerTotalsOutputSettledToInsurer):
        settled_to_insured (LedgerTotalsOutputSettledToInsured):
        insured_owes_insurer (LedgerTotalsOutputInsuredOwesInsurer):
        insurer_owes_insured (LedgerTotalsOutputInsurerOwesInsured):
    """

    indemnity_paid: LedgerTotalsOutputIndemnityPaid
    recovered_before_payment: LedgerTotalsOutputRecoveredBeforePayment
    recovered_by_insurer: LedgerTotalsOutputRecoveredByInsurer
    received_by_insured: LedgerTotalsOutputReceivedByInsured
    collection_costs: LedgerTotalsOutputCollectionCosts
    net_recovery: LedgerTotalsOutputNetRecovery
    insurer_share: LedgerTotalsOutputInsurerShare
    insured_share: LedgerTotalsOutputInsuredShare
    insurer_net_cost: LedgerTotalsOutputInsurerNetCost
    settled_to_insurer: LedgerTotalsOutputSettledToInsurer
    settled_to_insured: LedgerTotalsOutputSettledToInsured
    insured_owes_insurer: LedgerTotalsOutputInsuredOwesInsurer
    insurer_owes_insured: LedgerTotalsOutputInsurerOwesInsured
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
        from ..models.ledger_totals_output_collection_costs import LedgerTotalsOutputCollectionCosts  # noqa: PLC0415
        from ..models.ledger_totals_output_indemnity_paid import LedgerTotalsOutputIndemnityPaid  # noqa: PLC0415
        from ..models.ledger_totals_output_insured_owes_insurer import LedgerTotalsOutputInsuredOwesInsurer  # noqa: PLC0415
        from ..models.ledger_totals_output_insured_share import LedgerTotalsOutputInsuredShare  # noqa: PLC0415
        from ..models.ledger_totals_output_insurer_net_cost import LedgerTotalsOutputInsurerNetCost  # noqa: PLC0415
        from ..models.ledger_totals_output_insurer_owes_insured import LedgerTotalsOutputInsurerOwesInsured  # noqa: PLC0415
        from ..models.ledger_totals_output_insurer_share import LedgerTotalsOutputInsurerShare  # noqa: PLC0415
        from ..models.ledger_totals_output_net_recovery import LedgerTotalsOutputNetRecovery  # noqa: PLC0415
        from ..models.ledger_totals_output_received_by_insured import LedgerTotalsOutputReceivedByInsured  # noqa: PLC0415
        from ..models.ledger_totals_output_recovered_before_payment import LedgerTotalsOutputRecoveredBeforePayment  # noqa: PLC0415
        from ..models.ledger_totals_output_recovered_by_insurer import LedgerTotalsOutputRecoveredByInsurer  # noqa: PLC0415
        from ..models.ledger_totals_output_settled_to_insured import LedgerTotalsOutputSettledToInsured  # noqa: PLC0415
        from ..models.ledger_totals_output_settled_to_insurer import LedgerTotalsOutputSettledToInsurer  # noqa: PLC0415

        d = dict(src_dict)
        indemnity_paid = LedgerTotalsOutputIndemnityPaid.from_dict(d.pop("indemnity_paid"))

        recovered_before_payment = LedgerTotalsOutputRecoveredBeforePayment.from_dict(d.pop("recovered_before_payment"))

        recovered_by_insurer = LedgerTotalsOutputRecoveredByInsurer.from_dict(d.pop("recovered_by_insurer"))

        received_by_insured = LedgerTotalsOutputReceivedByInsured.from_dict(d.pop("received_by_insured"))

        collection_costs = LedgerTotalsOutputCollectionCosts.from_dict(d.pop("collection_costs"))

        net_recovery = LedgerTotalsOutputNetRecovery.from_dict(d.pop("net_recovery"))

        insurer_share = LedgerTotalsOutputInsurerShare.from_dict(d.pop("insurer_share"))

        insured_share = LedgerTotalsOutputInsuredShare.from_dict(d.pop("insured_share"))

        insurer_net_cost = LedgerTotalsOutputInsurerNetCost.from_dict(d.pop("insurer_net_cost"))

        settled_to_insurer = LedgerTotalsOutputSettledToInsurer.from_dict(d.pop("settled_to_insurer"))

        settled_to_insured = LedgerTotalsOutputSettledToInsured.from_dict(d.pop("settled_to_insured"))

        insured_owes_insurer = LedgerTotalsOutputInsuredOwesInsurer.from_dict(d.pop("insured_owes_insurer"))

        insurer_owes_insured = LedgerTotalsOutputInsurerOwesInsured.from_dict(d.pop("insurer_owes_insured"))

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
