"""The admin, with every form's dates within the sane bounds of core.dates, as the pages' and the API's are.

ModelAdmins copy the admin's table of default form fields when they are registered (at autodiscovery, in the
admin's own `ready()`), so the bounded date field is put in that table just before: one entry covers every
ModelAdmin, present and future, with no admin class to remember it."""

from django.contrib.admin import options as admin_options
from django.contrib.admin.apps import AdminConfig
from django.db import models


class KredoAdminConfig(AdminConfig):
    def ready(self):
        from core.dates import BoundedDateFormField

        defaults = admin_options.FORMFIELD_FOR_DBFIELD_DEFAULTS
        defaults[models.DateField] = {**defaults[models.DateField], "form_class": BoundedDateFormField}
        super().ready()
