"""The main pages of the demo (`manage.py seed_demo`), tenant side and admin side, as paths to open.

The tenant pages are every page of the top bar's areas with one object of each kind; the admin pages are the
insurer's working screens (queues, decisions, reviews, exposure) and the change lists and forms behind them.
"""

from django.urls import reverse
from django_scopes import scopes_disabled

from accounts.models import Membership, Tenant
from buyers.models import Buyer
from claims.claims.models import Claim
from claims.overdues.models import Overdue
from limits.models import CreditLimit
from policies.models import Policy

# The pages written to docs/screenshots/ (KREDO_SCREENSHOTS=1), by url name: the first page of each name.
SCREENSHOTS = ["home", "limits:list", "limits:detail", "claims:overdue-declare", "claim_pages:detail",
               "admin:limits_queue", "admin:claims_review"]


def demo_objects() -> dict:
    with scopes_disabled():
        tenant = Tenant.objects.get(legal_name="Iberia Export S.L.")
        limits = CreditLimit.objects.filter(policy__tenant=tenant).order_by("pk")
        return {
            "tenant": tenant,
            "policy": Policy.objects.filter(tenant=tenant).order_by("-start_date").first(),
            "buyer": Buyer.objects.filter(credit_limits__policy__tenant=tenant).order_by("pk").first(),
            "pending": limits.filter(state=CreditLimit.State.PENDING).first(),
            "in_force": limits.filter(state=CreditLimit.State.IN_FORCE).first(),
            "open_overdue": Overdue.objects.filter(tenant=tenant, state=Overdue.State.OPEN).first(),
            "claimed_overdue": Overdue.objects.filter(tenant=tenant).exclude(state=Overdue.State.OPEN).first(),
            "claim": Claim.objects.filter(tenant=tenant).first(),
            "membership": Membership.objects.filter(tenant=tenant).first(),
        }


def tenant_pages(demo) -> list[tuple[str, str]]:
    """(url name, path) of the tenant's main pages."""
    policy, buyer, claim = demo["policy"].pk, demo["buyer"].pk, demo["claim"].pk
    pages = [
        ("home", []), ("policies:list", []), ("policies:detail", [policy]), ("policies:premium", [policy]),
        ("policies:premium-declare", [policy]), ("policies:premium-import", [policy]),
        ("policies:proposal-list", []), ("policies:proposal-new", []),
        ("buyers:search", []), ("buyers:propose", []), ("buyers:detail", [buyer]),
        ("limits:list", []), ("limits:detail", [demo["in_force"].pk]), ("limits:detail", [demo["pending"].pk]),
        ("limits:edit", [demo["pending"].pk]), ("limits:import", []),
        ("limits-monitoring:list", []), ("limits-risk-check:check", []),
        ("claims:overdue-list", []), ("claims:overdue-declare", []), ("claims:overdue-declare-csv", []),
        ("claims:overdue-detail", [demo["open_overdue"].pk]), ("claims:overdue-detail", [demo["claimed_overdue"].pk]),
        ("claim_pages:list", []), ("claim_pages:claimable", []), ("claim_pages:file", []),
        ("claim_pages:detail", [claim]),
        ("recoveries:list", []), ("recoveries:statement", [claim]), ("portal:policy-statement", [policy]),
        ("accounts:notifications", []), ("accounts:language", []), ("accounts:members", []),
        ("accounts:api-tokens", []), ("webhooks:list", []), ("webhooks:create", []),
    ]
    paths = [(name, reverse(name, args=args)) for name, args in pages]
    paths += [("limits:request", reverse("limits:request") + f"?buyer={buyer}"),
              ("limits:discretionary", reverse("limits:discretionary") + f"?buyer={buyer}"),
              # The risk check with its report under the form.
              ("limits-risk-check:check", reverse("limits-risk-check:check")
               + f"?policy={policy}&buyer={buyer}&amount=20000&terms_days=60")]
    return paths


def tenant_object_pages(demo) -> list[str]:
    """The paths that name one of the tenant's own objects (a policy, limit, overdue, claim): another tenant's
    user must be refused every one."""
    policy, claim = demo["policy"].pk, demo["claim"].pk
    pages = [("policies:detail", policy), ("policies:premium", policy), ("policies:premium-declare", policy),
             ("policies:premium-import", policy), ("limits:detail", demo["in_force"].pk),
             ("limits:detail", demo["pending"].pk), ("limits:edit", demo["pending"].pk),
             ("claims:overdue-detail", demo["open_overdue"].pk),
             ("claims:overdue-payment", demo["open_overdue"].pk), ("claims:overdue-extension", demo["open_overdue"].pk),
             ("claim_pages:detail", claim), ("recoveries:statement", claim),
             ("recoveries:statement-csv", claim), ("portal:policy-statement", policy),
             ("portal:policy-statement-csv", policy)]
    with scopes_disabled():
        document = demo["claim"].documents.first()
    pages = [reverse(name, args=[pk]) for name, pk in pages]
    return pages + [reverse("claim_pages:download", args=[claim, document.pk])]


def public_pages() -> list[tuple[str, str]]:
    return [(name, reverse(name)) for name in ("login", "password_reset", "admin:login")]


def admin_pages(demo) -> list[tuple[str, str]]:
    """(url name, path) of the insurer's screens in the admin."""
    claim, in_force = demo["claim"].pk, demo["in_force"].pk
    pages = [
        ("admin:index", []), ("exposure:insurer", []), ("buyer-review:queue", []), ("admin:limits_queue", []), ("admin:limits_decide", [demo["pending"].pk]),
        ("admin:limits_creditlimit_changelist", []), ("admin:limits_creditlimit_change", [in_force]),
        ("admin:limits_change_limit", [in_force]), ("admin:limits_autodecisionrule_changelist", []),
        ("admin:limits_coverstop_changelist", []), ("admin:limits_scorecard_changelist", []),
        ("admin:claims_claim_changelist", []), ("admin:claims_review", [claim]), ("admin:claims_claim_change", [claim]),
        ("admin:claims_overdue_changelist", []), ("admin:claims_overdue_change", [demo["open_overdue"].pk]),
        ("admin:claims_invoice_changelist", []),
        ("admin:recoveries_claim", [claim]), ("admin:recoveries_recovery_changelist", []),
        ("admin:recoveries_collection_open", []), ("admin:recoveries_collectioncase_changelist", []),
        ("admin:buyers_buyer_changelist", []), ("admin:buyers_buyer_change", [demo["buyer"].pk]),
        ("admin:buyers_financialstatement_changelist", []), ("admin:buyers_financialstatement_import", []),
        ("admin:policies_policy_changelist", []), ("admin:policies_policy_change", [demo["policy"].pk]),
        ("admin:policies_turnoverdeclaration_changelist", []), ("admin:accounts_tenant_changelist", []),
        ("admin:policies_proposal_changelist", []), ("admin:policies_quote_changelist", []),
        ("admin:policies_quote_add", []),
        ("admin:accounts_tenant_change", [demo["tenant"].pk]), ("admin:core_notification_changelist", []),
        ("admin:core_exchangerate_changelist", []), ("admin:auth_user_changelist", []),
    ]
    return [(name, reverse(name, args=args)) for name, args in pages]
