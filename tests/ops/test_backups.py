"""`manage.py backup` / `restore`: a small program round-trips through an archive into a fresh
database and media directory (a new SQLite file, or a scratch PostgreSQL database), and broken,
foreign or misdirected archives are refused before anything is written."""

import io
import json
import tarfile
import uuid
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from attendance import services as attendance
from attendance.factories import SessionFactory
from attendance.models import AttendanceRecord
from attendance.services import Mark
from certificates.models import Certificate
from certificates.services import certificate_issue
from enrollment.factories import OfferingFactory, ParticipantFactory, UnitFactory
from enrollment.models import Enrollment, Offering, Participant
from ops.restore import database_open

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump reads only what is committed

PEOPLE = ["Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Lê Thị Ánh Tuyết", "Phạm Quốc Bảo", "Đỗ Thị Ngọc Ánh"]
MODELS = [Participant, Offering, Enrollment, AttendanceRecord, Certificate]


@pytest.fixture
def program(media):
    """Two sessions, five people (one absent twice), a certificate each for the other four, with
    their PNG and PDF, and a roster upload lying in media."""
    unit = UnitFactory(code="01", name="Hà Nội", level="province", type="city")
    held = timezone.localdate() - timedelta(days=30)
    offering = OfferingFactory(unit=unit, kind=Offering.Kind.CONFERENCE, starts_on=held, ends_on=held,
                               title="Hội nghị triển khai OCOP năm 2026")  # fmt: skip
    sessions = [SessionFactory(offering=offering) for _ in range(2)]
    enrollments = [
        Enrollment.objects.create(offering=offering, participant=ParticipantFactory(full_name=name)) for name in PEOPLE
    ]
    for session in sessions:
        marks = {e.pk: Mark("absent" if e.participant.full_name == "Phạm Quốc Bảo" else "present") for e in enrollments}
        attendance.attendance_save(session=session, marks=marks, by=None)
        attendance.session_close(session=session, by=None)
    for enrollment in enrollments:
        if enrollment.participant.full_name != "Phạm Quốc Bảo":
            certificate_issue(enrollment=enrollment)
    roster = Path(media, "rosters/2026/11/danh-sách-học-viên.xlsx")
    roster.parent.mkdir(parents=True)
    roster.write_bytes(b"PK\x03\x04 not really a workbook " * 100)
    return offering


@pytest.fixture
def target(tmp_path):
    """A database URL for an empty database of the same vendor as the test database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host, port = settings_dict.get("HOST") or "127.0.0.1", settings_dict.get("PORT") or 5432
    try:
        yield f"postgres://{user}{password}@{host}:{port}/{name}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def backup(tmp_path) -> Path:
    out = StringIO()
    call_command("backup", "--output-dir", str(tmp_path / "backups"), stdout=out)
    return Path(out.getvalue().strip().splitlines()[-1])


def restore(archive, target, media_root, *extra) -> str:
    out = StringIO()
    call_command("restore", str(archive), "--database-url", target, "--media-root", str(media_root), *extra,
                 stdout=out)  # fmt: skip
    return out.getvalue()


def rows(model, db=connection):
    """Every row of the model's table as the database returns it."""
    with db.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {db.ops.quote_name(model._meta.db_table)} ORDER BY id")
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def test_a_backup_restores_every_person_enrollment_record_and_certificate(program, media, tmp_path, target):
    archive = backup(tmp_path)
    assert archive.name.startswith("ocop-") and archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    database = "database.sqlite3" if connection.vendor == "sqlite" else "database.dump"
    assert names[0] == database and names[-1] == "manifest.json"
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["migrations"]["certificates"].startswith("00")
    counts = manifest["counts"]
    assert (counts["participants"], counts["enrollments"], counts["attendance_records"], counts["certificates"]) == (
        5, 5, 10, 4,
    )  # fmt: skip
    certificates = list(Certificate.objects.all())
    files = {c.png.name for c in certificates} | {c.pdf.name for c in certificates}
    assert len(files) == 8 and files < set(manifest["media"]["sha256"])
    assert "rosters/2026/11/danh-sách-học-viên.xlsx" in manifest["media"]["sha256"]

    restored_media = tmp_path / "restored-media"
    output = restore(archive, target, restored_media)
    assert "Đã khôi phục" in output and "4 giấy chứng nhận" in output and "10 bản ghi điểm danh" in output

    with database_open(target) as restored_db:
        for model in MODELS:
            assert rows(model, restored_db) == rows(model), model.__name__
        assert sorted(row["full_name"] for row in rows(Participant, restored_db)) == sorted(PEOPLE)
        restored = rows(Certificate, restored_db)
    assert len(restored) == 4
    for certificate in restored:
        for name in (certificate["png"], certificate["pdf"]):
            assert (restored_media / name).read_bytes() == (media / name).read_bytes()
        assert (restored_media / certificate["png"]).read_bytes().startswith(b"\x89PNG")
        assert (restored_media / certificate["pdf"]).read_bytes().startswith(b"%PDF")
    roster = "rosters/2026/11/danh-sách-học-viên.xlsx"
    assert (restored_media / roster).read_bytes() == (media / roster).read_bytes()

    # The target now holds the program: restoring again is refused, unless forced.
    with pytest.raises(CommandError, match="không trống"):
        restore(archive, target, restored_media)
    assert "Đã khôi phục" in restore(archive, target, restored_media, "--force")
    with database_open(target) as restored_db:
        assert rows(Certificate, restored_db) == rows(Certificate)


def rewrite(archive: Path, destination: Path, change) -> Path:
    """A copy of `archive` with `change(name, data)` applied to each member's bytes."""
    with tarfile.open(archive) as source, tarfile.open(destination, "w:gz") as copy:
        for member in source:
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return destination


def test_broken_foreign_and_misdirected_archives_are_refused(program, media, tmp_path, target):
    archive = backup(tmp_path)
    fresh = tmp_path / "fresh-media"

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="bị hỏng hoặc không đầy đủ"):
        restore(truncated, target, fresh)

    def tamper(name, data):
        return data.replace(b"PK", b"XX") if name.startswith("media/rosters/") else data

    with pytest.raises(CommandError, match="SHA-256 của tệp media .*danh-sách-học-viên.xlsx.* không khớp"):
        restore(rewrite(archive, tmp_path / "tampered.tar.gz", tamper), target, fresh)

    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"

    def foreign(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["database"]["vendor"] = other
        return json.dumps(manifest).encode()

    with pytest.raises(CommandError, match="Chỉ khôi phục được vào cùng loại"):
        restore(rewrite(archive, tmp_path / "foreign.tar.gz", foreign), target, fresh)

    with pytest.raises(CommandError, match="Không tìm thấy tệp sao lưu"):
        restore(tmp_path / "nope.tar.gz", target, fresh)

    # The project's own database is not empty: without --force nothing is touched.
    out = StringIO()
    with pytest.raises(CommandError, match="không trống"):
        call_command("restore", str(archive), "--media-root", str(fresh), stdout=out)
    assert not fresh.exists()
    assert Participant.objects.count() == 5
