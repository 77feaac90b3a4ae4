"""Underwriters' screens on overdues: invoices read-only, waivers, extension consents, reinstatement.

Every action calls claims.overdues.services and reports each refusal as a message, never a 500.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from claims.overdues import services
from claims.overdues.models import Invoice, Overdue
from claims.overdues.selectors import invoices_for_insurer, overdues_for_insurer
from core.exceptions import DomainError

INVOICE_FIELDS = ("number", "invoice_date", "shipment_date", "due_date", "extended_due_date", "extension_consented",
                  "amount", "outstanding", "currency", "notified_late", "lateness_waived", "lateness_waived_by")


def _run(modeladmin, request, objects, act, done_message):
    """Apply `act` to each object; one message for the successes, one per refusal."""
    done = 0
    for obj in objects:
        try:
            act(obj)
        except DomainError as exc:
            modeladmin.message_user(request, f"{obj}: {exc.message}", messages.ERROR)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, done_message % {"n": done}, messages.SUCCESS)


class InvoiceInline(admin.TabularInline):
    model = Invoice
    extra = 0
    can_delete = False
    fields = INVOICE_FIELDS
    readonly_fields = INVOICE_FIELDS  # amounts are the insured's notification: never edited here
    ordering = ("due_date", "shipment_date", "pk")
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Overdue)
class OverdueAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "tenant", "buyer", "policy", "state", "notified_on", "cleared_on")
    list_filter = ("state", "notified_on")
    list_select_related = ("tenant", "buyer", "policy")
    search_fields = ("reference", "buyer__legal_name", "tenant__legal_name", "policy__number")
    readonly_fields = [f.name for f in Overdue._meta.fields]
    inlines = [InvoiceInline]
    actions = ["reinstate_cover"]
    ordering = ("-notified_on", "-pk")

    def has_add_permission(self, request):
        return False  # the insured notifies overdues

    def get_queryset(self, request):
        # A draft is the insured's own watch list: the insurer learns of it when it is notified.
        return super().get_queryset(request).filter(pk__in=overdues_for_insurer().values("pk"))

    def has_delete_permission(self, request, obj=None):
        return False

    def has_reinstate_permission(self, request):
        # Reinstating cover lifts the limits' cover stop.
        return request.user.has_perm("limits.change_coverstop")

    @admin.action(description=gettext_lazy("Reinstate cover (cleared overdues)"), permissions=["reinstate"])
    def reinstate_cover(self, request, queryset):
        _run(self, request, queryset, lambda overdue: services.reinstate_cover(overdue=overdue, reinstated_by=request.user),
             _("Cover reinstated on %(n)d overdue(s)."))


@admin.register(Invoice)
class InvoiceAdmin(SimpleHistoryAdmin):
    list_display = ("number", "overdue", "tenant", "due_date", "extended_due_date", "extension_consented",
                    "outstanding", "currency", "notified_late", "lateness_waived")
    list_filter = ("notified_late", "lateness_waived", "extension_consented")
    list_select_related = ("overdue", "tenant")
    search_fields = ("number", "overdue__reference", "overdue__buyer__legal_name", "tenant__legal_name")
    readonly_fields = [f.name for f in Invoice._meta.fields]
    actions = ["waive_lateness", "consent_extension"]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(pk__in=invoices_for_insurer().values("pk"))

    def has_delete_permission(self, request, obj=None):
        return False

    def has_waive_lateness_permission(self, request):
        return request.user.has_perm("claims.waive_lateness")

    def has_consent_extension_permission(self, request):
        # Consenting moves the overdue's deadlines: an underwriter's change to the overdue.
        return request.user.has_perm("claims.change_overdue")

    @admin.action(description=gettext_lazy("Waive the late notification"), permissions=["waive_lateness"])
    def waive_lateness(self, request, queryset):
        _run(self, request, queryset, lambda invoice: services.waive_lateness(invoice=invoice, waived_by=request.user),
             _("Lateness waived on %(n)d invoice(s)."))

    @admin.action(description=gettext_lazy("Consent to the due-date extension"), permissions=["consent_extension"])
    def consent_extension(self, request, queryset):
        _run(self, request, queryset,
             lambda invoice: services.consent_extension(invoice=invoice, consented_by=request.user),
             _("Extension consented on %(n)d invoice(s)."))
