"""Simultaneous QR check-ins and sheet saves for the same people and sessions (PostgreSQL)."""

import threading
from datetime import time

import pytest
from django.db import connection

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance import services
from attendance.factories import SessionFactory
from attendance.models import AttendanceRecord
from attendance.services import Mark
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import Enrollment

PEOPLE, SHEETS = 20, 4


@pytest.mark.django_db(transaction=True)
def test_check_ins_and_sheet_saves_racing_leave_exactly_one_record_each(clock):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every write; the race is only meaningful on PostgreSQL")
    offering = OfferingFactory()
    clock.at(8, 5)
    sessions = [
        SessionFactory(offering=offering, date=clock.today, starts_at=time(8, n), ends_at=time(10, 0)) for n in range(2)
    ]
    enrollments = [
        Enrollment.objects.create(offering=offering, participant=ParticipantFactory()) for _ in range(PEOPLE)
    ]
    organizer = UserFactory(role=Role.ORGANIZER)
    barrier = threading.Barrier(PEOPLE * len(sessions) + SHEETS * len(sessions))
    errors = []

    def run(work):
        try:
            barrier.wait()
            work()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    jobs = [
        lambda s=session, e=enrollment: services.checkin(session=s, participant=e.participant)
        for session in sessions
        for enrollment in enrollments
    ] + [
        lambda s=session, n=n: services.attendance_save(
            session=s, by=organizer, marks={e.pk: Mark("present" if n % 2 else "excused") for e in enrollments}
        )
        for session in sessions
        for n in range(SHEETS)
    ]
    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    records = AttendanceRecord.objects.filter(session__in=sessions)
    assert records.count() == PEOPLE * len(sessions)
    pairs = set(records.values_list("enrollment_id", "session_id"))
    assert pairs == {(e.pk, s.pk) for e in enrollments for s in sessions}  # none lost
    assert set(records.values_list("status", flat=True)) <= {"present", "excused", "late"}
