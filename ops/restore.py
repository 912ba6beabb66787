"""Restoring an archive written by ops.backups (`manage.py restore`).

`backup_restore` refuses an archive that is truncated or whose parts do not match their
checksums, one made on another database vendor, and a target database that already has
tables (unless `force`); it restores the database, then the media files, then checks that the
restored database holds the counts the manifest recorded.
"""

import json
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.utils import load_backend

from .backups import (
    COUNT_NAMES,
    DATABASE_FILES,
    FORMAT,
    MANIFEST,
    MEDIA_PREFIX,
    VENDOR_NAMES,
    BackupError,
    database_description,
    database_state,
    database_vendor,
    file_sha256,
    media_files,
    pg_run,
)

TARGET_ALIAS = "backup_target"


@dataclass
class RestoreReport:
    archive: Path
    vendor: str
    target: str
    media_root: Path
    counts: dict
    media_files: int
    notes: list[str] = field(default_factory=list)


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
    if file_sha256(database) != manifest["database"]["sha256"]:
        raise corrupt(f"mã kiểm tra SHA-256 của {database.name} không khớp")
    expected = manifest["media"]["sha256"]
    media = work / MEDIA_PREFIX
    present = {relative for _path, relative in media_files(media)}
    if missing := sorted(set(expected) - present):
        raise corrupt(f"thiếu {len(missing)} tệp media (ví dụ “{missing[0]}”)")
    if extra := sorted(present - set(expected)):
        raise corrupt(f"có {len(extra)} tệp media không ghi trong manifest (ví dụ “{extra[0]}”)")
    for relative, digest in expected.items():
        if file_sha256(media / relative) != digest:
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
        where = database_description(settings_dict)
        hint = (
            " Cơ sở dữ liệu đích phải có sẵn (tạo bằng createdb)."
            if database_vendor(settings_dict) == "postgresql"
            else ""
        )
        raise BackupError(f"Không kết nối được cơ sở dữ liệu đích ({where}): {str(error).strip()}.{hint}") from error
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
    vendor, where = database_vendor(target), database_description(target)
    work = _workdir(media_root)
    try:
        manifest = _extract(archive, work)
        source_vendor = manifest["database"]["vendor"]
        if source_vendor != vendor:
            raise BackupError(
                f"Bản sao lưu “{archive.name}” là của {VENDOR_NAMES.get(source_vendor, source_vendor)}, còn cơ sở "
                f"dữ liệu đích là {VENDOR_NAMES[vendor]} ({where}). Chỉ khôi phục được vào cùng loại "
                "cơ sở dữ liệu."
            )
        _verify_parts(archive, work, manifest)
        tables = _target_tables(target)
        if tables and not force:
            raise BackupError(
                f"Cơ sở dữ liệu đích ({where}) không trống: đã có {len(tables)} bảng. Khôi phục sẽ ghi "
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
            pg_run([*args, f"--dbname={target['NAME']}", str(database)], target)
        media_root.mkdir(parents=True, exist_ok=True)
        for relative in manifest["media"]["sha256"]:
            destination = media_root / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(work / MEDIA_PREFIX / relative, destination)
        report = RestoreReport(archive=archive, vendor=vendor, target=where, media_root=media_root,
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
            migrations, counts = database_state(cursor, wrapper.ops.quote_name)
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
