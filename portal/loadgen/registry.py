"""The generated insureds, their users and policies, the buyer registry, country grades and exchange rates."""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.models import Tenant
from accounts.roles import CLAIMS_HANDLER, TENANT_ROLES, UNDERWRITER, ensure_role_groups
from accounts.services import add_member
from buyers.models import Buyer, BuyerIdentifier, CountryRisk
from core.models import ExchangeRate
from policies.models import Policy, TermsVersion
from portal.loadgen.batch import insert
from portal.loadgen.fake import COUNTRY_RISK

# Rates to EUR recorded every month over the generated year, so conversions find one on any date.
RATES_TO_EUR = {"USD": Decimal("0.9150"), "GBP": Decimal("1.1625")}


def tenant_registration(seed: int, n: int) -> str:
    return f"LOAD{seed}T{n}"


def create_tenants(*, fake, seed: int, count: int, password: str) -> list[Tenant]:
    """One large insured (n=0) and `count - 1` smaller ones; each with a user holding every tenant role."""
    ensure_role_groups()
    tenants = []
    for n in range(count):
        tenant = Tenant.objects.create(
            legal_name=f"Load Exporter {n} {'S.L.' if n % 2 == 0 else 'GmbH'}", country="ES" if n % 2 == 0 else "DE",
            registration_number=tenant_registration(seed, n), contact_email=f"load{seed}-{n}@example.com",
        )
        add_member(tenant=tenant, username=f"load{seed}-{n}-admin", email=f"load{seed}-{n}@example.com",
                   roles=list(TENANT_ROLES), password=password)
        tenants.append(tenant)
    User = get_user_model()
    for role, name in ((UNDERWRITER, "underwriter"), (CLAIMS_HANDLER, "claims")):
        user = User.objects.create_user(username=f"load{seed}-{name}", password=password, is_staff=True)
        user.groups.set([Group.objects.get(name=role)])
    return tenants


def create_policies(*, fake, seed: int, tenants: list[Tenant], per_tenant: list[int]) -> list[list[Policy]]:
    """Policies in force today: a year that started 330 days ago, so the generated history fits in it.

    The first policy of each insured is in EUR, every third in USD: amounts in two currencies, never summed.
    """
    start = fake.today - timedelta(days=330)
    rows = []
    for t, tenant in enumerate(tenants):
        for n in range(per_tenant[t]):
            rows.append(Policy(
                tenant=tenant, number=f"LOAD-{seed}-{t}-{n:03d}", status=Policy.Status.ACTIVE,
                start_date=start, end_date=start + timedelta(days=364), currency="USD" if n % 3 == 2 else "EUR",
            ))
    created = Policy.objects.bulk_create(rows)
    # Each is issued with the default terms (policies.models.TermsVersion) but a minimum premium whose maximum
    # liability (x40) leaves room for the generated claims.
    TermsVersion.objects.bulk_create(
        TermsVersion(policy=policy, effective_from=policy.start_date, minimum_premium_amount=Decimal(50_000))
        for policy in created
    )
    # Period 1 of each (policies.periods), as create_policy opens it.
    from policies.periods.models import InsurancePeriod

    InsurancePeriod.objects.bulk_create(
        InsurancePeriod(tenant_id=policy.tenant_id, policy=policy, number=1, start=policy.start_date,
                        end=policy.end_date)
        for policy in created
    )
    by_tenant: list[list[Policy]] = [[] for _ in tenants]
    for policy in created:
        by_tenant[[t.pk for t in tenants].index(policy.tenant_id)].append(policy)
    return by_tenant


def _buyer(fake, seed: int, n: int) -> Buyer:
    country = fake.country()
    confirmed = not fake.chance(0.03)
    buyer = Buyer(
        legal_name=fake.company_name(country, n), trading_name=fake.pick(["", "", "", "Group", "Export"]),
        country=country, registration_number=f"{country}S{seed}N{n:08d}",
        vat_number=fake.vat(country, seed * 10_000_000 + n) if fake.chance(0.7) else "",
        sector_nace=fake.sector(), city=fake.city(), address=f"{fake.rng.randrange(1, 300)} Load Street",
        status=Buyer.Status.CONFIRMED if confirmed else Buyer.Status.PENDING,
        grade=fake.grade() if confirmed else None,
        grade_date=fake.day_between(fake.today - timedelta(days=400), fake.today) if confirmed else None,
    )
    buyer.fill_search_fields()
    return buyer


def create_buyers(*, fake, seed: int, count: int, progress) -> list[Buyer]:
    buyers = insert(Buyer, (_buyer(fake, seed, n) for n in range(count)), total=count, progress=progress)
    # The identity fields are also typed identifiers (buyers.services keeps them so): search finds them there.
    identifiers = (
        BuyerIdentifier(buyer_id=b.pk, type=type_, issuer="", country=b.country, value=value)
        for b in buyers
        for type_, value in ((BuyerIdentifier.Type.NATIONAL, b.registration_number), (BuyerIdentifier.Type.VAT, b.vat_number))
        if value
    )
    total = sum(1 + bool(b.vat_number) for b in buyers)
    insert(BuyerIdentifier, identifiers, total=total, progress=progress)
    return buyers


def record_country_risks_and_rates(*, fake) -> None:
    CountryRisk.objects.bulk_create(
        [CountryRisk(country=c, grade=g, graded_on=fake.today - timedelta(days=200)) for c, g in COUNTRY_RISK.items()],
        ignore_conflicts=True,
    )
    days = [fake.today - timedelta(days=30 * k) for k in range(13)]
    ExchangeRate.objects.bulk_create([
        ExchangeRate(base_currency=base, quote_currency="EUR", valid_on=day,
                     rate=(rate * (1 + Decimal(fake.rng.randrange(-30, 31)) / 1000)).quantize(Decimal("0.0001")))
        for base, rate in RATES_TO_EUR.items() for day in days
    ], ignore_conflicts=True)
