from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quote_decline_reason_enum import QuoteDeclineReasonEnum
from ..models.quote_state_enum import QuoteStateEnum

if TYPE_CHECKING:
    from ..models.insurer_quote_output_terms import InsurerQuoteOutputTerms


T = TypeVar("T", bound="InsurerQuoteOutput")


@_attrs_define
class InsurerQuoteOutput:
    """
    Attributes:
        id (int):
        proposal_id (int):
        state (QuoteStateEnum): * `draft` - Draft
            * `offered` - Offered
            * `accepted` - Accepted
            * `declined` - Declined
            * `expired` - Expired
        currency (str):
        start_date (datetime.date):
        end_date (datetime.date):
        valid_until (datetime.date): The last day the insured may accept it.
        terms (InsurerQuoteOutputTerms): Every term the policy will be issued with, by the names of a policy's terms
            versions (amounts as decimal strings in the quote's currency).
        offered_at (datetime.datetime | None):
        decided_at (datetime.datetime | None):
        decline_reason (QuoteDeclineReasonEnum): * `premium` - The premium is too high
            * `terms` - The terms do not fit
            * `other_insurer` - Insured elsewhere
            * `no_longer_needed` - Cover no longer needed
            * `other` - Other
        decline_note (str):
        policy_id (int | None):
        policy (None | str):
        may_decide (bool): Whether the caller may accept or decline it now.
        tenant_id (int):
    """

    id: int
    proposal_id: int
    state: QuoteStateEnum
    currency: str
    start_date: datetime.date
    end_date: datetime.date
    valid_until: datetime.date
    terms: InsurerQuoteOutputTerms
    offered_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    decline_reason: QuoteDeclineReasonEnum
    decline_note: str
    policy_id: int | None
    policy: None | str
    may_decide: bool
    tenant_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        proposal_id = self.proposal_id

        state = self.state.value

        currency = self.currency

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        valid_until = self.valid_until.isoformat()

        terms = self.terms.to_dict()

        offered_at: None | str
        if isinstance(self.offered_at, datetime.datetime):
            offered_at = self.offered_at.isoformat()
        else:
            offered_at = self.offered_at

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decline_reason = self.decline_reason.value

        decline_note = self.decline_note

        policy_id: int | None
        policy_id = self.policy_id

        policy: None | str
        policy = self.policy

        may_decide = self.may_decide

        tenant_id = self.tenant_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "proposal_id": proposal_id,
                "state": state,
                "currency": currency,
                "start_date": start_date,
                "end_date": end_date,
                "valid_until": valid_until,
                "terms": terms,
                "offered_at": offered_at,
                "decided_at": decided_at,
                "decline_reason": decline_reason,
                "decline_note": decline_note,
                "policy_id": policy_id,
                "policy": policy,
                "may_decide": may_decide,
                "tenant_id": tenant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.insurer_quote_output_terms import InsurerQuoteOutputTerms  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        proposal_id = d.pop("proposal_id")

        state = QuoteStateEnum(d.pop("state"))

        currency = d.pop("currency")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

        terms = InsurerQuoteOutputTerms.from_dict(d.pop("terms"))

        def _parse_offered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                offered_at_type_0 = datetime.datetime.fromisoformat(data)

                return offered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        offered_at = _parse_offered_at(d.pop("offered_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        decline_reason = QuoteDeclineReasonEnum(d.pop("decline_reason"))

        decline_note = d.pop("decline_note")

        def _parse_policy_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        policy_id = _parse_policy_id(d.pop("policy_id"))

        def _parse_policy(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        policy = _parse_policy(d.pop("policy"))

        may_decide = d.pop("may_decide")

        tenant_id = d.pop("tenant_id")

        insurer_quote_output = cls(
            id=id,
            proposal_id=proposal_id,
            state=state,
            currency=currency,
            start_date=start_date,
            end_date=end_date,
            valid_until=valid_until,
            terms=terms,
            offered_at=offered_at,
            decided_at=decided_at,
            decline_reason=decline_reason,
            decline_note=decline_note,
            policy_id=policy_id,
            policy=policy,
            may_decide=may_decide,
            tenant_id=tenant_id,
        )

        insurer_quote_output.additional_properties = d
        return insurer_quote_output

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
