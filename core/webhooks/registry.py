"""The events a tenant's endpoints can subscribe to; each app registers its own."""

# Event name -> label shown to the tenant admin. Empty here: each app registers its own
# events with register_event() from its AppConfig.ready(), in INSTALLED_APPS order.
EVENTS: dict[str, str] = {}


def register_event(name: str, label) -> None:
    """Called by an app at import (e.g. its apps.ready) to offer an event to subscribers."""
    EVENTS[name] = label


def event_choices() -> list[tuple[str, str]]:
    return [(name, f"{label} ({name})") for name, label in EVENTS.items()]
