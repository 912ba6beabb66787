"""Issuing 1,000 certificates (rows, serial numbers, PNG and PDF files, the e-mails) against the
floor: drawing and saving the same 1,000 images with Pillow alone. Every run is rolled back and
its files removed."""

import shutil
import tempfile
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance.factories import SessionFactory
from attendance.models import AttendanceRecord
from bench.harness import Scenario
from certificates.rendering import certificate_files
from certificates.services import certificates_issue_offering, template_default
from courses.factories import CourseFactory
from enrollment.factories import FULL_NAMES, OfferingFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering, Participant
from lms.text import fold, name_sort_key

PEOPLE = 1_000


class _RollbackError(Exception):
    pass


def scenarios():
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    course = CourseFactory(title="Xây dựng và hoàn thiện hồ sơ sản phẩm OCOP", min_attendance_percent=80)
    offering = OfferingFactory(code="BENCH-CERT", unit=unit, kind=Offering.Kind.CLASS, course=course,
                               starts_on=date(2026, 11, 2), ends_on=date(2026, 11, 3))  # fmt: skip
    session = SessionFactory(offering=offering, date=date(2026, 11, 2))
    people = Participant.objects.bulk_create(
        Participant(full_name=(name := f"{FULL_NAMES[n % len(FULL_NAMES)]} {n}"), name_key=fold(name),
                    sort_key=name_sort_key(name), phone=f"07{n:08d}", birth_year=1960 + n % 40)
        for n in range(PEOPLE)
    )  # fmt: skip
    enrollments = Enrollment.objects.bulk_create(Enrollment(offering=offering, participant=p) for p in people)
    AttendanceRecord.objects.bulk_create(
        AttendanceRecord(enrollment=e, session=session, status="present", method="sheet") for e in enrollments
    )
    session.closed_at = session.ends()
    session.save()
    template_default()
    organizer = UserFactory(role=Role.ORGANIZER)
    media = Path(settings.MEDIA_ROOT) / "certificates"
    floor_dir = Path(tempfile.mkdtemp(prefix="certificates-floor-"))

    def ours():
        try:
            with transaction.atomic():
                report = certificates_issue_offering(offering=offering, by=organizer)
                assert len(report.issued) == PEOPLE
                raise _RollbackError
        except _RollbackError:
            pass
        shutil.rmtree(media, ignore_errors=True)

    samples = [template_default().sample() for _ in range(PEOPLE)]
    for n, sample in enumerate(samples):
        sample.full_name, sample.serial = f"{FULL_NAMES[n % len(FULL_NAMES)]} {n}", f"HN-2026-{n + 1:06d}"

    def floor():
        for sample in samples:
            png, pdf = certificate_files(sample, "https://daotao.ocop.example/xac-minh/7KQ2-M9XD-4TRP-WB3H-C8NF/")
            (floor_dir / f"{sample.serial}.png").write_bytes(png)
            (floor_dir / f"{sample.serial}.pdf").write_bytes(pdf)
        shutil.rmtree(floor_dir, ignore_errors=True)
        floor_dir.mkdir()

    return [Scenario("issue certificates (rows, serials, PNG + PDF)", f"{PEOPLE:,} people", ours,
                     "Pillow alone, same images", floor, runs=2, warmup=0)]  # fmt: skip
