from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from core.exceptions import DomainError
from core.formatting import format_money
from core.models import (
    ExchangeRate,
    IdempotencyKey,
    Notification,
    OutboxMessage,
    WebhookDelivery,
    WebhookEndpoint,
)


def money_column(model, field: str, *, currency_field: str = "currency"):
    """A list column showing a Decimal `field` as money in the row's currency, the reader's way (core.formatting)
    instead of the bare decimal ("45000,00" in Spanish); sortable by the field."""

    @admin.display(description=model._meta.get_field(field).verbose_name, ordering=field)
    def column(obj):
        return format_money(getattr(obj, field), currency=getattr(obj, currency_field))

    column.__name__ = f"{field}_money"
    return column


class RefusalShownAdminMixin:
    """An edit screen whose save calls a service: a refusal the form could not foresee (a row changed
    meanwhile, a race lost) is rolled back by the service and shown as a message on the same screen, not a 500.
    The form checks the same rules first, so this is the exception, not the way errors are shown."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DomainError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class ReadOnlyAdminMixin:
    """A screen (model admin or inline) that only reads: its rows are written by the services or the insured."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ("id", "task_name", "created_at", "dispatched_at", "processed_at", "attempts")
    list_filter = ("task_name", ("processed_at", admin.EmptyFieldListFilter))
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("subject", "tenant", "event", "recipient", "role", "created_at", "emailed_at")
    list_filter = ("event",)
    list_select_related = ("tenant", "recipient")
    search_fields = ("event", "dedup_key")


@admin.register(IdempotencyKey)
class IdempotencyKeyAdmin(admin.ModelAdmin):
    list_display = ("key", "tenant", "method", "path", "response_status", "created_at")
    list_select_related = ("tenant",)
    readonly_fields = [f.name for f in IdempotencyKey._meta.fields]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ("valid_on", "base_currency", "quote_currency", "rate")
    list_filter = ("base_currency", "quote_currency")
    date_hierarchy = "valid_on"


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(SimpleHistoryAdmin):
    list_display = ("url", "tenant", "is_active", "created_at")
    list_filter = ("is_active",)
    list_select_related = ("tenant",)
    search_fields = ("url", "description")
    readonly_fields = ("created_by", "created_at")


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: deliveries are a log written by the sender; the tenant replays from its pages."""

    list_display = ("event", "endpoint", "tenant", "state", "attempts", "last_status_code", "created_at", "delivered_at")
    list_filter = ("state", "event")
    list_select_related = ("endpoint", "tenant")
    search_fields = ("uuid", "event_id", "endpoint__url")
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]
