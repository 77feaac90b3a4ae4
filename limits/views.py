"""The insured's limit pages: thin, every rule is in limits.services."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView
from moneyed import Money

from accounts.mixins import TenantMemberRequiredMixin
from buyers.selectors import buyers_visible_to
from core.exceptions import DomainError
from core.forms import show_domain_error, state_filter
from core.sorting import SortColumns
from limits import services
from limits.forms import LimitEditForm, LimitRequestForm
from limits.models import CreditLimit
from limits.selectors import (
    cover_in_force,
    limit_actions,
    limit_with_history,
    limits_for_tenant,
    search_limits,
)

# The columns a credit manager sorts the limits by; newest first by default.
LIMIT_SORT = SortColumns({
    "reference": "reference", "buyer": "buyer__legal_name", "policy": "policy__number", "state": "state",
    "requested": "requested_amount", "in_force": "decided_amount", "expiry": "expiry_date",
}, default=["-created_at", "-pk"])


class LimitListView(TenantMemberRequiredMixin, ListView):
    template_name = "limits/limit_list.html"
    context_object_name = "limits"
    required_permission = "limits.view_creditlimit"
    paginate_by = 50

    def get_queryset(self):
        state = state_filter(self.request, CreditLimit.State.values)
        limits = search_limits(tenant=self.tenant, q=self.request.GET.get("q", ""), state=state)
        return LIMIT_SORT.apply(limits, self.request.GET.get("sort"))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["sort_headers"] = LIMIT_SORT.headers(self.request.GET.get("sort"))
        ctx["states"] = CreditLimit.State.choices
        ctx["state"] = self.request.GET.get("state", "")
        return ctx


class _LimitFormView(TenantMemberRequiredMixin, View):
    required_permission = "limits.request_limit"
    template_name = "limits/limit_request.html"
    discretionary = False

    def _buyer(self):
        buyer_id = self.request.GET.get("buyer") or self.request.POST.get("buyer")
        if buyer_id and str(buyer_id).isdigit():
            return buyers_visible_to(tenant=self.tenant).filter(pk=buyer_id).first()
        return None

    def _render(self, form, status=200):
        return render(
            self.request, self.template_name,
            {"form": form, "buyer": self._buyer(), "discretionary": self.discretionary}, status=status,
        )

    def get(self, request):
        buyer = self._buyer()
        return self._render(LimitRequestForm(tenant=self.tenant, initial={"buyer": buyer.pk if buyer else None}))

    def post(self, request):
        form = LimitRequestForm(request.POST, tenant=self.tenant)
        if not form.is_valid():
            return self._render(form, status=400)
        data = form.cleaned_data
        try:
            limit = self.create(data)
        except DomainError as exc:
            show_domain_error(form, exc)
            return self._render(form, status=400)
        return redirect("limits:detail", pk=limit.pk)


class LimitRequestView(_LimitFormView):
    def create(self, data):
        outcome = services.request_limit(
            tenant=self.tenant, requested_by=self.request.user, policy=data["policy"], buyer=data["buyer"],
            amount=Money(data["amount"], data["policy"].currency), terms_days=data["terms_days"],
            reference=data["reference"],
        )
        if outcome.decided:
            messages.success(self.request, _("Your request was decided at once."))
        else:
            messages.info(self.request, _("Your request was sent to an underwriter."))
        return outcome.limit


class DiscretionaryLimitView(_LimitFormView):
    discretionary = True

    def create(self, data):
        limit = services.set_discretionary_limit(
            tenant=self.tenant, set_by=self.request.user, policy=data["policy"], buyer=data["buyer"],
            amount=Money(data["amount"], data["policy"].currency), terms_days=data["terms_days"],
            reference=data["reference"],
        )
        messages.success(self.request, _("Discretionary limit set."))
        return limit


class LimitDetailView(TenantMemberRequiredMixin, View):
    required_permission = "limits.view_creditlimit"

    def get(self, request, pk):
        try:
            limit = limit_with_history(tenant=self.tenant, pk=pk)
        except CreditLimit.DoesNotExist as exc:
            raise Http404 from exc
        today = timezone.localdate()
        cover = cover_in_force(policy=limit.policy, buyer=limit.buyer, on=today)
        return render(request, "limits/limit_detail.html", {
            "limit": limit, "cover": cover, "today": today, "actions": limit_actions(limit=limit, user=request.user),
        })


class LimitEditView(TenantMemberRequiredMixin, View):
    required_permission = "limits.request_limit"

    def _limit(self, pk):
        return get_object_or_404(limits_for_tenant(tenant=self.tenant), pk=pk)

    def get(self, request, pk):
        limit = self._limit(pk)
        form = LimitEditForm(initial={"amount": limit.requested_amount, "terms_days": limit.requested_terms_days,
                                      "reference": limit.reference})
        return render(request, "limits/limit_edit.html", {"form": form, "limit": limit})

    def post(self, request, pk):
        limit = self._limit(pk)
        form = LimitEditForm(request.POST)
        if form.is_valid():
            try:
                services.edit_pending_request(
                    limit=limit, amount=Money(form.cleaned_data["amount"], limit.currency),
                    terms_days=form.cleaned_data["terms_days"], reference=form.cleaned_data["reference"],
                )
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                return redirect("limits:detail", pk=limit.pk)
        return render(request, "limits/limit_edit.html", {"form": form, "limit": limit}, status=400)


class LimitCancelView(TenantMemberRequiredMixin, View):
    required_permission = "limits.request_limit"

    def post(self, request, pk):
        limit = get_object_or_404(limits_for_tenant(tenant=self.tenant), pk=pk)
        try:
            services.cancel_request(limit=limit, cancelled_by=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Your request was cancelled."))
        return redirect("limits:detail", pk=limit.pk)
