from enum import StrEnum


class BuyerAlertPayloadCode(StrEnum):
    ADVERSE_INFORMATION = "adverse_information"
    GRADE_DOWNGRADE = "grade_downgrade"
    HIGH_UTILISATION = "high_utilisation"
    LIMIT_EXPIRING = "limit_expiring"
    LIMIT_UNDER_REVIEW = "limit_under_review"
    OVERDUE_REPORTED = "overdue_reported"
    PAYMENT_WORSENING = "payment_worsening"

    def __str__(self) -> str:
        return str(self.value)
