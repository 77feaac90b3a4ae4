"""Claims handlers' recovery screens: one page per claim with its ledger and the forms that feed it."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from moneyed import Money
from simple_history.admin import SimpleHistoryAdmin

from claims.claims.selectors import claims_for_insurer
from claims.overdues.selectors import overdues_for_insurer
from core.admin import ReadOnlyAdminMixin, money_column
from core.amounts import AmountFormField
from core.dates import BoundedDateFormField
from core.exceptions import DomainError
from core.forms import show_domain_error
from recoveries import services
from recoveries.ledger import build_ledger
from recoveries.models import CollectionCase, CollectionCost, Recovery, Settlement
from recoveries.selectors import collection_cases_of

_DATE = forms.DateInput(attrs={"type": "date"})


class RecoveryForm(forms.Form):
    amount = AmountFormField(label=gettext_lazy("Amount"))
    received_on = BoundedDateFormField(label=gettext_lazy("Received on"), widget=_DATE)
    source = forms.ChoiceField(label=gettext_lazy("Source"), choices=Recovery.Source.choices)
    note = forms.CharField(label=gettext_lazy("Note"), max_length=200, required=False)


class CostForm(forms.Form):
    amount = AmountFormField(label=gettext_lazy("Amount"))
    incurred_on = BoundedDateFormField(label=gettext_lazy("Incurred on"), widget=_DATE)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=CollectionCost.Kind.choices)
    note = forms.CharField(label=gettext_lazy("Note"), max_length=200, required=False)


class SettlementForm(forms.Form):
    amount = AmountFormField(label=gettext_lazy("Amount"))
    settled_on = BoundedDateFormField(label=gettext_lazy("Settled on"), widget=_DATE)
    to_insurer = forms.TypedChoiceField(
        label=gettext_lazy("Direction"), coerce=lambda v: v == "1",
        choices=[("1", gettext_lazy("The insured paid the insurer")), ("0", gettext_lazy("The insurer paid the insured"))],
    )
    reference = forms.CharField(label=gettext_lazy("Reference"), max_length=60, required=False)


class CollectionForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=CollectionCase.Status.choices)
    agency = forms.CharField(label=gettext_lazy("Collection agency or lawyer"), max_length=120, required=False)
    note = forms.CharField(label=gettext_lazy("Note"), max_length=300, required=False)


FORMS = {"recovery": RecoveryForm, "cost": CostForm, "settlement": SettlementForm, "collection": CollectionForm}


class _ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Recorded on the claim's recovery page, through the services.
    list_select_related = ("claim", "tenant")

    @admin.display(description=gettext_lazy("Claim"))
    def claim_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:recoveries_claim", args=[obj.claim_id]), obj.claim)


@admin.register(Recovery)
class RecoveryAdmin(_ReadOnlyAdmin):
    list_display = ("received_on", "claim_link", "tenant", "source", "phase", money_column(Recovery, "amount"))
    list_filter = ("source", "phase", "currency")

    def get_urls(self):
        return [path("claim/<int:claim_pk>/", self.admin_site.admin_view(self.claim_view), name="recoveries_claim"),
                *super().get_urls()]

    def claim_view(self, request, claim_pk):
        if not request.user.has_perm("recoveries.view_recovery"):
            raise PermissionDenied
        claim = get_object_or_404(claims_for_insurer().select_related("tenant", "policy", "buyer", "overdue"),
                                  pk=claim_pk)
        kind = request.POST.get("form") if request.method == "POST" else None
        bound = {name: cls(request.POST if kind == name else None, prefix=name) for name, cls in FORMS.items()}
        if kind in FORMS:
            perm = "recoveries.manage_collection" if kind == "collection" else "recoveries.record_recovery"
            if not request.user.has_perm(perm):
                raise PermissionDenied
            form = bound[kind]
            if form.is_valid():
                try:
                    self._record(request, claim, kind, form.cleaned_data)
                except DomainError as exc:
                    show_domain_error(form, exc)
                else:
                    messages.success(request, _("Recorded."))
                    return redirect("admin:recoveries_claim", claim.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Recoveries on claim %(ref)s") % {"ref": claim},
            "opts": self.model._meta,
            "claim": claim,
            "ledger": build_ledger(claim=claim),
            "forms": bound,
            "case": collection_cases_of(claim).first(),
        }
        return TemplateResponse(request, "admin/recoveries/claim.html", context)

    def _record(self, request, claim, kind, data):
        user = request.user
        amount = Money(data["amount"], claim.currency) if "amount" in data else None
        if kind == "recovery":
            services.record_recovery(claim=claim, amount=amount, received_on=data["received_on"],
                                     source=data["source"], recorded_by=user, note=data["note"])
        elif kind == "cost":
            services.record_collection_cost(claim=claim, amount=amount, incurred_on=data["incurred_on"],
                                            kind=data["kind"], recorded_by=user, note=data["note"])
        elif kind == "settlement":
            services.record_settlement(claim=claim, amount=amount, settled_on=data["settled_on"],
                                       to_insurer=data["to_insurer"], recorded_by=user, reference=data["reference"])
        else:
            services.set_collection_status(claim=claim, status=data["status"], note=data["note"],
                                           agency=data["agency"], updated_by=user)


@admin.register(CollectionCost)
class CollectionCostAdmin(_ReadOnlyAdmin):
    list_display = ("incurred_on", "claim_link", "tenant", "kind", money_column(CollectionCost, "amount"))
    list_filter = ("kind",)


@admin.register(Settlement)
class SettlementAdmin(_ReadOnlyAdmin):
    list_display = ("settled_on", "claim_link", "tenant", "to_insurer", money_column(Settlement, "amount"), "reference")


class OpenCollectionForm(forms.Form):
    overdue = forms.IntegerField(label=gettext_lazy("Overdue number"), min_value=1)
    agency = forms.CharField(label=gettext_lazy("Collection agency or lawyer"), max_length=120, required=False)
    note = forms.CharField(label=gettext_lazy("Note"), max_length=300, required=False)


@admin.register(CollectionCase)
class CollectionCaseAdmin(SimpleHistoryAdmin):
    list_display = ("overdue", "claim", "tenant", "agency", "status", "opened_on", "closed_on")
    list_filter = ("status",)
    list_select_related = ("overdue", "claim", "tenant")
    readonly_fields = [f.name for f in CollectionCase._meta.fields if f.name != "id"]

    def has_add_permission(self, request):
        return False  # opened through `open_view`, which goes through the service

    def get_urls(self):
        return [path("open/", self.admin_site.admin_view(self.open_view), name="recoveries_collection_open"),
                *super().get_urls()]

    def open_view(self, request):
        """Hand a notified overdue to collection, with or without a claim yet."""
        if not request.user.has_perm("recoveries.manage_collection"):
            raise PermissionDenied
        form = OpenCollectionForm(request.POST or None, initial={"overdue": request.GET.get("overdue")})
        if request.method == "POST" and form.is_valid():
            overdue = overdues_for_insurer().filter(pk=form.cleaned_data["overdue"]).first()
            try:
                if overdue is None:
                    raise DomainError(_("No notified overdue has this number."), field="overdue")
                services.open_collection_case(overdue=overdue, agency=form.cleaned_data["agency"],
                                              opened_by=request.user, note=form.cleaned_data["note"])
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                messages.success(request, _("Handed to collection; the insured sees its status."))
                return redirect("admin:recoveries_collectioncase_changelist")
        context = {**self.admin_site.each_context(request), "title": _("Hand a debt to collection"),
                   "opts": self.model._meta, "form": form}
        return TemplateResponse(request, "admin/recoveries/collection_open.html", context)

    def has_delete_permission(self, request, obj=None):
        return False
