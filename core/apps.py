from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        # Outbox handlers live in each app's tasks.py; the web process needs
        # them registered too, not only the Celery worker.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("tasks")

        # Tasks published during a request log with its request id.
        from core.logs import connect_celery_signals

        connect_celery_signals()
