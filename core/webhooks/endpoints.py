"""A tenant's webhook endpoints: where events are sent and which ones."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import DomainError
from core.models import WebhookEndpoint, new_webhook_secret
from core.webhooks import registry


def _checked_events(events) -> list[str]:
    if not isinstance(events, list | tuple) or not events:
        raise DomainError(_("Choose at least one event."), field="events")
    unknown = sorted({str(e) for e in events} - registry.EVENTS.keys())
    if unknown:
        raise DomainError(
            _("Unknown events: %(events)s.") % {"events": ", ".join(unknown)}, field="events", code="unknown_event"
        )
    # Registry order, no duplicates: the list reads the same on every page.
    return [name for name in registry.EVENTS if name in events]


def _clean(endpoint: WebhookEndpoint) -> None:
    # The model's own checks (a public https URL) answer like every other rule: a DomainError on its field.
    try:
        endpoint.full_clean()
    except ValidationError as exc:
        raise DomainError.from_validation_error(exc) from exc


@transaction.atomic
def create_endpoint(
    *, tenant, created_by, url: str, events: list[str], description: str = "", is_active: bool = True
) -> WebhookEndpoint:
    endpoint = WebhookEndpoint(
        tenant=tenant,
        created_by=created_by,
        url=url.strip(),
        description=description.strip(),
        events=_checked_events(events),
        is_active=is_active,
    )
    _clean(endpoint)
    endpoint.save()
    return endpoint


@transaction.atomic
def update_endpoint(
    *,
    endpoint: WebhookEndpoint,
    url: str | None = None,
    description: str | None = None,
    events: list[str] | None = None,
    is_active: bool | None = None,
) -> WebhookEndpoint:
    """Change what was given; None leaves a field as it is."""
    if url is not None:
        endpoint.url = url.strip()
    if description is not None:
        endpoint.description = description.strip()
    if events is not None:
        endpoint.events = _checked_events(events)
    if is_active is not None:
        endpoint.is_active = is_active
        if is_active:
            endpoint.disabled_reason = ""
    _clean(endpoint)
    endpoint.save()
    return endpoint


@transaction.atomic
def delete_endpoint(*, endpoint: WebhookEndpoint) -> None:
    # Its deliveries go with it; outbox messages still queued for them find no row and do nothing.
    endpoint.delete()


# How long deliveries keep the old secret's signature after a rotation: a day to deploy the new secret.
ROTATION_OVERLAP = timedelta(hours=24)


@transaction.atomic
def rotate_secret(*, endpoint: WebhookEndpoint, overlap: timedelta = ROTATION_OVERLAP) -> WebhookEndpoint:
    """A new signing secret; for `overlap` every delivery carries a signature with each secret, so the
    receiver may switch to the new one at any time in that window without refusing a single delivery."""
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_until = timezone.now() + overlap
    endpoint.secret = new_webhook_secret()
    endpoint.save(update_fields=["secret", "previous_secret", "previous_secret_until"])
    return endpoint
