"""Backups: one tar.gz archive holding the database, the media files and a manifest.

    ocop-YYYYmmdd-HHMMSS.tar.gz
        database.sqlite3 | database.dump    SQLite: a copy made with the online backup API;
                                            PostgreSQL: `pg_dump --format=custom`
        media/...                           every file under MEDIA_ROOT
        manifest.json                       written last: date, vendor, latest migration per
                                            app, row counts, sha256 of every part

The database is copied first and the media files after it, so every file the database names
is in the archive (files uploaded meanwhile are extra, and harmless). On PostgreSQL the counts
and the dump read the same snapshot (`pg_export_snapshot` + `pg_dump --snapshot`); on SQLite
they are read from the copy itself.

This module writes archives (`backup_create`) and holds what restoring shares with it: the
format, the counts, the database helpers. Reading an archive back is ops.restore.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connections
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
MEDIA_PREFIX = "media/"
# What the manifest counts, and restore checks: label -> model.
COUNTED = {
    "participants": "enrollment.Participant",
    "offerings": "enrollment.Offering",
    "enrollments": "enrollment.Enrollment",
    "sessions": "attendance.Session",
    "attendance_records": "attendance.AttendanceRecord",
    "certificates": "certificates.Certificate",
    "users": "accounts.User",
    "pages": "wagtailcore.Page",
    "images": "wagtailimages.Image",
    "documents": "wagtaildocs.Document",
}
COUNT_NAMES = {
    "participants": "học viên",
    "offerings": "lớp/hội nghị",
    "enrollments": "lượt ghi danh",
    "sessions": "buổi học",
    "attendance_records": "bản ghi điểm danh",
    "certificates": "giấy chứng nhận",
    "users": "tài khoản",
    "pages": "trang",
    "images": "ảnh",
    "documents": "tài liệu",
}


class BackupError(Exception):
    """A backup or restore refused or failed; the message is for the operator, in Vietnamese."""


def default_backup_dir() -> Path:
    return Path(getattr(settings, "BACKUP_DIR", Path(settings.BASE_DIR) / "backups"))


# -- helpers ------------------------------------------------------------------------------------


def database_vendor(settings_dict) -> str:
    engine = settings_dict.get("ENGINE", "")
    if "sqlite" in engine:
        return "sqlite"
    if "postgres" in engine:
        return "postgresql"
    raise BackupError(f"Chỉ hỗ trợ SQLite và PostgreSQL; cơ sở dữ liệu này dùng “{engine}”.")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class _HashingReader:
    """A file object for tarfile.addfile that hashes what it hands over."""

    def __init__(self, handle):
        self.handle, self.digest = handle, hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _add_file(archive: tarfile.TarFile, path: Path, arcname: str) -> tuple[str, int]:
    with open(path, "rb") as handle:
        info = archive.gettarinfo(arcname=arcname, fileobj=handle)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        reader = _HashingReader(handle)
        archive.addfile(info, reader)
    return reader.digest.hexdigest(), info.size


def _add_bytes(archive: tarfile.TarFile, data: bytes, arcname: str) -> None:
    info = tarfile.TarInfo(arcname)
    info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o644
    archive.addfile(info, io.BytesIO(data))


def database_state(cursor, quote) -> tuple[dict, dict]:
    """(latest applied migration per app, row counts) through any DB-API cursor."""
    try:
        return _read_state(cursor, quote)
    except (sqlite3.Error, DatabaseError) as error:
        raise BackupError(
            f"Cơ sở dữ liệu chưa đủ bảng của hệ thống (đã chạy `manage.py migrate` chưa?): {error}"
        ) from error


def _read_state(cursor, quote) -> tuple[dict, dict]:
    cursor.execute("SELECT app, name FROM django_migrations")
    migrations = {}
    for app, name in cursor.fetchall():
        migrations[app] = max(name, migrations.get(app, ""))
    counts = {}
    for label, model in COUNTED.items():
        table = apps.get_model(model)._meta.db_table
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - table names from our models
        counts[label] = cursor.fetchone()[0]
    return dict(sorted(migrations.items())), counts


def _sqlite_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _pg_env(settings_dict) -> dict:
    """libpq's environment for pg_dump/pg_restore: credentials never go on the command line."""
    env = os.environ.copy()
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD"),
                     ("NAME", "PGDATABASE")):  # fmt: skip
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    options = settings_dict.get("OPTIONS") or {}
    for key, var in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT"), ("sslcert", "PGSSLCERT"),
                     ("sslkey", "PGSSLKEY"), ("passfile", "PGPASSFILE"), ("service", "PGSERVICE")):  # fmt: skip
        if options.get(key):
            env[var] = str(options[key])
    return env


