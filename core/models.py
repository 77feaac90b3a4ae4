from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.tenancy import TenantOwned


class IdempotencyKey(TenantOwned):
    """The first response to a POST carrying an `Idempotency-Key` header.

    Stored in the same transaction as the objects the POST created, so a
    repeated key either finds this row (and replays it) or the whole first
    request rolled back.
    """

    key = models.CharField(max_length=255)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)
    request_fingerprint = models.CharField(max_length=64)
    response_status = models.PositiveSmallIntegerField()
    response_body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "key"], name="idempotency_key_unique_per_tenant")]

    def __str__(self):
        return f"{self.method} {self.path} [{self.key}]"


class OutboxMessage(models.Model):
    """Work for Celery, recorded in the transaction of the change that causes it.

    Dispatched on commit; if the broker is down the row stays pending and the
    beat job `dispatch_pending_outbox` sends it again. Handlers are idempotent
    and mark the row processed, so a message delivered twice acts once.
    """

    task_name = models.CharField(max_length=200)
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["processed_at", "created_at"], name="outbox_pending_idx")]

    def __str__(self):
        return f"{self.task_name} #{self.pk}"


class Notification(TenantOwned):
    """An in-app notice to a tenant's users (optionally one user), also e-mailed."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    # Role group name that should receive it when no single recipient is set.
    role = models.CharField(max_length=50, blank=True)
    event = models.CharField(max_length=80)
    # Makes notifying idempotent: the same event on the same object notifies once.
    dedup_key = models.CharField(max_length=200)
    subject = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    link = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "dedup_key"], name="notification_once_per_event"),
        ]
        verbose_name = _("notification")

    def __str__(self):
        return self.subject


class ExchangeRate(models.Model):
    """Units of `quote_currency` per one unit of `base_currency`, valid from `valid_on`.

    Loaded by `manage.py load_exchange_rates FILE.csv` or edited in the admin;
    conversions use the latest rate on or before the date asked.
    """

    base_currency = models.CharField(max_length=3)
    quote_currency = models.CharField(max_length=3)
    valid_on = models.DateField()
    rate = models.DecimalField(max_digits=20, decimal_places=10)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-valid_on", "base_currency", "quote_currency"]
        constraints = [
            models.UniqueConstraint(fields=["base_currency", "quote_currency", "valid_on"], name="exchange_rate_unique_per_day"),
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="exchange_rate_positive"),
            models.CheckConstraint(
                condition=~models.Q(base_currency=models.F("quote_currency")), name="exchange_rate_two_currencies"
            ),
        ]

    def __str__(self):
        return f"1 {self.base_currency} = {self.rate} {self.quote_currency} ({self.valid_on})"
