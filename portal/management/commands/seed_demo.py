"""Demo data for `make run`: two tenants, a user for every role, policies, buyers, limits, overdues, claims,
a recovery and turnover declarations.

Safe to run twice: everything is looked up before it is created.
Passwords are for the demo only (README lists them).
It lives in the portal, above every domain app, because it writes to every area.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled
from moneyed import Money

from accounts.models import Membership, Tenant
from accounts.roles import (
    CLAIMS_HANDLER,
    CREDIT_MANAGER,
    FINANCE,
    TENANT_ADMIN,
    UNDERWRITER,
    ensure_role_groups,
)
from buyers.models import Buyer
from buyers.services import set_country_risk
from claims.claims import services as claim_services
from claims.claims.models import Cause, Claim
from claims.overdues import services as overdue_services
from claims.overdues.models import Overdue
from claims.overdues.services import InvoiceLine
from core.models import ExchangeRate
from limits import services as limit_services
from limits.models import CreditLimit, LimitDecision
from policies.models import Policy
from policies.premium.models import TurnoverDeclaration
from policies.premium.services import declare_turnover
from policies.services import create_policy
from recoveries import services as recovery_services

# A one-page PDF for the demo claim's documents.
DEMO_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

DEMO_PASSWORD = "kredo-demo-2026"

TENANTS = [
    {
        "slug": "iberia",
        "legal_name": "Iberia Export S.L.",
        "country": "ES",
        "registration_number": "B12345678",
        "contact_email": "finanzas@iberia-export.example",
        "policies": [
            {"number": "KR-ES-2026-001", "status": Policy.Status.ACTIVE, "start_date": date(2026, 1, 1), "currency": "EUR"},
            {"number": "KR-ES-2025-001", "status": Policy.Status.EXPIRED, "start_date": date(2025, 1, 1), "currency": "EUR"},
        ],
    },
    {
        "slug": "shanghai",
        "legal_name": "Shanghai Lotus Trading Co., Ltd.",
        "country": "CN",
        "registration_number": "91310000MA1FL0000X",
        "contact_email": "finance@lotus-trading.example",
        "policies": [
            {
                "number": "KR-CN-2026-001",
                "status": Policy.Status.ACTIVE,
                "start_date": date(2026, 4, 1),
                "currency": "USD",
                "percentage_of_cover_commercial": 85,
            },
        ],
    },
]


class Command(BaseCommand):
    help = "Create demo tenants, users for every role and policies (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        ensure_role_groups()
        with scopes_disabled():
            for spec in TENANTS:
                self._tenant(spec)
            self._user("underwriter", "Uma", "Underwriter", [UNDERWRITER], staff=True)
            self._user("claims", "Carl", "Claims", [CLAIMS_HANDLER], staff=True)
            self._user("admin", "Ada", "Superuser", [], staff=True, superuser=True)
            self._buyers_and_limits()
            self._claims_and_premium()
        self.stdout.write(self.style.SUCCESS(f"Demo data ready. Every demo password is {DEMO_PASSWORD!r}."))

    def _tenant(self, spec):
        tenant, _ = Tenant.objects.get_or_create(
            country=spec["country"],
            registration_number=spec["registration_number"],
            defaults={"legal_name": spec["legal_name"], "contact_email": spec["contact_email"]},
        )
        slug = spec["slug"]
        self._user(f"{slug}-admin", "Tenant", "Admin", [TENANT_ADMIN], tenant=tenant)
        self._user(f"{slug}-credit", "Credit", "Manager", [CREDIT_MANAGER], tenant=tenant)
        self._user(f"{slug}-finance", "Finance", "Team", [FINANCE], tenant=tenant)
        for policy in spec["policies"]:
            if not Policy.objects.filter(number=policy["number"]).exists():
                create_policy(tenant=tenant, **policy)

    def _user(self, username, first, last, roles, tenant=None, staff=False, superuser=False):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@kredo.example",
                      "is_staff": staff, "is_superuser": superuser},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.set(Group.objects.filter(name__in=roles))
        if tenant is not None:
            Membership.objects.get_or_create(user=user, defaults={"tenant": tenant})
        return user

    def _buyers_and_limits(self):
        """Buyers in the shared registry, limits in force and a request waiting for an underwriter."""
        ExchangeRate.objects.get_or_create(
            base_currency="EUR", quote_currency="USD", valid_on=date(2026, 1, 1), defaults={"rate": Decimal("1.08")}
        )
        for country, grade in (("FR", 1), ("DE", 1), ("MX", 3), ("CN", 2), ("PT", 1), ("AR", 6)):
            set_country_risk(country=country, grade=grade)
        buyers = [
            ("Müller Maschinenbau GmbH", "DE", "HRB123456", "DE811111111", 2, "28.41"),
            ("Distribuciones Pacífico S.A. de C.V.", "MX", "DPA0101019X1", "", 4, "46.90"),
            ("Société Générale d'Équipement SARL", "FR", "552081317", "FR40552081317", 3, "46.69"),
            ("Hangzhou Bright Textiles Co., Ltd.", "CN", "91330100MA27XXXX1", "", 7, "13.20"),
            ("Lisboa Vinhos Lda", "PT", "PT509999999", "PT509999999", 5, "11.02"),
        ]
        registry = {}
        for name, country, reg, vat, grade, nace in buyers:
            buyer, _ = Buyer.objects.get_or_create(
                country=country, registration_number=reg,
                defaults={"legal_name": name, "vat_number": vat, "grade": grade, "grade_date": date(2026, 1, 15),
                          "sector_nace": nace, "status": Buyer.Status.CONFIRMED},
            )
            registry[reg] = buyer
        today = timezone.localdate()
        for number, reg, amount, terms in (
            ("KR-ES-2026-001", "HRB123456", "45000", 60),
            ("KR-ES-2026-001", "552081317", "150000", 90),
            ("KR-ES-2026-001", "91330100MA27XXXX1", "80000", 120),
            ("KR-CN-2026-001", "DPA0101019X1", "15000", 60),
        ):
            policy = Policy.objects.get(number=number)
            buyer = registry[reg]
            if CreditLimit.objects.filter(policy=policy, buyer=buyer).exists() or not policy.is_in_force_on(today):
                continue
            limit_services.request_limit(
                tenant=policy.tenant, requested_by=None, policy=policy, buyer=buyer,
                amount=Money(amount, policy.currency), terms_days=terms, today=today,
            )

    def _claims_and_premium(self):
        """On Iberia's 2026 policy: a paid claim with a recovery, an open overdue, turnover declared to date."""
        policy = Policy.objects.filter(number="KR-ES-2026-001").first()
        today = timezone.localdate()
        if policy is None or not policy.start_date < today <= policy.end_date + timedelta(days=60):
            return  # the demo's dates only make sense while the 2026 policy runs
        User = get_user_model()
        finance, underwriter, handler = (User.objects.get(username=name)
                                         for name in ("iberia-finance", "underwriter", "claims"))
        tenant = policy.tenant
        lisboa = Buyer.objects.get(country="PT", registration_number="PT509999999")
        atlantico, _ = Buyer.objects.get_or_create(
            country="PT", registration_number="PT508888888",
            defaults={"legal_name": "Atlântico Pescas S.A.", "vat_number": "PT508888888", "grade": 4,
                      "grade_date": date(2026, 1, 15), "sector_nace": "03.11", "status": Buyer.Status.CONFIRMED})
        for buyer, amount in ((lisboa, "30000"), (atlantico, "20000")):
            if not CreditLimit.objects.filter(policy=policy, buyer=buyer).exists():
                outcome = limit_services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                                       amount=Money(amount, "EUR"), terms_days=60,
                                                       today=date(2026, 1, 5))
                if not outcome.decided:
                    limit_services.decide_limit(limit=outcome.limit, decided_by=underwriter,
                                                kind=LimitDecision.Kind.APPROVED, effective_date=date(2026, 1, 6))

        def invoice(number, shipped, amount):
            return InvoiceLine(number=number, invoice_date=shipped, shipment_date=shipped,
                               due_date=shipped + timedelta(days=60), amount=Decimal(amount),
                               outstanding=Decimal(amount))

        # Paid 9,000 on an unpaid 10,000 at 90% (example 1); 2,000 recovered afterwards, shared pro rata.
        if not Overdue.objects.filter(tenant=tenant, reference="DEMO-OD-1").exists():
            shipped = date(2026, 4, 1)
            overdue = overdue_services.declare_overdue(
                tenant=tenant, notified_by=finance, policy=policy, buyer=lisboa, reference="DEMO-OD-1",
                invoices=[invoice("FV-2026-0412", shipped, "10000")], notified_on=shipped + timedelta(days=80))
            window = claim_services.filing_window(overdue=overdue, cause=Cause.PROTRACTED_DEFAULT)
            if window.is_open(today):
                claim = claim_services.file_claim(tenant=tenant, filed_by=finance, overdue=overdue,
                                                  cause=Cause.PROTRACTED_DEFAULT, reference="DEMO-CL-1", today=today)
                for kind in claim.required_documents:
                    claim_services.upload_document(claim=claim, kind=kind, uploaded_by=finance,
                                                   uploaded=SimpleUploadedFile(f"{kind}.pdf", DEMO_PDF))
                claim_services.submit_claim(claim=claim, submitted_by=finance, today=today)
                claim_services.confirm_complete(claim=claim, confirmed_by=handler)
                claim = claim_services.approve_claim(claim=claim, approved_by=handler)
                claim_services.record_claim_payment(claim=claim, amount=Money(claim.approved_indemnity, "EUR"),
                                                    paid_on=today, recorded_by=handler, reference="SEPA-DEMO-1")
                recovery_services.record_recovery(claim=Claim.objects.get(pk=claim.pk), amount=Money(2000, "EUR"),
                                                  received_on=today, source="liquidator", recorded_by=handler)
        # An overdue notified recently: cover on the buyer is stopped, the claim window not yet open.
        if not Overdue.objects.filter(tenant=tenant, reference="DEMO-OD-2").exists():
            shipped = today - timedelta(days=100)
            if shipped >= policy.start_date:
                overdue_services.declare_overdue(
                    tenant=tenant, notified_by=finance, policy=policy, buyer=atlantico, reference="DEMO-OD-2",
                    invoices=[invoice("FV-AT-0051", shipped, "7500"), invoice("FV-AT-0063", shipped + timedelta(days=9),
                                                                              "4200")],
                    notified_on=today - timedelta(days=10))
        # Turnover declared for every ended month of the year but the last (a reminder shows the gap).
        month = policy.start_date
        while date(month.year + month.month // 12, month.month % 12 + 1, 1) < today.replace(day=1):
            if not TurnoverDeclaration.objects.filter(policy=policy, period_start=month).exists():
                for country, turnover in (("FR", 180_000), ("DE", 95_000), ("PT", 40_000)):
                    declare_turnover(tenant=tenant, declared_by=finance, policy=policy, period_start=month,
                                     country=country, turnover=Money(turnover, "EUR"), today=today)
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
