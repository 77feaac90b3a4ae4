"""The tenant admin's webhook pages: endpoints, their deliveries, replays; the rules live in core.webhooks."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from accounts.mixins import TenantMemberRequiredMixin
from core import webhooks
from core.exceptions import DomainError
from core.forms import show_domain_error, state_filter
from core.models import WebhookDelivery
from core.selectors import webhook_deliveries_for_tenant, webhook_endpoints_for_tenant
from integrations.forms import WebhookEndpointForm

PERMISSION = "core.manage_webhooks"


class WebhookPageMixin(TenantMemberRequiredMixin):
    required_permission = PERMISSION

    def get_endpoint(self, pk):
        # Through the tenant's selector: another tenant's endpoint is a 404, not a 403.
        return get_object_or_404(webhook_endpoints_for_tenant(tenant=self.tenant), pk=pk)


class EndpointListView(WebhookPageMixin, View):
    def get(self, request):
        endpoints = webhook_endpoints_for_tenant(tenant=self.tenant)
        return render(request, "integrations/webhooks/list.html", {"endpoints": endpoints, "events": webhooks.EVENTS})


class EndpointCreateView(WebhookPageMixin, View):
    def get(self, request):
        return self._render(request, WebhookEndpointForm())

    def post(self, request):
        form = WebhookEndpointForm(request.POST)
        if form.is_valid():
            try:
                endpoint = webhooks.create_endpoint(tenant=self.tenant, created_by=request.user, **form.cleaned_data)
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                # The secret is on this page so the admin can copy it into the receiver at once.
                return render(request, "integrations/webhooks/created.html", {"endpoint": endpoint})
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        return render(request, "integrations/webhooks/form.html", {"form": form}, status=status)


class EndpointEditView(WebhookPageMixin, View):
    def get(self, request, pk):
        endpoint = self.get_endpoint(pk)
        form = WebhookEndpointForm(
            initial={"url": endpoint.url, "description": endpoint.description, "events": endpoint.events,
                     "is_active": endpoint.is_active}
        )
        return self._render(request, form, endpoint)

    def post(self, request, pk):
        endpoint = self.get_endpoint(pk)
        form = WebhookEndpointForm(request.POST)
        if form.is_valid():
            try:
                webhooks.update_endpoint(endpoint=endpoint, **form.cleaned_data)
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                messages.success(request, _("The webhook endpoint was saved."))
                return redirect("webhooks:list")
        endpoint.refresh_from_db()
        return self._render(request, form, endpoint, status=400)

    def _render(self, request, form, endpoint, status=200):
        return render(request, "integrations/webhooks/form.html", {"form": form, "endpoint": endpoint}, status=status)


class EndpointDeleteView(WebhookPageMixin, View):
    def get(self, request, pk):
        return render(request, "integrations/webhooks/delete.html", {"endpoint": self.get_endpoint(pk)})

    def post(self, request, pk):
        endpoint = self.get_endpoint(pk)
        webhooks.delete_endpoint(endpoint=endpoint)
        messages.success(request, _("The webhook endpoint %(url)s was deleted.") % {"url": endpoint.url})
        return redirect("webhooks:list")


class EndpointRotateSecretView(WebhookPageMixin, View):
    def post(self, request, pk):
        webhooks.rotate_secret(endpoint=self.get_endpoint(pk))
        messages.success(request, _("A new signing secret was made; the previous one still signs for 24 hours."))
        return redirect("webhooks:edit", pk=pk)


class DeliveryListView(WebhookPageMixin, ListView):
    template_name = "integrations/webhooks/deliveries.html"
    context_object_name = "deliveries"
    paginate_by = 50

    def get_queryset(self):
        self.endpoint = self.get_endpoint(self.kwargs["pk"])
        self.state = state_filter(self.request, WebhookDelivery.State.values)
        return webhook_deliveries_for_tenant(tenant=self.tenant, endpoint=self.endpoint, state=self.state)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(endpoint=self.endpoint, state=self.state, states=WebhookDelivery.State.choices)
        return ctx


class DeliveryReplayView(WebhookPageMixin, View):
    def post(self, request, pk):
        delivery = get_object_or_404(webhook_deliveries_for_tenant(tenant=self.tenant), pk=pk)
        try:
            webhooks.replay(delivery=delivery)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The event %(event)s is being sent again.") % {"event": delivery.event})
        return redirect("webhooks:deliveries", pk=delivery.endpoint_id)
