"""The risk check page: a GET form (it writes nothing), the report under it."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views import View
from moneyed import Money

from accounts.mixins import TenantMemberRequiredMixin
from buyers.selectors import buyers_visible_to
from core.exceptions import DomainError
from core.forms import show_domain_error
from limits.models import ReasonCode
from limits.risk_check.forms import RiskCheckForm
from limits.risk_check.service import risk_check
from limits.services.validation import exclusion_message

# The scorecard's words for an automatic outcome, as the insured reads them.
OUTCOME_LABELS = {"approved": gettext_lazy("approved"), "partial": gettext_lazy("approved in part"),
                  "conditional": gettext_lazy("approved with conditions"), "refused": gettext_lazy("refused")}


class RiskCheckView(TenantMemberRequiredMixin, View):
    required_permission = "limits.view_creditlimit"

    def get(self, request):
        bound = "amount" in request.GET
        form = RiskCheckForm(request.GET if bound else None, tenant=self.tenant,
                             initial={"buyer": request.GET.get("buyer")} if not bound else None)
        report = None
        if bound and form.is_valid():
            data = form.cleaned_data
            policy = data["policy"]
            try:
                report = risk_check(
                    tenant=self.tenant, policy=policy, country=data.get("country") or "",
                    sector_nace=data.get("sector_nace") or "", buyer=data.get("buyer"),
                    amount=Money(data["amount"], (data.get("currency") or policy.currency).upper()),
                    terms_days=data["terms_days"], today=timezone.localdate())
            except DomainError as error:
                show_domain_error(form, error)
        buyer_id = request.GET.get("buyer", "")
        chosen = (buyers_visible_to(tenant=self.tenant).filter(pk=int(buyer_id)).first()
                  if buyer_id.isdigit() else None)
        return render(request, "limits/risk_check.html", {"chosen_buyer": chosen,
            "form": form, "report": report, "reasons": reason_labels(report.reason_codes) if report else [],
            "outcome": OUTCOME_LABELS.get(report.outcome, "") if report else "",
            "exclusion": exclusion_message(report.buyer_exclusion, buyer=report.buyer, policy=report.policy)
            if report and report.buyer_exclusion else ""})


def reason_labels(codes) -> list[str]:
    return [str(ReasonCode(code).label) for code in codes if code in ReasonCode.values]
