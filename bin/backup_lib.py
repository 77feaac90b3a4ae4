"""Backup and restore of Kredo's PostgreSQL database and uploaded files (bin/backup, bin/restore).

A backup is one folder:

    kredo-backup-20261201T120000Z/
      database.dump   pg_dump custom format (compressed; pg_restore can pick tables from it)
      media.tar       MEDIA_ROOT as it was, paths relative to it
      manifest.json   SHA-256 of both files and of every uploaded file, row count of every table

Restore checks the two checksums before touching anything, loads the dump into an (empty)
database in one transaction, unpacks the files, and then proves the result: every file's
checksum and every table's row count must match the manifest, or it exits non-zero.
Only the standard library, psycopg2 and PostgreSQL's own client tools are needed.
"""

import hashlib
import json
import os
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import psycopg2
from psycopg2 import sql

DUMP, MEDIA, MANIFEST = "database.dump", "media.tar", "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _count_rows(cursor) -> dict[str, int]:
    """Exact row counts of every table in the public schema (not the planner's estimates)."""
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    counts = {}
    for (table,) in cursor.fetchall():
        cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
        counts[table] = cursor.fetchone()[0]
    return counts


def row_counts(database_url: str) -> dict[str, int]:
    connection = psycopg2.connect(database_url)
    try:
        with connection.cursor() as cursor:
            return _count_rows(cursor)
    finally:
        connection.close()


def _dump_and_count(database_url: str, dump_path: Path) -> dict[str, int]:
    """pg_dump and the row counts see one snapshot, so the counts are the dump's even while the app writes."""
    connection = psycopg2.connect(database_url)
    try:
        connection.set_session(isolation_level="REPEATABLE READ", readonly=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _count_rows(cursor)
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                  f"--file={dump_path}", f"--dbname={database_url}"])
        return counts
    finally:
        connection.rollback()
        connection.close()


def media_checksums(media_root: Path) -> dict[str, str]:
    if not media_root.exists():
        return {}
    return {path.relative_to(media_root).as_posix(): sha256(path)
            for path in sorted(media_root.rglob("*")) if path.is_file()}


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(*, database_url: str, media_root: Path, destination: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = destination / f"kredo-backup-{stamp}"
    folder.mkdir(parents=True, exist_ok=False)
    tables = _dump_and_count(database_url, folder / DUMP)
    # Each file's checksum is taken as it goes into the archive: a document uploaded meanwhile is
    # either in both or in neither.
    media = {}
    with tarfile.open(folder / MEDIA, "w") as archive:
        for path in sorted(media_root.rglob("*")) if media_root.exists() else []:
            if path.is_file():
                name = path.relative_to(media_root).as_posix()
                media[name] = sha256(path)
                archive.add(path, arcname=name)
    manifest = {
        "created_at": stamp,
        "files": {DUMP: sha256(folder / DUMP), MEDIA: sha256(folder / MEDIA)},
        "tables": tables,
        "media": media,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return folder


def _verify_files(folder: Path, manifest: dict) -> None:
    for name, expected in manifest["files"].items():
        if not (folder / name).exists() or sha256(folder / name) != expected:
            raise BackupError(f"{name} is missing or does not match the manifest's checksum: refusing to restore")


def _safe_members(archive: tarfile.TarFile):
    for member in archive.getmembers():
        path = PurePosixPath(member.name)
        if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"media.tar holds an unsafe entry {member.name!r}: refusing to restore")
        yield member


def _compare(label: str, expected: dict, found: dict) -> list[str]:
    return [f"{label} {name}: expected {expected.get(name)!r}, found {found.get(name)!r}"
            for name in sorted(set(expected) | set(found)) if expected.get(name) != found.get(name)]


def restore(*, folder: Path, database_url: str, media_root: Path) -> dict:
    manifest = json.loads((folder / MANIFEST).read_text())
    _verify_files(folder, manifest)
    _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
          f"--dbname={database_url}", str(folder / DUMP)])
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA) as archive:
        archive.extractall(media_root, members=list(_safe_members(archive)), filter="data")
    problems = _compare("table", manifest["tables"], row_counts(database_url))
    found_media = media_checksums(media_root)
    problems += _compare("file", manifest["media"], {name: found_media.get(name) for name in manifest["media"]})
    if problems:
        raise BackupError("restored, but it does not match the backup:\n  " + "\n  ".join(problems))
    return {"tables": len(manifest["tables"]), "rows": sum(manifest["tables"].values()),
            "files": len(manifest["media"])}


def _settings_from_environment() -> tuple[str, Path]:
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise BackupError("DATABASE_URL must be a postgres:// URL (SQLite: copy db.sqlite3 and media/ instead)")
    return database_url, Path(os.environ.get("MEDIA_ROOT", Path(__file__).resolve().parent.parent / "media"))


def main_backup(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: bin/backup DESTINATION_FOLDER   (reads DATABASE_URL and MEDIA_ROOT)", file=sys.stderr)
        return 2
    try:
        database_url, media_root = _settings_from_environment()
        folder = backup(database_url=database_url, media_root=media_root, destination=Path(argv[0]))
    except (BackupError, psycopg2.Error, OSError) as exc:
        print(f"backup failed: {exc}", file=sys.stderr)
        return 1
    print(folder)
    return 0


def main_restore(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: bin/restore BACKUP_FOLDER   (into DATABASE_URL, an empty database, and MEDIA_ROOT)",
              file=sys.stderr)
        return 2
    try:
        database_url, media_root = _settings_from_environment()
        report = restore(folder=Path(argv[0]), database_url=database_url, media_root=media_root)
    except (BackupError, psycopg2.Error, OSError, KeyError, json.JSONDecodeError) as exc:
        print(f"restore failed: {exc}", file=sys.stderr)
        return 1
    print(f"restored {report['tables']} tables, {report['rows']} rows, {report['files']} files; all match the manifest")
    return 0
