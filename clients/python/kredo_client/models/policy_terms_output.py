from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notification_deadline_from_enum import NotificationDeadlineFromEnum

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="PolicyTermsOutput")


@_attrs_define
class PolicyTermsOutput:
    """
    Attributes:
        percentage_of_cover_commercial (str):
        percentage_of_cover_political (str):
        discretionary_limit_max (Money): Money: the amount a decimal string at the currency's minor unit (never a
            float), the currency an ISO 4217 code.
        discretionary_percentage_of_cover (str):
        discretionary_max_buyer_grade (int):
        max_credit_period_days (int):
        max_extension_days (int):
        overdue_notification_days (int):
        notification_deadline_from (NotificationDeadlineFromEnum): * `due_date` - due_date
            * `max_extension_end` - max_extension_end
        waiting_period_days (int):
        claim_filing_days (int):
        claim_payment_days (int):
        reduction_notice_days (int): Days after the insured is notified before an insurer's reduction or withdrawal of a
            limit applies to shipments (1: from the day after notice).
        non_qualifying_loss (Money): Money: the amount a decimal string at the currency's minor unit (never a float),
            the currency an ISO 4217 code.
        max_liability_multiple (str):
        premium_rate_percent (str):
        minimum_premium (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the
            currency an ISO 4217 code.
        recovery_sharing (str):
        excluded_countries (list[str]):
        aggregate_first_loss (Money): Money: the amount a decimal string at the currency's minor unit (never a float),
            the currency an ISO 4217 code.
        credit_limit_fee_per_request (Money): Money: the amount a decimal string at the currency's minor unit (never a
            float), the currency an ISO 4217 code.
        credit_limit_fee_per_buyer_year (Money): Money: the amount a decimal string at the currency's minor unit (never
            a float), the currency an ISO 4217 code.
        premium_deposit_due_days (int):
        premium_suspension_notice_days (int):
        profit_share_percent (str):
        profit_share_loss_ratio_percent (str):
        cancellation_notice_days (int):
        covers_related_companies (bool):
        covers_private_individuals (bool):
        covers_public_buyers (bool):
    """

    percentage_of_cover_commercial: str
    percentage_of_cover_political: str
    discretionary_limit_max: Money
    discretionary_percentage_of_cover: str
    discretionary_max_buyer_grade: int
    max_credit_period_days: int
    max_extension_days: int
    overdue_notification_days: int
    notification_deadline_from: NotificationDeadlineFromEnum
    waiting_period_days: int
    claim_filing_days: int
    claim_payment_days: int
    reduction_notice_days: int
    non_qualifying_loss: Money
    max_liability_multiple: str
    premium_rate_percent: str
    minimum_premium: Money
    recovery_sharing: str
    excluded_countries: list[str]
    aggregate_first_loss: Money
    credit_limit_fee_per_request: Money
    credit_limit_fee_per_buyer_year: Money
    premium_deposit_due_days: int
    premium_suspension_notice_days: int
    profit_share_percent: str
    profit_share_loss_ratio_percent: str
    cancellation_notice_days: int
    covers_related_companies: bool
    covers_private_individuals: bool
    covers_public_buyers: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        percentage_of_cover_commercial = self.percentage_of_cover_commercial

        percentage_of_cover_political = self.percentage_of_cover_political

        discretionary_limit_max = self.discretionary_limit_max.to_dict()

        discretionary_percentage_of_cover = self.discretionary_percentage_of_cover

        discretionary_max_buyer_grade = self.discretionary_max_buyer_grade

        max_credit_period_days = self.max_credit_period_days

        max_extension_days = self.max_extension_days

        overdue_notification_days = self.overdue_notification_days

        notification_deadline_from = self.notification_deadline_from.value

        waiting_period_days = self.waiting_period_days

        claim_filing_days = self.claim_filing_days

        claim_payment_days = self.claim_payment_days

        reduction_notice_days = self.reduction_notice_days

        non_qualifying_loss = self.non_qualifying_loss.to_dict()

        max_liability_multiple = self.max_liability_multiple

        premium_rate_percent = self.premium_rate_percent

        minimum_premium = self.minimum_premium.to_dict()

        recovery_sharing = self.recovery_sharing

        excluded_countries = self.excluded_countries

        aggregate_first_loss = self.aggregate_first_loss.to_dict()

        credit_limit_fee_per_request = self.credit_limit_fee_per_request.to_dict()

        credit_limit_fee_per_buyer_year = self.credit_limit_fee_per_buyer_year.to_dict()

        premium_deposit_due_days = self.premium_deposit_due_days

        premium_suspension_notice_days = self.premium_suspension_notice_days

        profit_share_percent = self.profit_share_percent

        profit_share_loss_ratio_percent = self.profit_share_loss_ratio_percent

        cancellation_notice_days = self.cancellation_notice_days

        covers_related_companies = self.covers_related_companies

        covers_private_individuals = self.covers_private_individuals

        covers_public_buyers = self.covers_public_buyers

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "percentage_of_cover_commercial": percentage_of_cover_commercial,
                "percentage_of_cover_political": percentage_of_cover_political,
                "discretionary_limit_max": discretionary_limit_max,
                "discretionary_percentage_of_cover": discretionary_percentage_of_cover,
                "discretionary_max_buyer_grade": discretionary_max_buyer_grade,
                "max_credit_period_days": max_credit_period_days,
                "max_extension_days": max_extension_days,
                "overdue_notification_days": overdue_notification_days,
                "notification_deadline_from": notification_deadline_from,
                "waiting_period_days": waiting_period_days,
                "claim_filing_days": claim_filing_days,
                "claim_payment_days": claim_payment_days,
                "reduction_notice_days": reduction_notice_days,
                "non_qualifying_loss": non_qualifying_loss,
                "max_liability_multiple": max_liability_multiple,
                "premium_rate_percent": premium_rate_percent,
                "minimum_premium": minimum_premium,
                "recovery_sharing": recovery_sharing,
                "excluded_countries": excluded_countries,
                "aggregate_first_loss": aggregate_first_loss,
                "credit_limit_fee_per_request": credit_limit_fee_per_request,
                "credit_limit_fee_per_buyer_year": credit_limit_fee_per_buyer_year,
                "premium_deposit_due_days": premium_deposit_due_days,
                "premium_suspension_notice_days": premium_suspension_notice_days,
                "profit_share_percent": profit_share_percent,
                "profit_share_loss_ratio_percent": profit_share_loss_ratio_percent,
                "cancellation_notice_days": cancellation_notice_days,
                "covers_related_companies": covers_related_companies,
                "covers_private_individuals": covers_private_individuals,
                "covers_public_buyers": covers_public_buyers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        percentage_of_cover_commercial = d.pop("percentage_of_cover_commercial")

        percentage_of_cover_political = d.pop("percentage_of_cover_political")

        discretionary_limit_max = Money.from_dict(d.pop("discretionary_limit_max"))

        discretionary_percentage_of_cover = d.pop("discretionary_percentage_of_cover")

        discretionary_max_buyer_grade = d.pop("discretionary_max_buyer_grade")

        max_credit_period_days = d.pop("max_credit_period_days")

        max_extension_days = d.pop("max_extension_days")

        overdue_notification_days = d.pop("overdue_notification_days")

        notification_deadline_from = NotificationDeadlineFromEnum(d.pop("notification_deadline_from"))

        waiting_period_days = d.pop("waiting_period_days")

        claim_filing_days = d.pop("claim_filing_days")

        claim_payment_days = d.pop("claim_payment_days")

        reduction_notice_days = d.pop("reduction_notice_days")

        non_qualifying_loss = Money.from_dict(d.pop("non_qualifying_loss"))

        max_liability_multiple = d.pop("max_liability_multiple")

        premium_rate_percent = d.pop("premium_rate_percent")

        minimum_premium = Money.from_dict(d.pop("minimum_premium"))

        recovery_sharing = d.pop("recovery_sharing")

        excluded_countries = cast(list[str], d.pop("excluded_countries"))

        aggregate_first_loss = Money.from_dict(d.pop("aggregate_first_loss"))

        credit_limit_fee_per_request = Money.from_dict(d.pop("credit_limit_fee_per_request"))

        credit_limit_fee_per_buyer_year = Money.from_dict(d.pop("credit_limit_fee_per_buyer_year"))

        premium_deposit_due_days = d.pop("premium_deposit_due_days")

        premium_suspension_notice_days = d.pop("premium_suspension_notice_days")

        profit_share_percent = d.pop("profit_share_percent")

        profit_share_loss_ratio_percent = d.pop("profit_share_loss_ratio_percent")

        cancellation_notice_days = d.pop("cancellation_notice_days")

        covers_related_companies = d.pop("covers_related_companies")

        covers_private_individuals = d.pop("covers_private_individuals")

        covers_public_buyers = d.pop("covers_public_buyers")

        policy_terms_output = cls(
            percentage_of_cover_commercial=percentage_of_cover_commercial,
            percentage_of_cover_political=percentage_of_cover_political,
            discretionary_limit_max=discretionary_limit_max,
            discretionary_percentage_of_cover=discretionary_percentage_of_cover,
            discretionary_max_buyer_grade=discretionary_max_buyer_grade,
            max_credit_period_days=max_credit_period_days,
            max_extension_days=max_extension_days,
            overdue_notification_days=overdue_notification_days,
            notification_deadline_from=notification_deadline_from,
            waiting_period_days=waiting_period_days,
            claim_filing_days=claim_filing_days,
            claim_payment_days=claim_payment_days,
            reduction_notice_days=reduction_notice_days,
            non_qualifying_loss=non_qualifying_loss,
            max_liability_multiple=max_liability_multiple,
            premium_rate_percent=premium_rate_percent,
            minimum_premium=minimum_premium,
            recovery_sharing=recovery_sharing,
            excluded_countries=excluded_countries,
            aggregate_first_loss=aggregate_first_loss,
            credit_limit_fee_per_request=credit_limit_fee_per_request,
            credit_limit_fee_per_buyer_year=credit_limit_fee_per_buyer_year,
            premium_deposit_due_days=premium_deposit_due_days,
            premium_suspension_notice_days=premium_suspension_notice_days,
            profit_share_percent=profit_share_percent,
            profit_share_loss_ratio_percent=profit_share_loss_ratio_percent,
            cancellation_notice_days=cancellation_notice_days,
            covers_related_companies=covers_related_companies,
            covers_private_individuals=covers_private_individuals,
            covers_public_buyers=covers_public_buyers,
        )

        policy_terms_output.additional_properties = d
        return policy_terms_output

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
