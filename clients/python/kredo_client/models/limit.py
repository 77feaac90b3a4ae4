from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.decision import Decision
    from ..models.money import Money


T = TypeVar("T", bound="Limit")


@_attrs_define
class Limit:
    """
    Attributes:
        id (int):
        reference (str):
        policy (str):
        state (str):
        requested_amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        amount_in_force (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        requested_terms_days (int):
        decided_terms_days (int | None):
        review_date (datetime.date | None):
        expiry_date (datetime.date | None):
        decisions (list[Decision]):
    """

    id: int
    reference: str
    policy: str
    state: str
    requested_amount: Money
    amount_in_force: Money
    requested_terms_days: int
    decided_terms_days: int | None
    review_date: datetime.date | None
    expiry_date: datetime.date | None
    decisions: list[Decision]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        reference = self.reference

        policy = self.policy

        state = self.state

        requested_amount = self.requested_amount.to_dict()

        amount_in_force = self.amount_in_force.to_dict()

        requested_terms_days = self.requested_terms_days

        decided_terms_days: int | None
        decided_terms_days = self.decided_terms_days

        review_date: None | str
        if isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        expiry_date: None | str
        if isinstance(self.expiry_date, datetime.date):
            expiry_date = self.expiry_date.isoformat()
        else:
            expiry_date = self.expiry_date

        decisions = []
        for decisions_item_data in self.decisions:
            decisions_item = decisions_item_data.to_dict()
            decisions.append(decisions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "policy": policy,
                "state": state,
                "requested_amount": requested_amount,
                "amount_in_force": amount_in_force,
                "requested_terms_days": requested_terms_days,
                "decided_terms_days": decided_terms_days,
                "review_date": review_date,
                "expiry_date": expiry_date,
                "decisions": decisions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision import Decision  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        reference = d.pop("reference")

        policy = d.pop("policy")

        state = d.pop("state")

        requested_amount = Money.from_dict(d.pop("requested_amount"))

        amount_in_force = Money.from_dict(d.pop("amount_in_force"))

        requested_terms_days = d.pop("requested_terms_days")

        def _parse_decided_terms_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        decided_terms_days = _parse_decided_terms_days(d.pop("decided_terms_days"))

        def _parse_review_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_date_type_0 = datetime.date.fromisoformat(data)

                return review_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        review_date = _parse_review_date(d.pop("review_date"))

        def _parse_expiry_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expiry_date_type_0 = datetime.date.fromisoformat(data)

                return expiry_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expiry_date = _parse_expiry_date(d.pop("expiry_date"))

        decisions = []
        _decisions = d.pop("decisions")
        for decisions_item_data in _decisions:
            decisions_item = Decision.from_dict(decisions_item_data)

            decisions.append(decisions_item)

        limit = cls(
            id=id,
            reference=reference,
            policy=policy,
            state=state,
            requested_amount=requested_amount,
            amount_in_force=amount_in_force,
            requested_terms_days=requested_terms_days,
            decided_terms_days=decided_terms_days,
            review_date=review_date,
            expiry_date=expiry_date,
            decisions=decisions,
        )

        limit.additional_properties = d
        return limit

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
