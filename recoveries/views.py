"""The insured's recovery pages (Finance): thin, every rule is in recoveries.services and recoveries.ledger."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView
from moneyed import Money

from accounts.mixins import TenantMemberRequiredMixin
from claims.claims.models import Claim
from core.exceptions import DomainError
from core.forms import show_domain_error
from core.money import quantize_money
from core.replica import reading_replica
from recoveries import services
from recoveries.forms import DirectReceiptForm
from recoveries.selectors import claims_with_recoveries, collection_cases_for_tenant, ledger_for, summarize
from recoveries.statement import ledger_csv, ledger_totals

VIEW = "claims.view_claim"
DECLARE = "recoveries.declare_direct_receipt"

# Labels of the statement's totals, in reading order (keys of recoveries.statement.ledger_totals).
TOTAL_LABELS = {
    "indemnity_paid": gettext_lazy("Indemnity paid by the insurer"),
    "recovered_before_payment": gettext_lazy("Recovered before payment (reduced the loss)"),
    "recovered_by_insurer": gettext_lazy("Recovered by the insurer"),
    "received_by_insured": gettext_lazy("Received directly by you"),
    "collection_costs": gettext_lazy("Collection costs"),
    "net_recovery": gettext_lazy("Net recovery to share"),
    "insurer_share": gettext_lazy("Insurer's share (kept by the insurer)"),
    "insured_share": gettext_lazy("Your share (what you get back)"),
    "insurer_net_cost": gettext_lazy("Net cost of the claim to the insurer"),
    "settled_to_insurer": gettext_lazy("Already paid by you to the insurer"),
    "settled_to_insured": gettext_lazy("Already paid by the insurer to you"),
}
HELD_BY = {"insurer": gettext_lazy("Insurer"), "insured": gettext_lazy("You")}


def _q(value: Money) -> Money:
    """Shown to the currency's minor unit: a zero total reads 0.00, not 0."""
    return quantize_money(value)


def _line_label(line) -> str:
    if line.kind == "settlement":
        return _("Paid by you to the insurer") if line.held_by == "insurer" else _("Paid by the insurer to you")
    return line.label


def _statement_context(statement, form=None, user=None) -> dict:
    ledger = statement.ledger
    lines = [{
        "on": line.on, "kind": line.kind, "label": _line_label(line), "amount": _q(line.amount),
        "held_by": HELD_BY[line.held_by], "reduced_loss": line.kind == "recovery" and not line.shared,
        "insurer_share": _q(line.insurer_share) if line.insurer_share is not None else None,
        "insured_share": _q(line.insured_share) if line.insured_share is not None else None,
    } for line in ledger.lines]
    totals = [
        {"label": TOTAL_LABELS[code], "amount": _q(amount)}
        for code, amount in ledger_totals(ledger) if code in TOTAL_LABELS
    ]
    can_declare = bool(user and user.has_perm(DECLARE)) and services.recovery_phase(statement.claim) is not None
    if can_declare and form is None:
        form = DirectReceiptForm(initial={"received_on": timezone.localdate()})
    return {
        "claim": statement.claim, "ledger": ledger, "lines": lines, "totals": totals,
        "insured_owes_insurer": _q(ledger.insured_owes_insurer), "insurer_owes_insured": _q(ledger.insurer_owes_insured),
        "collection_cases": statement.collection_cases, "form": form if can_declare else None,
    }


class RecoveryListView(TenantMemberRequiredMixin, ListView):
    """The tenant's claims with recoveries: totals per claim from annotations, no query per row."""

    template_name = "recoveries/recovery_list.html"
    context_object_name = "claims"
    required_permission = VIEW
    paginate_by = 50

    def get_queryset(self):
        return claims_with_recoveries(tenant=self.tenant)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["rows"] = [_summary_row(summarize(claim)) for claim in ctx["claims"]]
        # Debts handed to collection, with or without a claim yet: the insured follows them here.
        ctx["collection_cases"] = collection_cases_for_tenant(tenant=self.tenant)[:100]
        return ctx


def _summary_row(summary) -> dict:
    return {
        "claim": summary.claim, "indemnity_paid": _q(summary.indemnity_paid), "recovered": _q(summary.recovered),
        "recovered_before_payment": _q(summary.recovered_before_payment),
        "insurer_share": _q(summary.split.insurer), "insured_share": _q(summary.split.insured),
        "insured_owes_insurer": _q(summary.insured_owes_insurer),
        "insurer_owes_insured": _q(summary.insurer_owes_insured),
        "collection_status": summary.collection_status, "collection_status_display": summary.collection_status_display,
    }


class _StatementMixin(TenantMemberRequiredMixin):
    required_permission = VIEW

    def _statement(self, claim_pk):
        try:
            return ledger_for(tenant=self.tenant, claim_id=claim_pk)
        except Claim.DoesNotExist as exc:
            raise Http404 from exc


class RecourseStatementView(_StatementMixin, View):
    template_name = "recoveries/statement.html"

    def get(self, request, claim_pk):
        statement = self._statement(claim_pk)
        return render(request, self.template_name, _statement_context(statement, user=request.user))

    def post(self, request, claim_pk):
        statement = self._statement(claim_pk)
        if not request.user.has_perm(DECLARE):
            raise PermissionDenied
        claim = statement.claim
        form = DirectReceiptForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.declare_direct_receipt(
                    tenant=self.tenant, claim=claim, amount=Money(data["amount"], claim.currency),
                    received_on=data["received_on"], declared_by=request.user, note=data["note"],
                )
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                messages.success(request, _("Thank you: the money you received is now on the statement."))
                return redirect("recoveries:statement", claim_pk=claim.pk)
        ctx = _statement_context(self._statement(claim_pk), form=form, user=request.user)
        return render(request, self.template_name, ctx, status=400)


class StatementCsvView(_StatementMixin, View):
    # The download reads the replica (core.replica); the statement page does not: it shows a receipt just declared.
    @reading_replica()
    def get(self, request, claim_pk):
        statement = self._statement(claim_pk)
        response = HttpResponse(ledger_csv(statement.ledger), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="recovery-statement-claim-{statement.claim.pk}.csv"'
        return response
