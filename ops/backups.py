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

`backup_restore` refuses an archive that is truncated or whose parts do not match their
checksums, one made on another database vendor, and a target database that already has
tables (unless `force`); it restores the database, then the media files, then checks that the
restored database holds the counts the manifest recorded.
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
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import dj_database_url
import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connections
from django.db.migrations.loader import MigrationLoader
from django.db.utils import load_backend
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
TARGET_ALIAS = "backup_target"


class BackupError(Exception):
    """A backup or restore refused or failed; the message is for the operator, in Vietnamese."""


@dataclass
class RestoreReport:
    archive: Path
    vendor: str
    target: str
    media_root: Path
    counts: dict
    media_files: int
    notes: list[str] = field(default_factory=list)


def default_backup_dir() -> Path:
    return Path(getattr(settings, "BACKUP_DIR", Path(settings.BASE_DIR) / "backups"))


# -- helpers ------------------------------------------------------------------------------------


def _vendor(settings_dict) -> str:
    engine = settings_dict.get("ENGINE", "")
    if "sqlite" in engine:
        return "sqlite"
    if "postgres" in engine:
        return "postgresql"
    raise BackupError(f"Chỉ hỗ trợ SQLite và PostgreSQL; cơ sở dữ liệu này dùng “{engine}”.")


def _sha256(path: Path) -> str:
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


def _state(cursor, quote) -> tuple[dict, dict]:
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


