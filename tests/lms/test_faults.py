"""A failure in the middle of a write leaves the database as it was; an interrupted certificate
batch, run again, ends with one certificate per eligible person and no gap or repeat in serials."""

from unittest import mock

import openpyxl
import pytest
from django.db import DatabaseError

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance import services as attendance
from attendance.factories import SessionFactory
from attendance.models import AttendanceChange, AttendanceRecord
from attendance.services import Mark
from certificates import services as certificates
from certificates.models import Certificate
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import Enrollment, Participant
from enrollment.roster import importer
from enrollment.roster.reader import read_roster
from enrollment.synthetic import person
from tests.certificates.test_services import finished_class


def _fail_on_call(number, real):
    """A stand-in for `real` that raises a database error on its `number`-th call."""
    calls = {"n": 0}

    def call(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == number:
            raise DatabaseError("mất kết nối cơ sở dữ liệu (giả lập)")
        return real(*args, **kwargs)

    return call


def test_a_roster_import_failing_in_its_third_chunk_writes_nothing(db, tmp_path):
    import random

    rng = random.Random(9)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["STT", "Họ và tên", "Năm sinh", "Số điện thoại"])
    for number in range(1, 2501):
        someone = person(rng, number)
        sheet.append([number, someone.full_name, someone.birth_year, someone.phone])
    workbook.save(tmp_path / "danh-sach.xlsx")
    offering = OfferingFactory()
    before = (Participant.objects.count(), Enrollment.objects.count())

    take = importer._Importer.take
    with mock.patch.object(importer._Importer, "take", autospec=True, side_effect=_fail_on_call(3, take)):
        with pytest.raises(DatabaseError):
            importer.roster_import(roster=read_roster(tmp_path / "danh-sach.xlsx"), offering=offering)
    assert (Participant.objects.count(), Enrollment.objects.count()) == before  # two chunks were rolled back

    report = importer.roster_import(roster=read_roster(tmp_path / "danh-sach.xlsx"), offering=offering)
    assert report.written and offering.enrollments.count() == 2500  # and the file imports whole afterwards


def test_an_attendance_save_failing_before_its_history_changes_nothing(db):
    organizer = UserFactory(role=Role.ORGANIZER)
    session = SessionFactory()
    enrollments = [Enrollment.objects.create(offering=session.offering, participant=ParticipantFactory())
                   for _ in range(5)]  # fmt: skip
    attendance.attendance_save(session=session, marks={e.pk: Mark("present") for e in enrollments}, by=organizer)

    real = AttendanceChange.objects.bulk_create
    with mock.patch.object(AttendanceChange.objects, "bulk_create", side_effect=_fail_on_call(1, real)):
        with pytest.raises(DatabaseError):
            attendance.attendance_save(session=session, marks={e.pk: Mark("absent") for e in enrollments},
                                       by=organizer)  # fmt: skip
    assert set(AttendanceRecord.objects.values_list("status", flat=True)) == {"present"}
    assert AttendanceChange.objects.count() == 5  # only the first save's history


def test_a_certificate_batch_stopped_halfway_and_run_again_issues_each_once_without_gaps(db):
    organizer = UserFactory(role=Role.ORGANIZER)
    names = ["Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Lê Thị Ánh Tuyết", "Phạm Quốc Bảo", "Hoàng Thị Lan Anh",
             "Vũ Đình Khôi"]  # fmt: skip
    offering, _people = finished_class(organizer, {name: ("present",) for name in names})

    def stop_after_three(done, total):
        if done == 3:
            raise KeyboardInterrupt  # the worker killed mid-batch

    with pytest.raises(KeyboardInterrupt):
        certificates.certificates_issue_offering(offering=offering, progress=stop_after_three, draw=False)
    assert Certificate.objects.count() == 3
    report = certificates.certificates_issue_offering(offering=offering, draw=False)
    assert (len(report.issued), len(report.already_issued)) == (3, 3)

    issued = Certificate.objects.filter(enrollment__offering=offering, is_current=True)
    assert sorted(issued.values_list("enrollment_id", flat=True)) == sorted(
        offering.enrollments.values_list("pk", flat=True)
    )
    numbers = sorted(int(serial.rsplit("-", 1)[1]) for serial in issued.values_list("serial", flat=True))
    assert numbers == list(range(numbers[0], numbers[0] + len(names)))  # no gap, no repeat
