from django.apps import AppConfig


class LimitsConfig(AppConfig):
    name = "limits"
    verbose_name = "Limits"

    def ready(self):
        from limits import receivers  # noqa: F401  (connects the buyer-merge receiver)
