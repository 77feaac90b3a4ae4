from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.limit_decision_payload_state import LimitDecisionPayloadState

if TYPE_CHECKING:
    from ..models.buyer_payload import BuyerPayload
    from ..models.decision_payload import DecisionPayload


T = TypeVar("T", bound="LimitDecisionPayload")


@_attrs_define
class LimitDecisionPayload:
    """`data` of the limit.* webhooks: the limit and the decision (decision_payload below).

    Attributes:
        limit_id (int):
        reference (str): The insured's own reference.
        policy (str): The policy number.
        buyer (BuyerPayload):
        state (LimitDecisionPayloadState): * `pending` - Pending (with an underwriter)
            * `in_force` - In force
            * `refused` - Refused
            * `cancelled` - Cancelled by the insured
            * `withdrawn` - Withdrawn by the insurer
            * `expired` - Expired
            * `superseded` - Superseded by a new limit
        decision (DecisionPayload):
    """

    limit_id: int
    reference: str
    policy: str
    buyer: BuyerPayload
    state: LimitDecisionPayloadState
    decision: DecisionPayload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        limit_id = self.limit_id

        reference = self.reference

        policy = self.policy

        buyer = self.buyer.to_dict()

        state = self.state.value

        decision = self.decision.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "limit_id": limit_id,
                "reference": reference,
                "policy": policy,
                "buyer": buyer,
                "state": state,
                "decision": decision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.buyer_payload import BuyerPayload  # noqa: PLC0415
        from ..models.decision_payload import DecisionPayload  # noqa: PLC0415

        d = dict(src_dict)
        limit_id = d.pop("limit_id")

        reference = d.pop("reference")

        policy = d.pop("policy")

        buyer = BuyerPayload.from_dict(d.pop("buyer"))

        state = LimitDecisionPayloadState(d.pop("state"))

        decision = DecisionPayload.from_dict(d.pop("decision"))

        limit_decision_payload = cls(
            limit_id=limit_id,
            reference=reference,
            policy=policy,
            buyer=buyer,
            state=state,
            decision=decision,
        )

        limit_decision_payload.additional_properties = d
        return limit_decision_payload

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
