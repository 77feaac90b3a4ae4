from django.db.models import QuerySet

from policies.models import Policy


def policies_for_tenant(*, tenant, status: str | None = None) -> QuerySet[Policy]:
    # Terms versions come along: a policy's pages and its API read them (policies.terms).
    qs = Policy.objects.filter(tenant=tenant).order_by("-start_date", "number").prefetch_related("terms_versions")
    return qs.filter(status=status) if status else qs
