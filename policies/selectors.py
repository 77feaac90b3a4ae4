from django.db.models import QuerySet

from policies.models import Policy


def policies_for_tenant(*, tenant, status: str | None = None) -> QuerySet[Policy]:
    qs = Policy.objects.filter(tenant=tenant).order_by("-start_date", "number")
    return qs.filter(status=status) if status else qs
