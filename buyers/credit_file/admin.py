"""The insurer's credit file on the buyer's admin page: every insured's limits, overdues and claims, and the
payment experience in full (buyers.credit_file.selectors.insurer_credit_file)."""

from django.contrib import admin
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy

from buyers.credit_file.models import PaymentExperience
from buyers.credit_file.selectors import insurer_credit_file
from core.admin import ReadOnlyAdminMixin


def credit_file_html(buyer) -> str:
    if buyer is None or buyer.pk is None:
        return ""
    return render_to_string("buyers/admin_credit_file.html", {"file": insurer_credit_file(buyer_id=buyer.pk)})


@admin.register(PaymentExperience)
class PaymentExperienceAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Written by the nightly job only: read here."""

    list_display = ("buyer", "days_beyond_terms_avg", "paid_late", "paid_invoices", "recent_days_avg",
                    "previous_days_avg", "reporting_insureds", "computed_on")
    list_select_related = ("buyer",)
    search_fields = ("buyer__legal_name",)
    ordering = ("-days_beyond_terms_avg", "buyer_id")
    verbose_name = gettext_lazy("payment experience")
