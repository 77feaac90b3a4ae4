from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        # Outbox handlers live in each app's tasks.py; the web process needs
        # them registered too, not only the Celery worker.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("tasks")

        from core.models import ExchangeRate
        from core.rates import RATES
        from core.readcache import invalidate_on_change

        invalidate_on_change(ExchangeRate, RATES)
        # Each app's notification messages (notices.py), so any process can render a stored notification.
        autodiscover_modules("notices")
        # Tasks published during a request log with its request id.
        from core.logs import connect_celery_signals

        connect_celery_signals()