def pg_run(args, settings_dict) -> None:
    try:
        result = subprocess.run(args, env=_pg_env(settings_dict), capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise BackupError(
            f"Không tìm thấy lệnh {args[0]}: hãy cài gói postgresql-client cùng phiên bản với máy chủ."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{args[0]} báo lỗi (mã {result.returncode}): {result.stderr.strip()}")


def database_description(settings_dict) -> str:
    if database_vendor(settings_dict) == "sqlite":
        return f"SQLite {settings_dict['NAME']}"
    host = settings_dict.get("HOST") or "socket"
    return f"PostgreSQL {settings_dict['NAME']} trên {host}:{settings_dict.get('PORT') or 5432}"


def media_files(media_root: Path, exclude: Path | None = None) -> list[tuple[Path, str]]:
    if not media_root.is_dir():
        return []
    found = []
    for directory, dirnames, filenames in os.walk(media_root):
        if exclude is not None:  # backups written inside MEDIA_ROOT are not backed up again
            dirnames[:] = [name for name in dirnames if Path(directory, name).resolve() != exclude.resolve()]
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(directory, name)
            if path.is_file() and not path.is_symlink():
                found.append((path, path.relative_to(media_root).as_posix()))
    return found


def _archive_path(output_dir: Path, now) -> Path:
    stem = f"ocop-{now:%Y%m%d-%H%M%S}"
    path, n = output_dir / f"{stem}.tar.gz", 1
    while path.exists():
        n += 1
        path = output_dir / f"{stem}-{n}.tar.gz"
    return path


# -- backup -------------------------------------------------------------------------------------


def backup_create(*, output_dir=None, using="default", media_root=None) -> tuple[Path, dict]:
    """Write one archive of the database `using` and of `media_root`; (its path, its manifest)."""
    connection = connections[using]
    vendor = database_vendor(connection.settings_dict)
    output_dir = Path(output_dir or default_backup_dir())
    media_root = Path(media_root or settings.MEDIA_ROOT)
    output_dir.mkdir(parents=True, exist_ok=True)
    now = timezone.localtime()
    work = Path(tempfile.mkdtemp(prefix=".backup-", dir=output_dir))
    try:
        database = work / DATABASE_FILES[vendor]
        if vendor == "sqlite":
            migrations, counts = _sqlite_copy(connection, database)
        else:
            migrations, counts = _pg_dump(connection, database)
        partial = work / "archive.tar.gz"
        manifest = {
            "format": FORMAT,
            "created_at": now.isoformat(timespec="seconds"),
            "database": {"vendor": vendor, "file": database.name},
            "migrations": migrations,
            "counts": counts,
            "media": {"files": 0, "bytes": 0, "sha256": {}},
            "versions": {"django": django.get_version(), "wagtail": wagtail.__version__},
        }
        with tarfile.open(partial, "w:gz") as archive:
            digest, size = _add_file(archive, database, database.name)
            manifest["database"].update(sha256=digest, bytes=size)
            for path, relative in media_files(media_root, exclude=output_dir):
                try:
                    digest, size = _add_file(archive, path, MEDIA_PREFIX + relative)
                except FileNotFoundError:  # deleted while we walked: not in the archive, not in the manifest
                    continue
                manifest["media"]["sha256"][relative] = digest
                manifest["media"]["files"] += 1
                manifest["media"]["bytes"] += size
            _add_bytes(archive, json.dumps(manifest, ensure_ascii=False, indent=2).encode(), MANIFEST)
        os.chmod(partial, 0o600)  # it holds people's names, phones and ID numbers
        path = _archive_path(output_dir, now)
        os.replace(partial, path)
        return path, manifest
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _sqlite_copy(connection, destination: Path) -> tuple[dict, dict]:
    """The online backup API from the live connection itself: consistent, and it works for the
    in-memory test database as well as a file."""
    connection.ensure_connection()
    target = sqlite3.connect(destination)
    try:
        connection.connection.backup(target)
        return database_state(target.cursor(), _sqlite_quote)
    finally:
        target.close()


def _pg_dump(connection, destination: Path) -> tuple[dict, dict]:
    if connection.in_atomic_block:
        raise BackupError("Không thể sao lưu PostgreSQL từ bên trong một giao dịch đang mở.")
    connection.ensure_connection()
    try:
        connection.set_autocommit(False)
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            state = database_state(cursor, connection.ops.quote_name)
        pg_run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={destination}"],
             connection.settings_dict)  # fmt: skip
        return state
    finally:
        connection.rollback()
        connection.set_autocommit(True)
