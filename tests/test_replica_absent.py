"""Without DATABASE_REPLICA_URL there is no replica alias: marked reports read the primary like everything else."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.test.utils import CaptureQueriesContext

from core.replica import PIN_COOKIE, REPLICA, reading_replica, replica_configured
from limits.models import CreditLimit
from tests.factories import logged_in
from tests.limit_factories import csv_buyer, in_force_policy, make_limit

pytestmark = pytest.mark.django_db


def databases_configured(**environment) -> str:
    # settings.py reads the environment once, at start: a fresh process shows what a deployment would get.
    code = "import django; django.setup(); from django.conf import settings; print(sorted(settings.DATABASES), " \
           "settings.DATABASES.get('replica', {}).get('NAME'), settings.DATABASES.get('replica', {}).get('TEST'))"
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_REPLICA_URL"}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", **environment)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                          cwd=settings.BASE_DIR).stdout.strip()


def test_the_replica_alias_comes_from_database_replica_url_as_a_test_mirror_of_the_primary():
    assert databases_configured() == "['default'] None None"
    shown = databases_configured(DATABASE_REPLICA_URL="postgres://reader@replica.internal:5432/kredo")
    assert shown.startswith("['default', 'replica'] kredo {") and "'MIRROR': 'default'" in shown


def test_without_a_replica_marked_reads_use_the_primary(user, tenant):
    assert not replica_configured() and REPLICA not in settings.DATABASES
    with reading_replica():
        assert router.db_for_read(CreditLimit) == DEFAULT_DB_ALIAS
    make_limit(in_force_policy(tenant, "KR-OURS-1"), csv_buyer("PT000000001"))
    client = logged_in(user)
    with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as primary:
        response = client.get("/limits/export.csv")
        body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "KR-OURS-1" in body and any("limits_creditlimit" in query["sql"] for query in primary)


def test_without_a_replica_a_write_sets_no_pin(user):
    response = logged_in(user).post("/i18n/setlang/", {"language": "es", "next": "/"})
    assert response.status_code == 302 and PIN_COOKIE not in response.cookies
