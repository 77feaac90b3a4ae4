from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.state_enum import StateEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.buyer_summary import BuyerSummary
    from ..models.limit_decision_output import LimitDecisionOutput
    from ..models.live_suggestion_output import LiveSuggestionOutput
    from ..models.money import Money


T = TypeVar("T", bound="InsurerLimitDetailOutput")


@_attrs_define
class InsurerLimitDetailOutput:
    """What the admin's decision screen shows: the limit and its decisions, whose it is, the exposure on the
    buyer and its country, and (pending) the scorecard's live suggestion.

        Attributes:
            id (int):
            policy (str):
            policy_id (int):
            buyer (BuyerSummary):
            requested (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
                an ISO 4217 code.
            requested_terms_days (int):
            in_force (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
                an ISO 4217 code.
            created_at (datetime.datetime):
            decisions (list[LimitDecisionOutput]):
            tenant_id (int):
            tenant (str): The insured's legal name.
            age_days (int): Whole days since the request was made.
            buyer_exposure (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
                currency an ISO 4217 code.
            country_exposure (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
                currency an ISO 4217 code.
            suggestion (LiveSuggestionOutput | None): Pending requests on a policy a scorecard covers; null otherwise.
            reference (str | Unset):
            state (StateEnum | Unset): * `pending` - Pending (with an underwriter)
                * `in_force` - In force
                * `refused` - Refused
                * `cancelled` - Cancelled by the insured
                * `withdrawn` - Withdrawn by the insurer
                * `expired` - Expired
                * `superseded` - Superseded by a new limit
            decided_terms_days (int | None | Unset):
            conditions (str | Unset):
            is_discretionary (bool | Unset):
            under_review (bool | Unset):
            review_date (datetime.date | None | Unset):
            expiry_date (datetime.date | None | Unset):
            decided_at (datetime.datetime | None | Unset):
    """

    id: int
    policy: str
    policy_id: int
    buyer: BuyerSummary
    requested: Money
    requested_terms_days: int
    in_force: Money
    created_at: datetime.datetime
    decisions: list[LimitDecisionOutput]
    tenant_id: int
    tenant: str
    age_days: int
    buyer_exposure: Money
    country_exposure: Money
    suggestion: LiveSuggestionOutput | None
    reference: str | Unset = UNSET
    state: StateEnum | Unset = UNSET
    decided_terms_days: int | None | Unset = UNSET
    conditions: str | Unset = UNSET
    is_discretionary: bool | Unset = UNSET
    under_review: bool | Unset = UNSET
    review_date: datetime.date | None | Unset = UNSET
    expiry_date: datetime.date | None | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.live_suggestion_output import LiveSuggestionOutput  # noqa: PLC0415

        id = self.id

        policy = self.policy

        policy_id = self.policy_id

        buyer = self.buyer.to_dict()

        requested = self.requested.to_dict()

        requested_terms_days = self.requested_terms_days

        in_force = self.in_force.to_dict()

        created_at = self.created_at.isoformat()

        decisions = []
        for decisions_item_data in self.decisions:
            decisions_item = decisions_item_data.to_dict()
            decisions.append(decisions_item)

        tenant_id = self.tenant_id

        tenant = self.tenant

        age_days = self.age_days

        buyer_exposure = self.buyer_exposure.to_dict()

        country_exposure = self.country_exposure.to_dict()

        suggestion: dict[str, Any] | None
        if isinstance(self.suggestion, LiveSuggestionOutput):
            suggestion = self.suggestion.to_dict()
        else:
            suggestion = self.suggestion

        reference = self.reference

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        decided_terms_days: int | None | Unset
        if isinstance(self.decided_terms_days, Unset):
            decided_terms_days = UNSET
        else:
            decided_terms_days = self.decided_terms_days

        conditions = self.conditions

        is_discretionary = self.is_discretionary

        under_review = self.under_review

        review_date: None | str | Unset
        if isinstance(self.review_date, Unset):
            review_date = UNSET
        elif isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        expiry_date: None | str | Unset
        if isinstance(self.expiry_date, Unset):
            expiry_date = UNSET
        elif isinstance(self.expiry_date, datetime.date):
            expiry_date = self.expiry_date.isoformat()
        else:
            expiry_date = self.expiry_date

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "policy": policy,
                "policy_id": policy_id,
                "buyer": buyer,
                "requested": requested,
                "requested_terms_days": requested_terms_days,
                "in_force": in_force,
                "created_at": created_at,
                "decisions": decisions,
                "tenant_id": tenant_id,
                "tenant": tenant,
                "age_days": age_days,
                "buyer_exposure": buyer_exposure,
                "country_exposure": country_exposure,
                "suggestion": suggestion,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference
        if state is not UNSET:
            field_dict["state"] = state
        if decided_terms_days is not UNSET:
            field_dict["decided_terms_days"] = decided_terms_days
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if is_discretionary is not UNSET:
            field_dict["is_discretionary"] = is_discretionary
        if under_review is not UNSET:
            field_dict["under_review"] = under_review
        if review_date is not UNSET:
            field_dict["review_date"] = review_date
        if expiry_date is not UNSET:
            field_dict["expiry_date"] = expiry_date
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_summary import BuyerSummary  # noqa: PLC0415
        from ..models.limit_decision_output import LimitDecisionOutput  # noqa: PLC0415
        from ..models.live_suggestion_output import LiveSuggestionOutput  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        policy = d.pop("policy")

        policy_id = d.pop("policy_id")

        buyer = BuyerSummary.from_dict(d.pop("buyer"))

        requested = Money.from_dict(d.pop("requested"))

        requested_terms_days = d.pop("requested_terms_days")

        in_force = Money.from_dict(d.pop("in_force"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        decisions = []
        _decisions = d.pop("decisions")
        for decisions_item_data in _decisions:
            decisions_item = LimitDecisionOutput.from_dict(decisions_item_data)

            decisions.append(decisions_item)

        tenant_id = d.pop("tenant_id")

        tenant = d.pop("tenant")

        age_days = d.pop("age_days")

        buyer_exposure = Money.from_dict(d.pop("buyer_exposure"))

        country_exposure = Money.from_dict(d.pop("country_exposure"))

        def _parse_suggestion(data: object) -> LiveSuggestionOutput | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                suggestion_type_0 = LiveSuggestionOutput.from_dict(data)

                return suggestion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LiveSuggestionOutput | None, data)

        suggestion = _parse_suggestion(d.pop("suggestion"))

        reference = d.pop("reference", UNSET)

        _state = d.pop("state", UNSET)
        state: StateEnum | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = StateEnum(_state)

        def _parse_decided_terms_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        decided_terms_days = _parse_decided_terms_days(d.pop("decided_terms_days", UNSET))

        conditions = d.pop("conditions", UNSET)

        is_discretionary = d.pop("is_discretionary", UNSET)

        under_review = d.pop("under_review", UNSET)

        def _parse_review_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_date_type_0 = datetime.date.fromisoformat(data)

                return review_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        review_date = _parse_review_date(d.pop("review_date", UNSET))

        def _parse_expiry_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expiry_date_type_0 = datetime.date.fromisoformat(data)

                return expiry_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expiry_date = _parse_expiry_date(d.pop("expiry_date", UNSET))

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        insurer_limit_detail_output = cls(
            id=id,
            policy=policy,
            policy_id=policy_id,
            buyer=buyer,
            requested=requested,
            requested_terms_days=requested_terms_days,
            in_force=in_force,
            created_at=created_at,
            decisions=decisions,
            tenant_id=tenant_id,
            tenant=tenant,
            age_days=age_days,
            buyer_exposure=buyer_exposure,
            country_exposure=country_exposure,
            suggestion=suggestion,
            reference=reference,
            state=state,
            decided_terms_days=decided_terms_days,
            conditions=conditions,
            is_discretionary=is_discretionary,
            under_review=under_review,
            review_date=review_date,
            expiry_date=expiry_date,
            decided_at=decided_at,
        )

        insurer_limit_detail_output.additional_properties = d
        return insurer_limit_detail_output

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
