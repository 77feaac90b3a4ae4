"""The credit file's overdues, claims and payment-behaviour sections, and the limit's utilisation: what the
insured reported on the buyer, in full; for the insurer, every insured's. Registered with buyers.credit_file
from ClaimsConfig.ready().

Utilisation is the outstanding amount of the insured's unpaid invoices (those listed in its draft and open
overdues, the only invoices Kredo holds) against the limit in force on each policy. Claims and their
documents are shown to a user who may see claims (finance, the tenant admin), as on the claim pages.
"""

from django.db.models import Count, Sum
from moneyed import Money

from buyers.credit_file.registry import CreditFileSection, capped, register_section
from claims.claims.models import Claim, ClaimDocument
from claims.overdues.models import Invoice, Overdue
from claims.overdues.payment_experience import buyer_invoices, figures_by_buyer, months_before
from limits.models import CreditLimit

UNPAID_STATES = (Overdue.State.DRAFT, Overdue.State.OPEN)


def utilisation(*, tenant, buyer) -> list[dict]:
    """Per policy with a limit in force or unpaid invoices on the buyer: the limit, the outstanding, the share."""
    limits = {row["policy_id"]: row for row in CreditLimit.objects.filter(
        tenant=tenant, buyer=buyer, state=CreditLimit.State.IN_FORCE).values(
        "policy_id", "policy__number", "currency", "decided_amount")}
    outstanding = {(row["overdue__policy_id"], row["currency"]): row for row in Invoice.objects.filter(
        tenant=tenant, overdue__buyer=buyer, overdue__state__in=UNPAID_STATES, outstanding__gt=0).order_by()
        .values("overdue__policy_id", "overdue__policy__number", "currency").annotate(total=Sum("outstanding"))}
    rows = []
    for policy_id, limit in limits.items():
        unpaid = outstanding.pop((policy_id, limit["currency"]), None)
        total = unpaid["total"] if unpaid else 0
        rows.append({"policy": limit["policy__number"], "limit": Money(limit["decided_amount"], limit["currency"]),
                     "outstanding": Money(total, limit["currency"]),
                     "share_used": round(total / limit["decided_amount"], 3)})
    rows += [{"policy": row["overdue__policy__number"], "limit": None, "outstanding": Money(row["total"], currency),
              "share_used": None} for (_policy, currency), row in outstanding.items()]
    return sorted(rows, key=lambda row: row["policy"])


def _overdues(qs):
    return (qs.select_related("policy").annotate(
        invoice_count=Count("invoices"), unpaid=Sum("invoices__outstanding")).order_by("-notified_on", "-pk"))


def payment_behaviour(*, tenant, buyer, on) -> dict:
    """The insured's own paid invoices on the buyer: each one's days beyond terms, and the averages."""
    invoices = Invoice.objects.filter(tenant=tenant, overdue__buyer=buyer)
    figures = figures_by_buyer(invoices, on=on).get(buyer.pk)
    return {"figures": figures, "invoices": capped(buyer_invoices(invoices))}


def for_tenant(*, tenant, user, buyer, on) -> dict:
    sees_claims = user.has_perm("claims.view_claim")
    claims = Claim.objects.filter(tenant=tenant, buyer=buyer).order_by("-created_at", "-pk")
    documents = ClaimDocument.objects.filter(tenant=tenant, claim__buyer=buyer).order_by("-uploaded_at", "-pk")
    return {
        "utilisation": utilisation(tenant=tenant, buyer=buyer),
        "overdues": capped(_overdues(Overdue.objects.filter(tenant=tenant, buyer=buyer))),
        "claims": capped(claims) if sees_claims else None,
        "documents": capped(documents.select_related("claim")) if sees_claims else None,
        "payment_behaviour": payment_behaviour(tenant=tenant, buyer=buyer, on=on),
    }


def for_insurer(*, buyer, on) -> dict:
    overdues = Overdue.objects.filter(buyer=buyer, notified_on__isnull=False)
    return {
        "open_overdues": overdues.filter(state=Overdue.State.OPEN).count(),
        "insureds_with_overdues": overdues.filter(notified_on__gt=months_before(on, 12))
        .values("tenant_id").distinct().count(),
        "overdues": capped(_overdues(overdues.select_related("tenant"))),
        "claims": capped(Claim.objects.filter(buyer=buyer).exclude(state=Claim.State.DRAFT)
                         .select_related("tenant").order_by("-created_at", "-pk")),
    }


def register() -> None:
    from claims import credit_file_serializers as serializers

    register_section(CreditFileSection(
        key="claims", for_tenant=for_tenant, for_insurer=for_insurer,
        tenant_serializer=serializers.ClaimsSectionSerializer,
        insurer_serializer=serializers.InsurerClaimsSectionSerializer,
        tenant_template="claims/credit_file_claims.html", insurer_template="claims/credit_file_claims_insurer.html",
    ))
