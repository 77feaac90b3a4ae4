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
