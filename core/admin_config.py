"""The admin, with every form's dates within the sane bounds of core.dates, as the pages' and the API's are.

ModelAdmins copy the admin's table of default form fields when they are registered (at autodiscovery, in the
admin's own `ready()`), so the bounded date field is put in that table just before: one entry covers every
ModelAdmin, present and future, with no admin class to remember it."""

from django.contrib.admin import AdminSite
from django.contrib.admin import options as admin_options
from django.contrib.admin.apps import AdminConfig
from django.db import models


class KredoAdminSite(AdminSite):
    """The admin whose home page shows the staff member's work queues (core.work_queues) above the apps."""

    def index(self, request, extra_context=None):
        from core.work_queues import work_queues_for

        return super().index(request, {**(extra_context or {}), "work_queues": work_queues_for(request.user)})


class KredoAdminConfig(AdminConfig):
    default_site = "core.admin_config.KredoAdminSite"

    def ready(self):
        from core.dates import BoundedDateFormField

        defaults = admin_options.FORMFIELD_FOR_DBFIELD_DEFAULTS
        defaults[models.DateField] = {**defaults[models.DateField], "form_class": BoundedDateFormField}
        super().ready()
