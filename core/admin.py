from django.contrib import admin

from core.models import ExchangeRate, IdempotencyKey, Notification, OutboxMessage


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
    search_fields = ("subject", "dedup_key")


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
