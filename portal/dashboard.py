"""The insured's home page (dashboard): its notifications, its policies, the exposure of its limits in force.

config/urls.py mounts `DashboardView` at "/" under the name "home".
"""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from accounts.mixins import TenantMemberRequiredMixin
from core.selectors import notifications_for_user
from limits.charts import exposure_bar_chart
from limits.exposure import BUYER, COUNTRY, tenant_exposure_top
from policies.models import Policy
from policies.selectors import policies_for_tenant
from portal.tasks import home_tasks

EXPOSURE_TOP = 10
LATEST_NOTIFICATIONS = 5


def dashboard_exposure(*, tenant) -> dict:
    """The tenant's limits in force per buyer and country, one block per policy currency (never summed)."""
    # Totals and the top rows come from the database: a large insured has 100,000 buyers, the page shows ten.
    by_buyer = tenant_exposure_top(tenant=tenant, by=BUYER, top=EXPOSURE_TOP)
    by_country = tenant_exposure_top(tenant=tenant, by=COUNTRY, top=EXPOSURE_TOP)
    charts = {
        # The chart escapes every text it draws (limits.charts).
        section.currency: mark_safe(exposure_bar_chart(
            section.rows, title=_("Exposure per buyer in %(currency)s") % {"currency": section.currency}
        ))
        for section in by_buyer
    }
    return {
        "show_exposure": True,
        "exposure_by_buyer": [(section, charts[section.currency]) for section in by_buyer],
        "exposure_by_country": by_country,
    }


class DashboardView(TenantMemberRequiredMixin, TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["task_groups"] = home_tasks(tenant=self.tenant, user=self.request.user)
        ctx["active_policies"] = policies_for_tenant(tenant=self.tenant, status=Policy.Status.ACTIVE)
        ctx["notifications"] = notifications_for_user(
            user=self.request.user, tenant=self.tenant
        )[:LATEST_NOTIFICATIONS]
        # Roles without access to limits (e.g. finance without view rights) see no amounts.
        if self.request.user.has_perm("limits.view_creditlimit"):
            ctx.update(dashboard_exposure(tenant=self.tenant))
        return ctx
