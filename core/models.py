import base64
import ipaddress
import secrets
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.tenancy import TenantOwned


class IdempotencyKey(TenantOwned):
    """A POST's `Idempotency-Key`: claimed (committed, no response yet) when the first request starts, its
    response stored in the same transaction as the objects the POST created (core.api.idempotency)."""

    # Null: a key of the insurer API's writes that belong to no insured (the buyer registry, the automatic-decision
    # matrix), unique among themselves (the partial constraint below; NULLs never clash in the per-tenant one).
    tenant = models.ForeignKey("accounts.Tenant", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    key = models.CharField(max_length=255)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)
    request_fingerprint = models.CharField(max_length=64)
    # Both empty while the first request still runs (a second one gets 409), both set once it succeeded.
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "key"], name="idempotency_key_unique_per_tenant"),
            models.UniqueConstraint(fields=["key"], condition=models.Q(tenant__isnull=True),
                                    name="idempotency_key_unique_insurer_wide"),
            models.CheckConstraint(
                condition=models.Q(response_status__isnull=True, response_body__isnull=True)
                | models.Q(response_status__isnull=False, response_body__isnull=False),
                name="idempotency_key_response_whole_or_none",
            ),
        ]
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")

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
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")

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
    # The subject's message code and parameters, and the body as [code, parameters] lines: the text is rendered
    # in the reader's language when read (core.notifications), never stored.
    code = models.CharField(max_length=80)
    params = models.JSONField(default=dict, blank=True)
    lines = models.JSONField(default=list, blank=True)
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
        verbose_name_plural = _("notifications")

    def __str__(self):
        return self.subject

    @property
    def subject(self) -> str:
        """The subject in the active language."""
        from core.messages import render_message

        return render_message(self.code, self.params)

    @property
    def body(self) -> str:
        """The body's lines in the active language, one per line."""
        from core.messages import render_message

        return "\n".join(render_message(code, params) for code, params in self.lines)


class NotificationRead(TenantOwned):
    """One user has read one notification. Per user: a notification addressed to a role or to everyone is read
    by each of its readers in turn, so one user's reading it must not mark it read for the others."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["notification", "user"], name="notification_read_once_per_user"),
        ]
        verbose_name = _("notification read")
        verbose_name_plural = _("notifications read")

    def __str__(self):
        return f"{self.notification_id} read by {self.user_id}"


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
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")

    def __str__(self):
        return f"1 {self.base_currency} = {self.rate} {self.quote_currency} ({self.valid_on})"


# --- Outgoing webhooks -------------------------------------------------------

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def insecure_loopback_allowed() -> bool:
    """Plain http:// to this machine is for development and tests, never production."""
    return bool(settings.DEBUG or getattr(settings, "WEBHOOKS_ALLOW_INSECURE_LOOPBACK", False))


def validate_webhook_url(value: str) -> None:
    """Only public https:// receivers: the payload is business data and the request
    leaves from inside the insurer's network, so a private address would let a
    tenant make Kredo call internal services (server-side request forgery).
    """
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    if parts.username or parts.password:
        raise ValidationError(
            _("Do not put credentials in the URL; check the webhook-signature header instead."), code="credentials"
        )
    if host in LOOPBACK_HOSTS:
        if not insecure_loopback_allowed():
            raise ValidationError(_("Local addresses are allowed in development only."), code="loopback")
        if parts.scheme not in ("http", "https"):
            raise ValidationError(_("The URL must start with https://."), code="scheme")
        return
    if parts.scheme != "https":
        raise ValidationError(_("The URL must start with https://."), code="scheme")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return  # a host name: its addresses are checked again when sending
    if not address.is_global:
        raise ValidationError(_("The URL must point to a public address."), code="private_address")


WEBHOOK_SECRET_PREFIX = "whsec_"


def new_webhook_secret() -> str:
    """A Standard Webhooks secret: whsec_ and the base64 of 32 random key bytes."""
    return WEBHOOK_SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


class WebhookEndpoint(TenantOwned):
    """A tenant's HTTPS receiver and the events it subscribed to.

    The secret is kept in clear because every delivery is signed with it
    (HMAC); it never leaves Kredo except to the tenant admin.
    """

    url = models.URLField(_("URL"), max_length=500, validators=[validate_webhook_url])
    description = models.CharField(_("description"), max_length=200, blank=True)
    # Event names from core.webhooks.EVENTS; a list, filtered in Python because
    # SQLite has no JSON "contains" lookup and a tenant has a handful of endpoints.
    events = models.JSONField(_("events"), default=list)
    secret = models.CharField(_("signing secret"), max_length=100, default=new_webhook_secret, editable=False)
    # During a rotation deliveries are signed with both secrets, until the receiver has the new one.
    previous_secret = models.CharField(max_length=100, blank=True, editable=False)
    previous_secret_until = models.DateTimeField(null=True, blank=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    # An endpoint that receives only what an app addresses to it (webhooks.emit_to), never the tenant's
    # subscriptions: a financing bank's receiver gets the events on what it finances, not the whole book.
    addressed_only = models.BooleanField(_("addressed events only"), default=False, editable=False)
    # Why Kredo turned the endpoint off, as a code ("gone": it answered 410 Gone); empty when the tenant did.
    disabled_reason = models.CharField(_("disabled because"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # The secrets stay out of the audit tables: one copy of each is enough.
    history = HistoricalRecords(excluded_fields=["secret", "previous_secret"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("manage_webhooks", "Can manage the tenant's webhooks")]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return self.url

    def signing_secrets(self, now) -> list[str]:
        """The secrets a delivery is signed with now: the current one, and the previous one during a rotation."""
        keep_previous = self.previous_secret and self.previous_secret_until and self.previous_secret_until > now
        return [self.secret, self.previous_secret] if keep_previous else [self.secret]


class WebhookDelivery(TenantOwned):
    """One event sent (or being sent) to one endpoint, with its attempts.

    Keying: an event reaches an endpoint once, (endpoint, event_id) is unique
    among original deliveries. A replay is a new row pointing at the original
    through `replay_of`; it keeps the event's id in the body, so a receiver that
    already processed the event recognises it, and gets its own delivery uuid
    (the `Kredo-Delivery` header) and its own 24-hour retry window.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed (gave up)")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("event"), max_length=80)
    event_id = models.UUIDField(_("event id"))
    payload = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    replay_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replays"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(_("last status code"), null=True, blank=True)
    last_response_excerpt = models.CharField(max_length=500, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=["pending", "succeeded", "failed"]), name="webhook_delivery_state_valid"
            ),
            # A pending row without a time would never be picked up by the retry job.
            models.CheckConstraint(
                condition=~models.Q(state="pending") | models.Q(next_attempt_at__isnull=False),
                name="webhook_delivery_pending_is_scheduled",
            ),
            # Emitting the same event twice delivers it once; replays are explicit extra rows.
            models.UniqueConstraint(
                fields=["endpoint", "event_id"], condition=models.Q(replay_of__isnull=True),
                name="webhook_delivery_once_per_event",
            ),
        ]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="webhook_delivery_due_idx")]

    def __str__(self):
        return f"{self.event} → {self.endpoint_id} ({self.state})"
