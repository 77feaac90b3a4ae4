from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        # Outbox handlers live in each app's tasks.py; the web process needs
        # them registered too, not only the Celery worker.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("tasks")

        from core.models import ExchangeRate
        from core.rates import RATES
        from core.readcache import invalidate_on_change

        invalidate_on_change(ExchangeRate, RATES)
