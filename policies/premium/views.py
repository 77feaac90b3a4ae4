"""Finance's premium pages: the premium position of a policy, declaring a period, a CSV upload.

Thin: rules in policies.premium.services and policies.premium.turnover_csv, reads in policies.premium.selectors.
"""

from datetime import date

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import TenantMemberRequiredMixin
from core.exceptions import DomainError
from core.forms import show_domain_error
from policies.premium import services as services_premium
from policies.premium import turnover_csv as csv_premium
from policies.premium.charts import premium_by_period_chart
from policies.premium.forms import DeclarationPeriodForm, TurnoverCsvForm, TurnoverFormSet
from policies.premium.selectors import (
    declarations_for_tenant,
    periods_of,
    premium_position,
    premium_statement,
)
from policies.selectors import policies_for_tenant

VIEW_PERMISSION = "policies.view_turnoverdeclaration"
DECLARE_PERMISSION = "policies.declare_turnover"
INVOICE_PERMISSION = "policies.view_premiuminvoice"


class _PolicyMixin:
    def get_policy(self):
        # Another tenant's policy is "not found", never "forbidden".
        return get_object_or_404(policies_for_tenant(tenant=self.tenant), pk=self.kwargs["pk"])


class PremiumView(_PolicyMixin, TenantMemberRequiredMixin, View):
    required_permission = VIEW_PERMISSION
    template_name = "policies/premium_position.html"

    def get(self, request, pk):
        policy = self.get_policy()
        position = premium_position(policy=policy, today=timezone.localdate())
        can_see_invoices = request.user.has_perm(INVOICE_PERMISSION)
        return render(request, self.template_name, {
            "policy": policy, "position": position, "chart": premium_by_period_chart(position),
            "can_declare": request.user.has_perm(DECLARE_PERMISSION),
            "statement": premium_statement(policy=policy) if can_see_invoices else None,
        })


class DeclareTurnoverView(_PolicyMixin, TenantMemberRequiredMixin, View):
    required_permission = DECLARE_PERMISSION
    template_name = "policies/premium_declare.html"

    def _render(self, policy, form, rows, status=200):
        return render(self.request, self.template_name, {"policy": policy, "form": form, "rows": rows},
                      status=status)

    def get(self, request, pk):
        policy = self.get_policy()
        periods = periods_of(policy)
        chosen = _period_param(request.GET.get("period"))
        initial_rows = []
        if chosen:
            # Correcting a period: its current declarations fill the rows.
            initial_rows = [
                {"country": d.country.code, "turnover": d.turnover}
                for d in declarations_for_tenant(tenant=self.tenant, policy=policy).filter(period_start=chosen)
            ]
        form = DeclarationPeriodForm(periods=periods, initial={"period_start": chosen.isoformat() if chosen else None})
        return self._render(policy, form, TurnoverFormSet(prefix="rows", initial=initial_rows))

    def post(self, request, pk):
        policy = self.get_policy()
        form = DeclarationPeriodForm(request.POST, periods=periods_of(policy))
        rows = TurnoverFormSet(request.POST, prefix="rows")
        if not (form.is_valid() and rows.is_valid()):
            return self._render(policy, form, rows, status=400)
        try:
            declarations = services_premium.declare_period(
                tenant=self.tenant, declared_by=request.user, policy=policy,
                period_start=form.cleaned_data["period_start"], rows=rows.rows(),
            )
        except DomainError as exc:
            show_domain_error(form, exc)
            return self._render(policy, form, rows, status=400)
        messages.success(request, _("Turnover declared for %(n)d country(ies).") % {"n": len(declarations)})
        return redirect("policies:premium", pk=policy.pk)


def _period_param(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class TurnoverCsvImportView(_PolicyMixin, TenantMemberRequiredMixin, View):
    required_permission = DECLARE_PERMISSION
    template_name = "policies/premium_csv.html"

    def _render(self, policy, form, result=None, status=200):
        return render(self.request, self.template_name, {
            "policy": policy, "form": form, "result": result, "columns": csv_premium.KNOWN_COLUMNS,
            "max_rows": csv_premium.MAX_ROWS,
        }, status=status)

    def get(self, request, pk):
        return self._render(self.get_policy(), TurnoverCsvForm())

    def post(self, request, pk):
        policy = self.get_policy()
        form = TurnoverCsvForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render(policy, form, status=400)
        result = csv_premium.import_turnover_csv(tenant=self.tenant, declared_by=request.user, policy=policy,
                                                 file=form.cleaned_data["file"])
        if result.errors:
            return self._render(policy, TurnoverCsvForm(), result, status=400)
        messages.success(request, _("Turnover imported: %(created)d new line(s), %(corrected)d correction(s).")
                         % {"created": result.created, "corrected": result.corrected})
        return redirect("policies:premium", pk=policy.pk)
