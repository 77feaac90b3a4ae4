import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics

from core.api.filters import BoundedDateFilter
from core.api.views import TenantQuerysetMixin
from policies.api.serializers import PolicyDetailOutputSerializer, PolicyOutputSerializer
from policies.models import Policy
from policies.selectors import policies_for_tenant


class PolicyFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Policy.Status.choices)
    currency = django_filters.CharFilter(field_name="currency", lookup_expr="iexact")
    active_on = BoundedDateFilter(method="filter_active_on", label="In force on (date)")

    class Meta:
        # Filters are declared, not generated: generation queries the scoped manager at import.
        model = Policy
        fields: list[str] = []

    def filter_active_on(self, queryset, name, value):
        return queryset.filter(start_date__lte=value, end_date__gte=value)


@extend_schema_view(
    get=extend_schema(summary="List the tenant's policies", tags=["policies"]),
)
class PolicyListApi(TenantQuerysetMixin, generics.ListAPIView):
    model = Policy
    serializer_class = PolicyOutputSerializer
    filterset_class = PolicyFilter
    required_permission = "policies.view_policy"

    def get_tenant_queryset(self, tenant):
        # The filter set narrows this queryset; it never replaces the tenant filter.
        return policies_for_tenant(tenant=tenant)


@extend_schema_view(get=extend_schema(summary="One policy with its terms", tags=["policies"]))
class PolicyDetailApi(TenantQuerysetMixin, generics.RetrieveAPIView):
    model = Policy
    serializer_class = PolicyDetailOutputSerializer
    required_permission = "policies.view_policy"

    def get_tenant_queryset(self, tenant):
        return policies_for_tenant(tenant=tenant).prefetch_related("loss_payees")
