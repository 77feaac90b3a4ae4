"""The events a tenant's endpoints can subscribe to; each app registers its own, with its payload's shape."""

# Event name -> label shown to the tenant admin. Empty here: each app registers its own
# events with register_event() from its AppConfig.ready(), in INSTALLED_APPS order.
EVENTS: dict[str, str] = {}
# Event name -> the serializer class describing the body's `data`: the OpenAPI document's `webhooks`
# (core/webhooks/schema.py) shows it, and tests check the payloads emitted match it.
PAYLOADS: dict[str, type] = {}


def register_event(name: str, label, payload: type | None = None) -> None:
    """Called by an app at import (e.g. its apps.ready) to offer an event to subscribers."""
    EVENTS[name] = label
    if payload is not None:
        PAYLOADS[name] = payload


def event_choices() -> list[tuple[str, str]]:
    return [(name, f"{label} ({name})") for name, label in EVENTS.items()]
