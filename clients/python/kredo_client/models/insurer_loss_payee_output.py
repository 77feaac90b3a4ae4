from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InsurerLossPayeeOutput")


@_attrs_define
class InsurerLossPayeeOutput:
    """
    Attributes:
        id (int):
        tenant_id (int): The insured.
        policy_id (int):
        buyer_id (int | None): Null: every buyer without its own assignment.
        bank_name (str):
        iban (str): The account the indemnity is paid to.
        bic (str):
        contact_name (str):
        contact_email (str):
        language (str):
        effective_from (datetime.date):
        ended_on (datetime.date | None): The last day it applies; null while it runs.
        reason (str):
        release_reason (str):
        created_at (datetime.datetime):
    """

    id: int
    tenant_id: int
    policy_id: int
    buyer_id: int | None
    bank_name: str
    iban: str
    bic: str
    contact_name: str
    contact_email: str
    language: str
    effective_from: datetime.date
    ended_on: datetime.date | None
    reason: str
    release_reason: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = self.tenant_id

        policy_id = self.policy_id

        buyer_id: int | None
        buyer_id = self.buyer_id

        bank_name = self.bank_name

        iban = self.iban

        bic = self.bic

        contact_name = self.contact_name

        contact_email = self.contact_email

        language = self.language

        effective_from = self.effective_from.isoformat()

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        reason = self.reason

        release_reason = self.release_reason

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "policy_id": policy_id,
                "buyer_id": buyer_id,
                "bank_name": bank_name,
                "iban": iban,
                "bic": bic,
                "contact_name": contact_name,
                "contact_email": contact_email,
                "language": language,
                "effective_from": effective_from,
                "ended_on": ended_on,
                "reason": reason,
                "release_reason": release_reason,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        policy_id = d.pop("policy_id")

        def _parse_buyer_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        buyer_id = _parse_buyer_id(d.pop("buyer_id"))

        bank_name = d.pop("bank_name")

        iban = d.pop("iban")

        bic = d.pop("bic")

        contact_name = d.pop("contact_name")

        contact_email = d.pop("contact_email")

        language = d.pop("language")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        reason = d.pop("reason")

        release_reason = d.pop("release_reason")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        insurer_loss_payee_output = cls(
            id=id,
            tenant_id=tenant_id,
            policy_id=policy_id,
            buyer_id=buyer_id,
            bank_name=bank_name,
            iban=iban,
            bic=bic,
            contact_name=contact_name,
            contact_email=contact_email,
            language=language,
            effective_from=effective_from,
            ended_on=ended_on,
            reason=reason,
            release_reason=release_reason,
            created_at=created_at,
        )

        insurer_loss_payee_output.additional_properties = d
        return insurer_loss_payee_output

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
