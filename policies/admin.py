from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from policies import services
from policies.models import Policy


@admin.register(Policy)
class PolicyAdmin(SimpleHistoryAdmin):
    list_display = ("number", "tenant", "status", "start_date", "end_date", "currency", "percentage_of_cover_commercial")
    list_filter = ("status", "currency", "recovery_sharing")
    search_fields = ("number", "tenant__legal_name")
    list_select_related = ("tenant",)
    autocomplete_fields = ("tenant",)
    date_hierarchy = "start_date"
    fieldsets = (
        (None, {"fields": ("tenant", "number", "status", ("start_date", "end_date"), "currency")}),
        ("Cover", {"fields": ("percentage_of_cover_commercial", "percentage_of_cover_political", "excluded_countries")}),
        (
            "Discretionary limits",
            {"fields": ("discretionary_limit_max_amount", "discretionary_percentage_of_cover", "discretionary_max_buyer_grade")},
        ),
        (
            "Credit periods and deadlines (days)",
            {
                "fields": (
                    "max_credit_period_days",
                    "max_extension_days",
                    "overdue_notification_days",
                    "notification_deadline_from",
                    "waiting_period_days",
                    "claim_filing_days",
                    "claim_payment_days",
                    "reduction_notice_days",
                )
            },
        ),
        (
            "Indemnity, premium and recoveries",
            {
                "fields": (
                    "non_qualifying_loss_amount",
                    "max_liability_multiple",
                    "premium_rate_percent",
                    "minimum_premium_amount",
                    "recovery_sharing",
                )
            },
        ),
    )

    def save_model(self, request, obj, form, change):
        services.save_policy(policy=obj)


from policies.premium import admin as premium_admin  # noqa: E402,F401  (its screens register themselves)
