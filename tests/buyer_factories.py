"""Factories of the buyer registry (tests/factories.py holds tenants, users and policies)."""

import factory
import pytest

from buyers import services
from buyers.models import Buyer, BuyerGrade, BuyerIdentifier, CountryRisk
from tests.factories import UnscopedFactory


def make_buyer(name=None, country="DE", grade=2, **fields) -> Buyer:
    """A confirmed buyer of grade 2 with a registration number of its own; any field may be given."""
    n = Buyer.objects.count() + 1
    fields.setdefault("legal_name", name or f"Buyer {n} GmbH")
    fields.setdefault("registration_number", f"{country}{n:08d}")
    fields.setdefault("status", Buyer.Status.CONFIRMED)
    return Buyer.objects.create(country=country, grade=grade, **fields)


class BuyerFactory(UnscopedFactory):
    """A confirmed buyer; `identifiers=True` also records its numbers as typed identifiers."""

    class Meta:
        model = Buyer
        skip_postgeneration_save = True

    legal_name = factory.Sequence(lambda n: f"Buyer {n} GmbH")
    country = "DE"
    registration_number = factory.Sequence(lambda n: f"HRB{n:06d}")
    vat_number = factory.Sequence(lambda n: f"DE{n:09d}")
    status = Buyer.Status.CONFIRMED

    @factory.post_generation
    def identifiers(self, create, extracted, **kwargs):
        if not (create and extracted):
            return
        for type_, value in (
            (BuyerIdentifier.Type.NATIONAL, self.registration_number),
            (BuyerIdentifier.Type.VAT, self.vat_number),
        ):
            if value:
                BuyerIdentifier.objects.create(buyer=self, type=type_, country=self.country, value=value)


class PendingBuyerFactory(BuyerFactory):
    """A proposal of `proposed_by_tenant`, waiting for identification."""

    status = Buyer.Status.PENDING


class BuyerIdentifierFactory(UnscopedFactory):
    class Meta:
        model = BuyerIdentifier

    buyer = factory.SubFactory(BuyerFactory)
    type = BuyerIdentifier.Type.DUNS
    country = factory.LazyAttribute(lambda i: i.buyer.country)
    value = factory.Sequence(lambda n: f"{n:09d}")


class BuyerGradeFactory(UnscopedFactory):
    class Meta:
        model = BuyerGrade

    buyer = factory.SubFactory(BuyerFactory)
    grade = 3
    graded_on = factory.Faker("date_this_year")


class CountryRiskFactory(UnscopedFactory):
    class Meta:
        model = CountryRisk
        django_get_or_create = ("country",)

    country = "DE"
    grade = 1
    graded_on = factory.Faker("date_this_year")


# Fixtures shared by the buyer modules (tests/conftest.py offers them to every module).

@pytest.fixture
def muller(db):
    return BuyerFactory(legal_name="Müller GmbH", country="DE", registration_number="HRB 123.456",
                        vat_number="DE811111111", identifiers=True)


@pytest.fixture
def iberia_proposal(tenant):
    """A buyer `tenant` proposed; the outsider must not learn of it."""
    return services.propose_buyer(tenant=tenant, legal_name="Secreto Distribuciones S.L.", country="ES",
                                  registration_number="B-12.345.678", vat_number="ESB12345678")
