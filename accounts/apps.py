from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Tenants and accounts"

    def ready(self):
        from accounts.roles import ensure_role_groups

        # Role groups and their permissions follow the code after every migrate.
        # Not filtered by sender: each app's permissions exist only after its own
        # post_migrate, so the groups are completed app by app.
        post_migrate.connect(ensure_role_groups, dispatch_uid="kredo_role_groups")
