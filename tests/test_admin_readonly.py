"""Screens that only read (core.admin.ReadOnlyAdminMixin): not even a superuser adds, changes or deletes there."""

import pytest
from django.contrib import admin
from django.urls import reverse

from core.admin import ReadOnlyAdminMixin
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

READ_ONLY = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model, model_admin in admin.site._registry.items() if isinstance(model_admin, ReadOnlyAdminMixin)
)


def test_the_log_and_declaration_screens_are_read_only():
    assert {("core", "webhookdelivery"), ("recoveries", "recovery"), ("recoveries", "collectioncost"),
            ("recoveries", "settlement"), ("policies", "turnoverdeclaration"), ("policies", "periodpremium")} <= set(
        READ_ONLY)


@pytest.mark.parametrize("app_label, model_name", READ_ONLY)
def test_a_superuser_cannot_add_on_a_read_only_screen(client, app_label, model_name):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse(f"admin:{app_label}_{model_name}_add")).status_code == 403
    assert client.get(reverse(f"admin:{app_label}_{model_name}_changelist")).status_code == 200
