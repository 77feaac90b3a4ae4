"""The insured's monitoring list: its buyers with their alerts (sortable, paged), and marking them read."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import TenantMemberRequiredMixin
from buyers.monitoring import services
from buyers.monitoring.selectors import alert_text
from limits.monitoring.selectors import MONITORING_SORT, latest_alerts_of, monitoring_page

PAGE_SIZE = 50


class MonitoringListView(TenantMemberRequiredMixin, View):
    required_permission = "buyers.view_buyer"

    def get(self, request):
        unread_only = request.GET.get("alerts") == "unread"
        sort = request.GET.get("sort")
        page = monitoring_page(tenant=self.tenant, q=request.GET.get("q", ""), unread_only=unread_only,
                               sort=MONITORING_SORT.chosen(sort), after=request.GET.get("after"), size=PAGE_SIZE)
        latest = latest_alerts_of(tenant=self.tenant, buyers=page.rows)
        return render(request, "limits/monitoring_list.html", {
            "rows": [(buyer, [(alert, alert_text(alert)) for alert in latest[buyer.pk]]) for buyer in page.rows],
            "page": page, "sort_headers": MONITORING_SORT.headers(sort), "unread_only": unread_only})


class MarkAlertsReadView(TenantMemberRequiredMixin, View):
    required_permission = "buyers.view_buyer"

    def post(self, request):
        buyer = request.POST.get("buyer", "")
        count = services.mark_alerts_read(tenant=self.tenant, buyer_id=int(buyer) if buyer.isdigit() else None)
        messages.success(request, _("%(n)d alert(s) marked read.") % {"n": count})
        return redirect("limits-monitoring:list")
