"""bin/backup and bin/restore: a backup of the test database and media restored into a fresh database.

PostgreSQL only (pg_dump/pg_restore); on SQLite the module is skipped with the reason.
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from django.db import connection
from django_scopes import scopes_disabled

from tests.claim_helpers import pdf
from tests.factories import PolicyFactory, TenantFactory, member

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="backup and restore use pg_dump/pg_restore: run with DATABASE_URL=postgres://..."),
    pytest.mark.django_db(transaction=True),
]


def url_of(name: str) -> str:
    params = connection.settings_dict
    auth = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
    return f"postgres://{auth}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{name}"


def run(script: str, argument: Path, *, database: str, media: Path):
    env = {**os.environ, "DATABASE_URL": url_of(database), "MEDIA_ROOT": str(media)}
    return subprocess.run([sys.executable, str(ROOT / "bin" / script), str(argument)], env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def fresh_database():
    name = connection.settings_dict["NAME"] + "_restore"
    admin = psycopg2.connect(url_of("postgres"))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(database: str, table: str) -> int:
    with psycopg2.connect(url_of(database)) as conn, conn.cursor() as cursor:
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        return cursor.fetchone()[0]


@pytest.fixture
def stored_document(tenant, media):
    """A tenant with a policy and an uploaded file in MEDIA_ROOT; and an outsider's tenant beside it."""
    with scopes_disabled():
        PolicyFactory(tenant=tenant, number="KR-BACKUP-1")
        PolicyFactory(tenant=TenantFactory(legal_name="Outsider GmbH", country="DE"), number="KR-BACKUP-2")
        member(tenant)
    path = media / "claims" / "2026" / "contract.pdf"
    path.parent.mkdir(parents=True)
    path.write_bytes(pdf().read() * 50)
    return path


def test_backup_then_restore_into_a_fresh_database_gives_the_same_rows_and_files(
        tmp_path, media, stored_document, fresh_database):
    source = connection.settings_dict["NAME"]
    made = run("backup", tmp_path / "backups", database=source, media=media)
    assert made.returncode == 0, made.stderr
    folder = Path(made.stdout.strip())
    assert {p.name for p in folder.iterdir()} == {"database.dump", "media.tar", "manifest.json"}

    restored_media = tmp_path / "restored-media"
    restored = run("restore", folder, database=fresh_database, media=restored_media)
    assert restored.returncode == 0, restored.stderr
    assert "all match the manifest" in restored.stdout
    for table in ("policies_policy", "accounts_tenant", "auth_user", "django_migrations"):
        assert count(fresh_database, table) == count(source, table) > 0
    copy = restored_media / stored_document.relative_to(media)
    assert sha256(copy) == sha256(stored_document)


def test_a_damaged_backup_is_refused_before_the_database_is_touched(tmp_path, media, stored_document,
                                                                     fresh_database):
    folder = Path(run("backup", tmp_path / "backups", database=connection.settings_dict["NAME"],
                      media=media).stdout.strip())
    with (folder / "database.dump").open("r+b") as dump:
        dump.seek(100)
        dump.write(b"corrupted")
    restored = run("restore", folder, database=fresh_database, media=tmp_path / "restored-media")
    assert restored.returncode == 1
    assert "database.dump is missing or does not match the manifest's checksum" in restored.stderr
    with psycopg2.connect(url_of(fresh_database)) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert cursor.fetchone()[0] == 0


def test_backup_refuses_a_database_that_is_not_postgresql(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "bin" / "backup"), str(tmp_path)],
                            env={**os.environ, "DATABASE_URL": "sqlite:///db.sqlite3"},
                            capture_output=True, text=True)
    assert result.returncode == 1 and "must be a postgres:// URL" in result.stderr