def _run(args, settings_dict) -> None:
    try:
        result = subprocess.run(args, env=_pg_env(settings_dict), capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise BackupError(
            f"Không tìm thấy lệnh {args[0]}: hãy cài gói postgresql-client cùng phiên bản với máy chủ."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{args[0]} báo lỗi (mã {result.returncode}): {result.stderr.strip()}")


def _describe(settings_dict) -> str:
    if _vendor(settings_dict) == "sqlite":
        return f"SQLite {settings_dict['NAME']}"
    host = settings_dict.get("HOST") or "socket"
    return f"PostgreSQL {settings_dict['NAME']} trên {host}:{settings_dict.get('PORT') or 5432}"


def _media_files(media_root: Path, exclude: Path | None = None) -> list[tuple[Path, str]]:
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
    vendor = _vendor(connection.settings_dict)
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
            for path, relative in _media_files(media_root, exclude=output_dir):
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
        return _state(target.cursor(), _sqlite_quote)
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
            state = _state(cursor, connection.ops.quote_name)
        _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={destination}"],
             connection.settings_dict)  # fmt: skip
        return state
    finally:
        connection.rollback()
        connection.set_autocommit(True)


# -- restore ------------------------------------------------------------------------------------


def _target_settings(database_url) -> dict:
    if database_url:
        settings_dict = dj_database_url.parse(database_url)
    else:
        settings_dict = dict(connections["default"].settings_dict)
    return connections.configure_settings({"default": settings_dict})["default"]


@contextmanager
def database_open(database_url=None):
    """A Django connection of its own (not registered in `connections`) to `database_url`."""
    wrapper = _wrapper(_target_settings(database_url))
    try:
        yield wrapper
    finally:
        wrapper.close()


def _extract(archive: Path, work: Path) -> dict:
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu “{archive}”.")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                name = member.name
                if not (name == MANIFEST or name in DATABASE_FILES.values() or name.startswith(MEDIA_PREFIX)):
                    raise BackupError(f"Tệp “{archive.name}” không phải bản sao lưu của hệ thống (có mục lạ “{name}”).")
                tar.extract(member, work, filter="data")
    except OSError as error:
        if error.errno is not None:  # the disk, not the archive (gzip's own errors carry no errno)
            raise BackupError(f"Không giải nén được “{archive.name}” vào thư mục tạm {work}: {error}") from error
        raise _damaged(archive, error) from error
    except (tarfile.TarError, EOFError, zlib.error) as error:
        raise _damaged(archive, error) from error
    try:
        manifest = json.loads((work / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BackupError(
            f"Tệp sao lưu “{archive.name}” không đầy đủ: thiếu manifest.json (bản sao lưu bị ngắt giữa chừng?)."
        ) from error
    except ValueError as error:
        raise BackupError(f"Tệp sao lưu “{archive.name}” bị hỏng: manifest.json không đọc được.") from error
    try:
        fmt, database, media = manifest["format"], manifest["database"], manifest["media"]
        complete = (
            database["vendor"] in VENDOR_NAMES
            and database["file"] in DATABASE_FILES.values()
            and isinstance(database["sha256"], str)
            and isinstance(media["sha256"], dict)
            and isinstance(manifest["counts"], dict)
            and isinstance(manifest["migrations"], dict)
        )
    except (KeyError, TypeError):
        complete = False
    if not complete:
        raise BackupError(f"Tệp sao lưu “{archive.name}” bị hỏng: manifest.json thiếu thông tin.")
    if fmt != FORMAT:
        raise BackupError(f"Tệp sao lưu “{archive.name}” có định dạng {fmt!r}, phiên bản này không đọc được.")
    return manifest


def _damaged(archive: Path, error) -> BackupError:
    return BackupError(
        f"Tệp sao lưu “{archive.name}” bị hỏng hoặc không đầy đủ (có thể bị cắt ngang khi sao chép): {error}. "
        "Không khôi phục gì; hãy dùng một bản sao lưu khác."
    )


def _verify_parts(archive: Path, work: Path, manifest: dict) -> None:
    def corrupt(what):
        return BackupError(
            f"Tệp sao lưu “{archive.name}” bị hỏng: {what}. Không khôi phục gì; hãy dùng một bản sao lưu khác."
        )

    database = work / manifest["database"]["file"]
    if not database.is_file():
        raise corrupt(f"thiếu phần cơ sở dữ liệu {database.name}")
    if _sha256(database) != manifest["database"]["sha256"]:
        raise corrupt(f"mã kiểm tra SHA-256 của {database.name} không khớp")
    expected = manifest["media"]["sha256"]
    media = work / MEDIA_PREFIX
    present = {relative for _path, relative in _media_files(media)}
    if missing := sorted(set(expected) - present):
        raise corrupt(f"thiếu {len(missing)} tệp media (ví dụ “{missing[0]}”)")
    if extra := sorted(present - set(expected)):
        raise corrupt(f"có {len(extra)} tệp media không ghi trong manifest (ví dụ “{extra[0]}”)")
    for relative, digest in expected.items():
        if _sha256(media / relative) != digest:
            raise corrupt(f"mã kiểm tra SHA-256 của tệp media “{relative}” không khớp")


def _wrapper(settings_dict):
    """A Django connection of our own to the target (SQLite: a file or a shared in-memory database)."""
    return load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, TARGET_ALIAS)


def _target_tables(settings_dict) -> list[str]:
    wrapper = _wrapper(settings_dict)
    try:
        with wrapper.cursor() as cursor:
            return sorted(wrapper.introspection.table_names(cursor))
    except Exception as error:
        hint = " Cơ sở dữ liệu đích phải có sẵn (tạo bằng createdb)." if _vendor(settings_dict) == "postgresql" else ""
        raise BackupError(
            f"Không kết nối được cơ sở dữ liệu đích ({_describe(settings_dict)}): {str(error).strip()}.{hint}"
        ) from error
    finally:
        wrapper.close()


def _same_database(a, b) -> bool:
    keys = ("ENGINE", "NAME", "HOST", "PORT")
    return all(str(a.get(key) or "") == str(b.get(key) or "") for key in keys)


def backup_restore(*, archive, database_url=None, media_root=None, force=False) -> RestoreReport:
    """Restore `archive` into the database `database_url` (default: the project's) and the
    directory `media_root` (default: MEDIA_ROOT). Checks everything it can before writing."""
    archive = Path(archive)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    target = _target_settings(database_url)
    vendor = _vendor(target)
    work = _workdir(media_root)
    try:
        manifest = _extract(archive, work)
        source_vendor = manifest["database"]["vendor"]
        if source_vendor != vendor:
            raise BackupError(
                f"Bản sao lưu “{archive.name}” là của {VENDOR_NAMES.get(source_vendor, source_vendor)}, còn cơ sở "
                f"dữ liệu đích là {VENDOR_NAMES[vendor]} ({_describe(target)}). Chỉ khôi phục được vào cùng loại "
                "cơ sở dữ liệu."
            )
        _verify_parts(archive, work, manifest)
        tables = _target_tables(target)
        if tables and not force:
            raise BackupError(
                f"Cơ sở dữ liệu đích ({_describe(target)}) không trống: đã có {len(tables)} bảng. Khôi phục sẽ ghi "
                "đè toàn bộ dữ liệu trong đó. Hãy khôi phục vào một cơ sở dữ liệu mới, hoặc chạy lại với --force "
                "nếu chắc chắn."
            )
        for connection in connections.all(initialized_only=True):
            if _same_database(connection.settings_dict, target):
                connection.close()
        database = work / manifest["database"]["file"]
        if vendor == "sqlite":
            _sqlite_restore(database, target)
        else:
            args = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
            if tables:
                args += ["--clean", "--if-exists"]
            _run([*args, f"--dbname={target['NAME']}", str(database)], target)
        media_root.mkdir(parents=True, exist_ok=True)
        for relative in manifest["media"]["sha256"]:
            destination = media_root / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(work / MEDIA_PREFIX / relative, destination)
        report = RestoreReport(archive=archive, vendor=vendor, target=_describe(target), media_root=media_root,
                               counts=manifest["counts"], media_files=manifest["media"]["files"])  # fmt: skip
        _verify_restored(target, manifest, report)
        return report
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _workdir(media_root: Path) -> Path:
    """Unpack beside MEDIA_ROOT where possible: the files are then moved into place, not copied
    (and /tmp is often a small tmpfs)."""
    try:
        media_root.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".ocop-restore-", dir=media_root.parent))
    except OSError:
        return Path(tempfile.mkdtemp(prefix="ocop-restore-"))


