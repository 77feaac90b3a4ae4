from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scorecard_output_buyer_exposure_cap_type_0 import ScorecardOutputBuyerExposureCapType0
    from ..models.scorecard_output_max_automatic_amount import ScorecardOutputMaxAutomaticAmount


T = TypeVar("T", bound="ScorecardOutput")


@_attrs_define
class ScorecardOutput:
    """
    Attributes:
        version (int):
        name (str):
        is_used (bool): A decision used it: frozen.
        max_automatic_amount (ScorecardOutputMaxAutomaticAmount):
        buyer_exposure_cap (None | ScorecardOutputBuyerExposureCapType0):
        policies (list[int]): Ids of the policies it covers; empty: every policy.
        first_used_at (datetime.datetime | None):
        created_at (datetime.datetime):
        note (str | Unset):
        is_active (bool | Unset): The version automatic decisions use; one at a time.
        currency (str | Unset):
        parameters (Any | Unset):
    """

    version: int
    name: str
    is_used: bool
    max_automatic_amount: ScorecardOutputMaxAutomaticAmount
    buyer_exposure_cap: None | ScorecardOutputBuyerExposureCapType0
    policies: list[int]
    first_used_at: datetime.datetime | None
    created_at: datetime.datetime
    note: str | Unset = UNSET
    is_active: bool | Unset = UNSET
    currency: str | Unset = UNSET
    parameters: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.scorecard_output_buyer_exposure_cap_type_0 import ScorecardOutputBuyerExposureCapType0  # noqa: PLC0415

        version = self.version

        name = self.name

        is_used = self.is_used

        max_automatic_amount = self.max_automatic_amount.to_dict()

        buyer_exposure_cap: dict[str, Any] | None
        if isinstance(self.buyer_exposure_cap, ScorecardOutputBuyerExposureCapType0):
            buyer_exposure_cap = self.buyer_exposure_cap.to_dict()
        else:
            buyer_exposure_cap = self.buyer_exposure_cap

        policies = self.policies

        first_used_at: None | str
        if isinstance(self.first_used_at, datetime.datetime):
            first_used_at = self.first_used_at.isoformat()
        else:
            first_used_at = self.first_used_at

        created_at = self.created_at.isoformat()

        note = self.note

        is_active = self.is_active

        currency = self.currency

        parameters = self.parameters

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "name": name,
                "is_used": is_used,
                "max_automatic_amount": max_automatic_amount,
                "buyer_exposure_cap": buyer_exposure_cap,
                "policies": policies,
                "first_used_at": first_used_at,
                "created_at": created_at,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if currency is not UNSET:
            field_dict["currency"] = currency
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scorecard_output_buyer_exposure_cap_type_0 import ScorecardOutputBuyerExposureCapType0  # noqa: PLC0415
        from ..models.scorecard_output_max_automatic_amount import ScorecardOutputMaxAutomaticAmount  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("version")

        name = d.pop("name")

        is_used = d.pop("is_used")

        max_automatic_amount = ScorecardOutputMaxAutomaticAmount.from_dict(d.pop("max_automatic_amount"))

        def _parse_buyer_exposure_cap(data: object) -> None | ScorecardOutputBuyerExposureCapType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                buyer_exposure_cap_type_0 = ScorecardOutputBuyerExposureCapType0.from_dict(data)

                return buyer_exposure_cap_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScorecardOutputBuyerExposureCapType0, data)

        buyer_exposure_cap = _parse_buyer_exposure_cap(d.pop("buyer_exposure_cap"))

        policies = cast(list[int], d.pop("policies"))

        def _parse_first_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_used_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_used_at = _parse_first_used_at(d.pop("first_used_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        note = d.pop("note", UNSET)

        is_active = d.pop("is_active", UNSET)

        currency = d.pop("currency", UNSET)

        parameters = d.pop("parameters", UNSET)

        scorecard_output = cls(
            version=version,
            name=name,
            is_used=is_used,
            max_automatic_amount=max_automatic_amount,
            buyer_exposure_cap=buyer_exposure_cap,
            policies=policies,
            first_used_at=first_used_at,
            created_at=created_at,
            note=note,
            is_active=is_active,
            currency=currency,
            parameters=parameters,
        )

        scorecard_output.additional_properties = d
        return scorecard_output

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
