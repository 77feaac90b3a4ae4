"""Demo data for `make run`: two tenants, a user for every role, policies, buyers, limits, overdues, claims,
a recovery and turnover declarations.

Every date is counted from the day it runs (`timezone.localdate()`), so the demo is in force whenever a
newcomer seeds it: Iberia Export's policy started on the first day of the month ten months before and runs a
year, Shanghai Lotus's three months later; the history (limits decided, overdues, the paid claim, turnover)
lies in the months before, each date valid under the policy terms.

Safe to run twice: everything is looked up before it is created. Run again on a later day it leaves what exists
alone; once a demo policy has lapsed it is renewed through its insurance periods (the renewal offer of each
period, accepted by the tenant admin), so one is always in force; only a policy that can no longer be renewed is
followed by a new one.
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
from policies.periods import services as periods
from policies.periods.models import RenewalOffer
from policies.periods.services import last_period
from policies.premium.calculation import month_start
from policies.premium.models import TurnoverDeclaration
from policies.premium.selectors import periods_of
from policies.premium.services import declare_turnover
from policies.selectors import policies_for_tenant
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
        # Ten months in: two more to go, enough behind it for a claim past its waiting period.
        "policy": {"prefix": "KR-ES", "months_before_today": 10, "currency": "EUR"},
        "previous_period": True,  # the year before, expired: the statement has a period to compare
    },
    {
        "slug": "shanghai",
        "legal_name": "Shanghai Lotus Trading Co., Ltd.",
        "country": "CN",
        "registration_number": "91310000MA1FL0000X",
        "contact_email": "finance@lotus-trading.example",
        "policy": {"prefix": "KR-CN", "months_before_today": 7, "currency": "USD",
                   "percentage_of_cover_commercial": 85},
        "previous_period": False,
    },
]

# (tenant, buyer registration, amount, payment terms, when): limits decided at once by the matrix were asked for
# at the start of the policy; those waiting for an underwriter were asked for a few days ago.
AT_START, LATELY = "at start", "lately"
LIMITS = [
    ("iberia", "HRB123456", "45000", 60, AT_START),
    ("iberia", "552081317", "150000", 90, LATELY),
    ("iberia", "91330100MA27XXXX1", "80000", 120, LATELY),
    ("shanghai", "DPA0101019X1", "15000", 60, AT_START),
]

HISTORY_OVERDUES = ("DEMO-OD-1", "DEMO-OD-2")


def policy_number(prefix: str, start: date) -> str:
    """<prefix>-<start year>-001, or the next free sequence number that year (a renewal in the same year)."""
    sequence = 1
    while Policy.objects.filter(number=f"{prefix}-{start.year}-{sequence:03d}").exists():
        sequence += 1
    return f"{prefix}-{start.year}-{sequence:03d}"


def _demo_invoice(number, shipped, amount) -> InvoiceLine:
    # Issued on shipment, on 60 days' terms, all of it unpaid.
    return InvoiceLine(number=number, invoice_date=shipped, shipment_date=shipped,
                       due_date=shipped + timedelta(days=60), amount=Decimal(amount), outstanding=Decimal(amount))


class Command(BaseCommand):
    help = "Create demo tenants, users for every role and policies in force today (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        today = timezone.localdate()
        ensure_role_groups()
        with scopes_disabled():
            policies = {spec["slug"]: self._tenant(spec, today) for spec in TENANTS}
            self._user("underwriter", "Uma", "Underwriter", [UNDERWRITER], staff=True)
            self._user("claims", "Carl", "Claims", [CLAIMS_HANDLER], staff=True)
            self._user("admin", "Ada", "Superuser", [], staff=True, superuser=True)
            self._buyers_and_limits(policies, today)
            self._turnover(policies["iberia"], today)
            self._claims(policies["iberia"], today)
        for policy in policies.values():
            self.stdout.write(f"{policy.number}: {policy.start_date} to {policy.end_date}")
        self.stdout.write(self.style.SUCCESS(f"Demo data ready. Every demo password is {DEMO_PASSWORD!r}."))

    def _tenant(self, spec, today) -> Policy:
        tenant, _ = Tenant.objects.get_or_create(
            country=spec["country"],
            registration_number=spec["registration_number"],
            defaults={"legal_name": spec["legal_name"], "contact_email": spec["contact_email"]},
        )
        slug = spec["slug"]
        self._user(f"{slug}-admin", "Tenant", "Admin", [TENANT_ADMIN], tenant=tenant)
        self._user(f"{slug}-credit", "Credit", "Manager", [CREDIT_MANAGER], tenant=tenant)
        self._user(f"{slug}-finance", "Finance", "Team", [FINANCE], tenant=tenant)
        return self._policy_in_force(tenant, spec, today)

    def _policy_in_force(self, tenant, spec, today) -> Policy:
        """The tenant's policy in force today; if there is none, the period that covers today is added."""
        terms = dict(spec["policy"])
        prefix, months = terms.pop("prefix"), terms.pop("months_before_today")
        policies = policies_for_tenant(tenant=tenant)
        in_force = next((policy for policy in policies if policy.is_in_force_on(today)), None)
        if in_force is not None:
            return in_force
        start = month_start(today, -months)
        lapsed = policies.filter(end_date__lt=today).order_by("-end_date").first()
        if lapsed is not None:
            if self._renew(lapsed, today=today):
                return Policy.objects.get(pk=lapsed.pk)
            lapsed = Policy.objects.get(pk=lapsed.pk)  # as far as it was renewed
        if lapsed is not None and lapsed.end_date >= start:
            # A new policy follows one that could not be renewed, never overlapping it (it still starts by today).
            start = lapsed.end_date + timedelta(days=1)
        if spec["previous_period"] and not policies.exists():
            previous = month_start(start, -12)
            create_policy(tenant=tenant, number=policy_number(prefix, previous), status=Policy.Status.EXPIRED,
                          start_date=previous, end_date=start - timedelta(days=1), currency=terms["currency"])
        return create_policy(tenant=tenant, number=policy_number(prefix, start), status=Policy.Status.ACTIVE,
                             start_date=start, **terms)

    def _renew(self, policy, *, today) -> bool:
        """Renew a lapsed demo policy as the insured would have: the renewal job's offer on each period's last
        day, accepted by the tenant admin (policies.periods.services), period after period until one covers
        today; limits in force carry over. False, nothing changed, when it cannot be renewed any more (the period
        end job expired it, notice was given, or it lapsed years ago)."""
        if policy.status != Policy.Status.ACTIVE or today - policy.end_date > timedelta(days=3 * 366):
            return False
        admin = Membership.objects.filter(tenant=policy.tenant, user__username__endswith="-admin").first()
        while policy.end_date < today:
            period = last_period(policy)
            offer = (periods.offer_renewal(period=period, loss_ratio_percent=Decimal("0"), today=period.end)
                     or RenewalOffer.objects.filter(period=period, state=RenewalOffer.State.OFFERED).first())
            if offer is None:
                return False
            periods.accept_offer(offer=offer, accepted_by=admin.user if admin else None, today=period.end)
            policy = Policy.objects.get(pk=policy.pk)
        return True

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

    def _buyers_and_limits(self, policies, today):
        """Buyers in the shared registry, limits in force and requests waiting for an underwriter."""
        earliest = min(policy.start_date for policy in policies.values())
        # The matrix converts its EUR amounts to a USD policy with the rate recorded on the request day.
        if not ExchangeRate.objects.filter(base_currency="EUR", quote_currency="USD", valid_on__lte=earliest).exists():
            ExchangeRate.objects.create(base_currency="EUR", quote_currency="USD", valid_on=earliest,
                                        rate=Decimal("1.08"))
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
            registry[reg] = self._buyer(name, country, reg, vat, grade, nace, graded_on=earliest - timedelta(days=17))
        for slug, reg, amount, terms, when in LIMITS:
            policy, buyer = policies[slug], registry[reg]
            if CreditLimit.objects.filter(policy=policy, buyer=buyer).exists():
                continue
            requested_on = (min(policy.start_date + timedelta(days=4), today) if when == AT_START
                            else max(policy.start_date, today - timedelta(days=3)))
            limit_services.request_limit(
                tenant=policy.tenant, requested_by=None, policy=policy, buyer=buyer,
                amount=Money(amount, policy.currency), terms_days=terms, today=requested_on,
            )

    def _buyer(self, name, country, reg, vat, grade, nace, *, graded_on) -> Buyer:
        buyer, _ = Buyer.objects.get_or_create(
            country=country, registration_number=reg,
            defaults={"legal_name": name, "vat_number": vat, "grade": grade, "grade_date": graded_on,
                      "sector_nace": nace, "status": Buyer.Status.CONFIRMED},
        )
        return buyer

    def _turnover(self, policy, today):
        """Turnover declared for every ended month of the policy but the last (a reminder shows the gap)."""
        finance = get_user_model().objects.get(username="iberia-finance")
        ended = [period for period in periods_of(policy) if period.has_ended(today)]
        for period in ended[:-1]:
            if TurnoverDeclaration.objects.filter(policy=policy, period_start=period.start).exists():
                continue
            for country, turnover in (("FR", 180_000), ("DE", 95_000), ("PT", 40_000)):
                declare_turnover(tenant=policy.tenant, declared_by=finance, policy=policy, period_start=period.start,
                                 country=country, turnover=Money(turnover, policy.currency), today=today)

    def _claims(self, policy, today):
        """On Iberia's policy in force: a paid claim with a recovery and an open overdue, dated back from today.

        DEMO-OD-1: 10,000 shipped 240 days ago on 60 days, notified 20 days after its due date (in time), claimed
        after the 150-day waiting period and paid today: the claims handler's steps read today's date.
        DEMO-OD-2: shipped about 100 days ago, notified ten days ago; its waiting period has months to run.
        """
        tenant = policy.tenant
        if Overdue.objects.filter(tenant=tenant, reference__in=HISTORY_OVERDUES).exclude(policy=policy).exists():
            return  # the history was built on an earlier period of the demo: a renewal starts without it
        limits_from = policy.start_date + timedelta(days=4)
        shipped = today - timedelta(days=240)
        if shipped <= limits_from + timedelta(days=1):
            # Only a renewal that started less than eight months ago gets here: no room for the history.
            self.stdout.write(f"{policy.number} started on {policy.start_date}: too recently for the demo claims.")
            return
        User = get_user_model()
        finance, underwriter, handler = (User.objects.get(username=name)
                                         for name in ("iberia-finance", "underwriter", "claims"))
        lisboa, atlantico = self._history_limits(policy, limits_from=limits_from, underwriter=underwriter)
        self._paid_claim(policy, lisboa, today=today, shipped=shipped, finance=finance, handler=handler)
        self._open_overdue(policy, atlantico, today=today, finance=finance)

    def _history_limits(self, policy, *, limits_from, underwriter) -> tuple[Buyer, Buyer]:
        """The limits the claim history stands on, requested at the start of the policy."""
        lisboa = Buyer.objects.get(country="PT", registration_number="PT509999999")
        atlantico = self._buyer("Atlântico Pescas S.A.", "PT", "PT508888888", "PT508888888", 4, "03.11",
                                graded_on=lisboa.grade_date)
        for buyer, amount in ((lisboa, "30000"), (atlantico, "20000")):
            if not CreditLimit.objects.filter(policy=policy, buyer=buyer).exists():
                outcome = limit_services.request_limit(tenant=policy.tenant, requested_by=None, policy=policy,
                                                       buyer=buyer, amount=Money(amount, "EUR"), terms_days=60,
                                                       today=limits_from)
                if not outcome.decided:
                    limit_services.decide_limit(limit=outcome.limit, decided_by=underwriter,
                                                kind=LimitDecision.Kind.APPROVED,
                                                effective_date=limits_from + timedelta(days=1))
        return lisboa, atlantico

    def _paid_claim(self, policy, lisboa, *, today, shipped, finance, handler) -> None:
        """Paid 9,000 on an unpaid 10,000 at 90% (example 1); 2,000 recovered afterwards, shared pro rata."""
        tenant = policy.tenant
        overdue = Overdue.objects.filter(tenant=tenant, reference="DEMO-OD-1").first()
        if overdue is None:
            overdue = overdue_services.declare_overdue(
                tenant=tenant, notified_by=finance, policy=policy, buyer=lisboa, reference="DEMO-OD-1",
                invoices=[_demo_invoice(f"FV-{shipped.year}-0412", shipped, "10000")],
                notified_on=shipped + timedelta(days=80))
        window = claim_services.filing_window(overdue=overdue, cause=Cause.PROTRACTED_DEFAULT)
        if not Claim.objects.filter(tenant=tenant, reference="DEMO-CL-1").exists() and window and window.is_open(today):
            # Filed a fortnight ago (the waiting period ended a month ago); completed, approved and paid today.
            filed_on = max(window.opens, today - timedelta(days=14))
            claim = claim_services.file_claim(tenant=tenant, filed_by=finance, overdue=overdue,
                                              cause=Cause.PROTRACTED_DEFAULT, reference="DEMO-CL-1", today=filed_on)
            for kind in claim.required_documents:
                claim_services.upload_document(claim=claim, kind=kind, uploaded_by=finance,
                                               uploaded=SimpleUploadedFile(f"{kind}.pdf", DEMO_PDF))
            claim_services.submit_claim(claim=claim, submitted_by=finance, today=filed_on)
            claim_services.confirm_complete(claim=claim, confirmed_by=handler)
            claim = claim_services.approve_claim(claim=claim, approved_by=handler)
            claim_services.record_claim_payment(claim=claim, amount=Money(claim.approved_indemnity, "EUR"),
                                                paid_on=today, recorded_by=handler, reference="SEPA-DEMO-1")
            recovery_services.record_recovery(claim=Claim.objects.get(pk=claim.pk), amount=Money(2000, "EUR"),
                                              received_on=today, source="liquidator", recorded_by=handler)

    def _open_overdue(self, policy, atlantico, *, today, finance) -> None:
        """An overdue notified recently: cover on the buyer is stopped, the claim window not yet open."""
        tenant = policy.tenant
        if not Overdue.objects.filter(tenant=tenant, reference="DEMO-OD-2").exists():
            shipped = today - timedelta(days=100)
            overdue_services.declare_overdue(
                tenant=tenant, notified_by=finance, policy=policy, buyer=atlantico, reference="DEMO-OD-2",
                invoices=[_demo_invoice("FV-AT-0051", shipped, "7500"),
                          _demo_invoice("FV-AT-0063", shipped + timedelta(days=9), "4200")],
                notified_on=today - timedelta(days=10))
