from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import ApiToken, Membership, Tenant


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Tenant)
class TenantAdmin(SimpleHistoryAdmin):
    list_display = ("legal_name", "country", "registration_number", "contact_email", "is_active")
    list_filter = ("is_active", "country")
    search_fields = ("legal_name", "registration_number")
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ("user", "tenant", "created_at")
    search_fields = ("user__username", "tenant__legal_name")
    list_select_related = ("user", "tenant")
    autocomplete_fields = ("user", "tenant")


@admin.register(ApiToken)
class ApiTokenAdmin(SimpleHistoryAdmin):
    list_display = ("name", "tenant", "prefix", "created_at", "last_used_at", "revoked_at")
    list_select_related = ("tenant",)
    search_fields = ("name", "prefix", "tenant__legal_name")
    readonly_fields = ("prefix", "key_hash", "service_user", "created_by", "created_at", "last_used_at")

    def has_add_permission(self, request):
        return False  # tokens are created by tenant admins, who see the key once
