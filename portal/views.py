"""The per-policy statement pages: HTML and CSV, for the insured's users of that policy's tenant."""

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.mixins import TenantMemberRequiredMixin
from core.dates import BoundedDateFormField
from core.replica import reading_replica
from policies.selectors import policies_for_tenant
from portal.policy_statement import policy_statement, statement_csv


class PeriodForm(forms.Form):
    start = BoundedDateFormField(label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = BoundedDateFormField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The period must start before it ends."))
        return data


class _PolicyStatementMixin(TenantMemberRequiredMixin):
    required_permission = "policies.view_policy"

    # A report of a period, nothing on it is written from this page: read from the replica (core.replica).
    @reading_replica()
    def _statement(self, request, policy_pk):
        policy = policies_for_tenant(tenant=self.tenant).filter(pk=policy_pk).first()
        if policy is None:
            raise Http404
        form = PeriodForm(request.GET or None)
        start, end = policy.start_date, policy.end_date
        if form.is_bound and form.is_valid():
            start = form.cleaned_data["start"] or start
            end = form.cleaned_data["end"] or end
        statement = None if form.is_bound and not form.is_valid() else policy_statement(policy=policy, start=start,
                                                                                       end=end)
        return policy, form, statement


class PolicyStatementView(_PolicyStatementMixin, View):
    def get(self, request, policy_pk):
        policy, form, statement = self._statement(request, policy_pk)
        return render(request, "portal/policy_statement.html",
                      {"policy": policy, "form": form, "statement": statement, "query": request.GET.urlencode()},
                      status=200 if statement is not None else 400)


class PolicyStatementCsvView(_PolicyStatementMixin, View):
    def get(self, request, policy_pk):
        policy, form, statement = self._statement(request, policy_pk)
        if statement is None:
            return HttpResponse("; ".join(m for errors in form.errors.values() for m in errors), status=400,
                                content_type="text/plain; charset=utf-8")
        response = HttpResponse(statement_csv(statement), content_type="text/csv; charset=utf-8")
        name = f"statement-{policy.number}-{statement.start.isoformat()}-{statement.end.isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
