from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.language_enum import LanguageEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssignInputRequest")


@_attrs_define
class AssignInputRequest:
    """
    Attributes:
        bank_name (str):
        iban (str): The account the indemnity is paid to (checked).
        contact_email (str): Told of what the bank finances.
        effective_from (datetime.date): Within the policy period.
        reason (str): The financing agreement.
        buyer (int | None | Unset): The buyer whose indemnity is assigned; omitted or null: the whole policy.
        bic (str | Unset):  Default: ''.
        contact_name (str | Unset):  Default: ''.
        language (LanguageEnum | Unset): * `en` - en
            * `es` - es
            * `zh-hans` - zh-hans Default: LanguageEnum.EN.
        webhook_url (str | Unset): The bank's receiver, sent only the events of what it finances.
    """

    bank_name: str
    iban: str
    contact_email: str
    effective_from: datetime.date
    reason: str
    buyer: int | None | Unset = UNSET
    bic: str | Unset = ""
    contact_name: str | Unset = ""
    language: LanguageEnum | Unset = LanguageEnum.EN
    webhook_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_name = self.bank_name

        iban = self.iban

        contact_email = self.contact_email

        effective_from = self.effective_from.isoformat()

        reason = self.reason

        buyer: int | None | Unset
        if isinstance(self.buyer, Unset):
            buyer = UNSET
        else:
            buyer = self.buyer

        bic = self.bic

        contact_name = self.contact_name

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        webhook_url: str | Unset
        if isinstance(self.webhook_url, Unset):
            webhook_url = UNSET
        else:
            webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_name": bank_name,
                "iban": iban,
                "contact_email": contact_email,
                "effective_from": effective_from,
                "reason": reason,
            }
        )
        if buyer is not UNSET:
            field_dict["buyer"] = buyer
        if bic is not UNSET:
            field_dict["bic"] = bic
        if contact_name is not UNSET:
            field_dict["contact_name"] = contact_name
        if language is not UNSET:
            field_dict["language"] = language
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bank_name = d.pop("bank_name")

        iban = d.pop("iban")

        contact_email = d.pop("contact_email")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        reason = d.pop("reason")

        def _parse_buyer(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        buyer = _parse_buyer(d.pop("buyer", UNSET))

        bic = d.pop("bic", UNSET)

        contact_name = d.pop("contact_name", UNSET)

        _language = d.pop("language", UNSET)
        language: LanguageEnum | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = LanguageEnum(_language)

        def _parse_webhook_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        webhook_url = _parse_webhook_url(d.pop("webhook_url", UNSET))

        assign_input_request = cls(
            bank_name=bank_name,
            iban=iban,
            contact_email=contact_email,
            effective_from=effective_from,
            reason=reason,
            buyer=buyer,
            bic=bic,
            contact_name=contact_name,
            language=language,
            webhook_url=webhook_url,
        )

        assign_input_request.additional_properties = d
        return assign_input_request

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
