"""The per-policy statement pages: HTML and CSV, for the insured's users of that policy's tenant."""

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.mixins import TenantMemberRequiredMixin
from core.dates import BoundedDateFormField
from core.formatting import format_date
from core.replica import reading_replica
from policies.periods.selectors import current_period, periods_in_order
from policies.selectors import policies_for_tenant
from portal.policy_statement import policy_statement, statement_csv


class PeriodForm(forms.Form):
    period = forms.TypedChoiceField(label=gettext_lazy("Insurance period"), required=False, coerce=int,
                                    empty_value=None)
    start = BoundedDateFormField(label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = BoundedDateFormField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = {p.number: p for p in periods}
        self.fields["period"].choices = [
            (p.number, _("Period %(number)d: %(start)s to %(end)s")
             % {"number": p.number, "start": format_date(p.start), "end": format_date(p.end)}) for p in periods]

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
        # The current insurance period unless the insured picks another one, or dates of its own.
        form = PeriodForm(request.GET or None, periods=periods_in_order(policy))
        if form.is_bound and not form.is_valid():
            return policy, form, None
        data = form.cleaned_data if form.is_bound else {}
        period = form.periods.get(data.get("period")) or current_period(policy, today=timezone.localdate())
        start, end = data.get("start") or period.start, data.get("end") or period.end
        number = period.number if (start, end) == (period.start, period.end) else None
        if not form.is_bound:
            form = PeriodForm(initial={"period": period.number}, periods=form.periods.values())
        return policy, form, policy_statement(policy=policy, start=start, end=end, period_number=number)


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
