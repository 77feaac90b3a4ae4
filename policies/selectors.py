from django.db.models import QuerySet

from policies.models import Policy


def policies_for_tenant(*, tenant, status: str | None = None) -> QuerySet[Policy]:
    # Terms versions come along: a policy's pages and its API read them (policies.terms).
    qs = Policy.objects.filter(tenant=tenant).order_by("-start_date", "number").prefetch_related("terms_versions")
    return qs.filter(status=status) if status else qs


# Issued policies: in force, or ended (expired, cancelled) with shipments still in run-off (domain.md, The policy's
# life: shipments before the end stay covered and claims on them may be filed after it).
ISSUED = (Policy.Status.ACTIVE, Policy.Status.EXPIRED, Policy.Status.CANCELLED)


def policies_in_force_or_run_off(*, tenant) -> QuerySet[Policy]:
    """The policies an overdue may be notified on: the invoice rules then keep each shipment within the policy."""
    return policies_for_tenant(tenant=tenant).filter(status__in=ISSUED)
