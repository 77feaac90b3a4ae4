"""Every word in the reader's language (issue 9 item 3): the catalogues are complete, and what the code shows
from outside the templates (admin app and model names, notification and calculation messages) is in them.

No tenant data here, so no outsider is needed.
"""

import importlib.util
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import translation

from core.messages import registered_messages
from tests.factories import UserFactory, logged_in

ROOT = Path(__file__).resolve().parent.parent
OURS = ("core", "accounts", "integrations", "policies", "buyers", "limits", "claims", "recoveries", "portal")
# Words that read the same in the language (a Spanish "Portal" is a portal).
SAME_IN = {"es": {"Portal", "- %(buyer)s (%(policy)s): %(amount)s"}, "zh-hans": set()}


def _i18n_tool():
    spec = importlib.util.spec_from_file_location("kredo_i18n", ROOT / "bin" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("locale", ["es", "zh_Hans"])
def test_no_catalogue_has_an_untranslated_or_fuzzy_string(locale):
    assert _i18n_tool().missing(locale) == []


def _untranslated(texts, language):
    with translation.override(None):
        english = {str(t): t for t in texts}
    with translation.override(language):
        return sorted(msgid for msgid, text in english.items()
                      if str(text) == msgid and msgid not in SAME_IN[language])


@pytest.mark.parametrize("language", ["es", "zh-hans"])
def test_admin_app_and_model_names_are_translated(language):
    names = [config.verbose_name for config in apps.get_app_configs() if config.name in OURS]
    for model in apps.get_models():
        if model._meta.app_label in OURS and not model.__name__.startswith("Historical"):
            names += [model._meta.verbose_name, model._meta.verbose_name_plural]
    assert _untranslated(names, language) == []


@pytest.mark.parametrize("language", ["es", "zh-hans"])
def test_every_notification_and_calculation_message_is_translated(language):
    assert _untranslated(registered_messages().values(), language) == []


def test_the_admin_index_reads_in_spanish(db):
    admin = UserFactory(is_staff=True, is_superuser=True)
    page = logged_in(admin).get("/admin/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    with translation.override("es"):
        expected = [str(apps.get_app_config("claims").verbose_name),
                    str(apps.get_model("claims", "Overdue")._meta.verbose_name_plural).capitalize()]
    assert all(word in page for word in expected)
    assert "Overdues" not in page
