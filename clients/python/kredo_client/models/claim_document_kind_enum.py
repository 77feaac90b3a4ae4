from enum import StrEnum


class ClaimDocumentKindEnum(StrEnum):
    CONTRACT = "contract"
    DEBT_ACKNOWLEDGEMENT = "debt_acknowledgement"
    DECREE = "decree"
    DUNNING = "dunning"
    INVOICES = "invoices"
    OFFICIAL_DOCUMENT = "official_document"
    OTHER = "other"
    PROOF_OF_DEBT = "proof_of_debt"
    PROOF_OF_DELIVERY = "proof_of_delivery"

    def __str__(self) -> str:
        return str(self.value)