def _sqlite_restore(source: Path, target) -> None:
    if not str(target["NAME"]).startswith("file:") and target["NAME"] != ":memory:":
        Path(target["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    wrapper, src = _wrapper(target), sqlite3.connect(source)
    try:
        wrapper.ensure_connection()
        src.backup(wrapper.connection)  # replaces every page of the destination, under its lock
    finally:
        src.close()
        wrapper.close()


def _verify_restored(target, manifest, report) -> None:
    wrapper = _wrapper(target)
    try:
        with wrapper.cursor() as cursor:
            migrations, counts = _state(cursor, wrapper.ops.quote_name)
    finally:
        wrapper.close()
    wrong = [
        f"{COUNT_NAMES[label]}: {counts.get(label)} thay vì {expected}"
        for label, expected in manifest["counts"].items()
        if label in COUNT_NAMES and counts.get(label) != expected
    ]
    if wrong:
        raise BackupError("Đã khôi phục nhưng số bản ghi không khớp với manifest: " + "; ".join(wrong) + ".")
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = sorted(f"{app}.{name}" for app, name in migrations.items() if (app, name) not in known)
    latest = {}
    for app, name in known:
        latest[app] = max(name, latest.get(app, ""))
    if unknown:
        report.notes.append(
            "Bản sao lưu được tạo từ phiên bản mã nguồn mới hơn (có migration mà mã nguồn này chưa có: "
            + ", ".join(unknown)
            + "). Hãy cập nhật mã nguồn trước khi chạy ứng dụng."
        )
    elif any(name > migrations.get(app, "") for app, name in latest.items()):
        report.notes.append("Mã nguồn mới hơn bản sao lưu: hãy chạy `python manage.py migrate`.")
