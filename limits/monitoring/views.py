"""The insured's monitoring list: its buyers with their alerts (sortable, paged), and marking them read."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from accounts.mixins import TenantMemberRequiredMixin
from buyers.monitoring import services
from buyers.monitoring.selectors import alert_text
from limits.monitoring.selectors import MONITORING_SORT, latest_alerts_of, monitored_buyers


class MonitoringListView(TenantMemberRequiredMixin, ListView):
    template_name = "limits/monitoring_list.html"
    context_object_name = "buyers"
    required_permission = "buyers.view_buyer"
    paginate_by = 50

    def get_queryset(self):
        buyers = monitored_buyers(tenant=self.tenant, q=self.request.GET.get("q", ""),
                                  unread_only=self.request.GET.get("alerts") == "unread")
        return MONITORING_SORT.apply(buyers, self.request.GET.get("sort"))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        page = list(ctx["buyers"])
        latest = latest_alerts_of(tenant=self.tenant, buyers=page)
        ctx["rows"] = [(buyer, [(alert, alert_text(alert)) for alert in latest[buyer.pk]]) for buyer in page]
        ctx["sort_headers"] = MONITORING_SORT.headers(self.request.GET.get("sort"))
        ctx["unread_only"] = self.request.GET.get("alerts") == "unread"
        return ctx


class MarkAlertsReadView(TenantMemberRequiredMixin, View):
    required_permission = "buyers.view_buyer"

    def post(self, request):
        buyer = request.POST.get("buyer", "")
        count = services.mark_alerts_read(tenant=self.tenant, buyer_id=int(buyer) if buyer.isdigit() else None)
        messages.success(request, _("%(n)d alert(s) marked read.") % {"n": count})
        return redirect("limits-monitoring:list")
