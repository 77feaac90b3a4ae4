"""Whether SECRET_KEY is fit for production, used at settings load and by `check --deploy`.

Imported by config/settings.py before apps load, so it imports nothing from Django's app registry.
"""

from django.core import checks

# Django's own deploy check (security.W009) asks for the same length and variety.
MIN_LENGTH = 50
MIN_UNIQUE_CHARACTERS = 5


def is_real_secret_key(key: str, *, development_key: str) -> bool:
    return (
        bool(key)
        and key != development_key
        and not key.startswith("django-insecure-")
        and len(key) >= MIN_LENGTH
        and len(set(key)) >= MIN_UNIQUE_CHARACTERS
    )


@checks.register(checks.Tags.security, deploy=True)
def check_secret_key(app_configs=None, **kwargs):
    """An error, not Django's warning: `check --deploy` must fail on the development key."""
    from django.conf import settings

    development_key = getattr(settings, "DEVELOPMENT_SECRET_KEY", "")
    if is_real_secret_key(settings.SECRET_KEY, development_key=development_key):
        return []
    return [
        checks.Error(
            "SECRET_KEY is the development key or too weak for production.",
            hint="Set SECRET_KEY in the environment to at least 50 random characters.",
            id="kredo.E001",
        )
    ]
