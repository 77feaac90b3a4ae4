"""Production refuses to start with the public development key (issue 12, hardening)."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import override_settings

from core.secret_key import check_secret_key

ROOT = Path(__file__).resolve().parent.parent
REAL_KEY = "k" * 10 + "a1b2c3d4e5f6g7h8i9j0" * 3


def _run(*args, **environment):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE")}
    env.update(environment, DJANGO_SETTINGS_MODULE="config.settings", ALLOWED_HOSTS="kredo.example")
    env["DATABASE_URL"] = "sqlite:///" + str(ROOT / "unused-check.sqlite3")
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_production_without_a_secret_key_refuses_to_load_settings():
    result = _run("-c", "import django; django.setup()", DEBUG="0")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY" in result.stderr


def test_production_with_a_short_key_refuses_too():
    result = _run("-c", "import django; django.setup()", DEBUG="0", SECRET_KEY="changeme")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_production_with_a_real_key_loads():
    result = _run("-c", "import django; django.setup(); print('ok')", DEBUG="0", SECRET_KEY=REAL_KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_deploy_check_fails_on_the_development_key():
    result = _run("manage.py", "check", "--deploy")
    assert result.returncode != 0
    assert "kredo.E001" in result.stderr


def test_the_check_accepts_a_real_key_and_refuses_the_development_one():
    with override_settings(SECRET_KEY=REAL_KEY):
        assert check_secret_key() == []
    with override_settings(SECRET_KEY=settings.DEVELOPMENT_SECRET_KEY):
        assert [error.id for error in check_secret_key()] == ["kredo.E001"]
    with override_settings(SECRET_KEY="django-insecure-" + REAL_KEY):
        assert [error.id for error in check_secret_key()] == ["kredo.E001"]
