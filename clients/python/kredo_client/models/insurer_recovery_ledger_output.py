from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recovery_sharing_rule_enum import RecoverySharingRuleEnum

if TYPE_CHECKING:
    from ..models.collection_case_output import CollectionCaseOutput
    from ..models.ledger_line_output import LedgerLineOutput
    from ..models.ledger_totals_output import LedgerTotalsOutput


T = TypeVar("T", bound="InsurerRecoveryLedgerOutput")


@_attrs_define
class InsurerRecoveryLedgerOutput:
    """The insured's statement, plus whose claim it is: the insurer reads every tenant's claims.

    Attributes:
        claim_id (int):
        currency (str):
        rule (RecoverySharingRuleEnum): * `pro_rata` - Pro rata by percentage of cover
            * `insurer_first` - Insurer first, up to the indemnity paid
        percentage_of_cover (str):
        lines (list[LedgerLineOutput]):
        totals (LedgerTotalsOutput):
        collection_cases (list[CollectionCaseOutput]):
        tenant_id (int):
        tenant (str): The insured's legal name.
    """

    claim_id: int
    currency: str
    rule: RecoverySharingRuleEnum
    percentage_of_cover: str
    lines: list[LedgerLineOutput]
    totals: LedgerTotalsOutput
    collection_cases: list[CollectionCaseOutput]
    tenant_id: int
    tenant: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim_id = self.claim_id

        currency = self.currency

        rule = self.rule.value

        percentage_of_cover = self.percentage_of_cover

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        totals = self.totals.to_dict()

        collection_cases = []
        for collection_cases_item_data in self.collection_cases:
            collection_cases_item = collection_cases_item_data.to_dict()
            collection_cases.append(collection_cases_item)

        tenant_id = self.tenant_id

        tenant = self.tenant

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_id": claim_id,
                "currency": currency,
                "rule": rule,
                "percentage_of_cover": percentage_of_cover,
                "lines": lines,
                "totals": totals,
                "collection_cases": collection_cases,
                "tenant_id": tenant_id,
                "tenant": tenant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.collection_case_output import CollectionCaseOutput  # noqa: PLC0415
        from ..models.ledger_line_output import LedgerLineOutput  # noqa: PLC0415
        from ..models.ledger_totals_output import LedgerTotalsOutput  # noqa: PLC0415

        d = dict(src_dict)
        claim_id = d.pop("claim_id")

        currency = d.pop("currency")

        rule = RecoverySharingRuleEnum(d.pop("rule"))

        percentage_of_cover = d.pop("percentage_of_cover")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LedgerLineOutput.from_dict(lines_item_data)

            lines.append(lines_item)

        totals = LedgerTotalsOutput.from_dict(d.pop("totals"))

        collection_cases = []
        _collection_cases = d.pop("collection_cases")
        for collection_cases_item_data in _collection_cases:
            collection_cases_item = CollectionCaseOutput.from_dict(collection_cases_item_data)

            collection_cases.append(collection_cases_item)

        tenant_id = d.pop("tenant_id")

        tenant = d.pop("tenant")

        insurer_recovery_ledger_output = cls(
            claim_id=claim_id,
            currency=currency,
            rule=rule,
            percentage_of_cover=percentage_of_cover,
            lines=lines,
            totals=totals,
            collection_cases=collection_cases,
            tenant_id=tenant_id,
            tenant=tenant,
        )

        insurer_recovery_ledger_output.additional_properties = d
        return insurer_recovery_ledger_output

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
