"""Demo data for `make run`: two tenants, a user for every role, policies.

Safe to run twice: everything is looked up before it is created.
Passwords are for the demo only (README lists them).
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django_scopes import scopes_disabled

from accounts.models import Membership, Tenant
from accounts.roles import (
    CLAIMS_HANDLER,
    CREDIT_MANAGER,
    FINANCE,
    TENANT_ADMIN,
    UNDERWRITER,
    ensure_role_groups,
)
from policies.models import Policy
from policies.services import create_policy

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
