from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _remember_first_language(sender, request, user, **kwargs):
    # The browser's language at sign-in (LocaleMiddleware's choice) becomes a new user's preference. A sign-in
    # without a browser request (no LANGUAGE_CODE) records nothing.
    from accounts.services import remember_first_language

    language = getattr(request, "LANGUAGE_CODE", "")
    if language:
        remember_first_language(user=user, language=language)


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Tenants and accounts")

    def ready(self):
        from accounts.roles import ensure_role_groups

        # Role groups and their permissions follow the code after every migrate.
        # Not filtered by sender: each app's permissions exist only after its own
        # post_migrate, so the groups are completed app by app.
        post_migrate.connect(ensure_role_groups, dispatch_uid="kredo_role_groups")
        user_logged_in.connect(_remember_first_language, dispatch_uid="kredo_first_language")
