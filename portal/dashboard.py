"""The insured's home page (dashboard): its notifications, its policies, the exposure of its limits in force.

config/urls.py mounts `DashboardView` at "/" under the name "home".
"""

from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from accounts.mixins import TenantMemberRequiredMixin
from core.selectors import notifications_for_user
from limits.charts import exposure_bar_chart
from limits.exposure import BUYER, COUNTRY, GRADE, tenant_exposure_top
from policies.models import Policy
from policies.selectors import policies_for_tenant
from portal.charts import claims_pipeline, limit_utilisation, overdue_ageing
from portal.tasks import home_tasks

EXPOSURE_TOP = 10
LATEST_NOTIFICATIONS = 5


def dashboard_exposure(*, tenant) -> dict:
    """The tenant's limits in force per buyer and country, one block per policy currency (never summed)."""
    # Totals and the top rows come from the database: a large insured has 100,000 buyers, the page shows ten.
    by_buyer = tenant_exposure_top(tenant=tenant, by=BUYER, top=EXPOSURE_TOP)
    by_country = tenant_exposure_top(tenant=tenant, by=COUNTRY, top=EXPOSURE_TOP)
    by_grade = tenant_exposure_top(tenant=tenant, by=GRADE, top=EXPOSURE_TOP)

    def charted(sections, title):
        # The chart escapes every text it draws (core.charts).
        return [(section, mark_safe(exposure_bar_chart(section.rows, title=title % {"currency": section.currency})))
                for section in sections]

    return {
        "show_exposure": True,
        "exposure_by_buyer": charted(by_buyer, _("Exposure per buyer in %(currency)s")),
        "exposure_by_country": charted(by_country, _("Exposure per country in %(currency)s")),
        "exposure_by_grade": charted(by_grade, _("Exposure per buyer grade in %(currency)s")),
        "utilisation": limit_utilisation(tenant=tenant),
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
        if self.request.user.has_perm("claims.view_overdue"):
            ctx["ageing"] = overdue_ageing(tenant=self.tenant, today=timezone.localdate())
        if self.request.user.has_perm("claims.view_claim"):
            ctx["pipeline"] = claims_pipeline(tenant=self.tenant)
        return ctx
