from datetime import time, timedelta

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance import services
from attendance.factories import SessionFactory
from attendance.models import AttendanceChange, AttendanceRecord
from attendance.selectors import offering_attendance, session_sheet
from attendance.services import AttendanceError, Mark
from courses.factories import CourseFactory
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import Enrollment, Offering

P, L, E, A = "present", "late", "excused", "absent"


@pytest.fixture
def organizer(db):
    return UserFactory(role=Role.ORGANIZER)


def enroll(offering, count):
    return [
        Enrollment.objects.create(offering=offering, participant=ParticipantFactory(), source="roster")
        for _ in range(count)
    ]


def at(session, minutes):
    """A moment `minutes` after the session starts."""
    return session.starts() + timedelta(minutes=minutes)


def next_month():
    return timezone.localdate() + timedelta(days=30)


def test_a_three_day_schedule_of_mornings_and_afternoons_is_generated_once(db):
    first_day = next_month()
    offering = OfferingFactory(starts_on=first_day)
    sessions = services.schedule_generate(offering=offering, first_day=first_day, days=3)
    assert [(s.title, (s.date - first_day).days, s.starts_at) for s in sessions[:3]] == [
        ("Ngày 1 - sáng", 0, time(7, 30)), ("Ngày 1 - chiều", 0, time(13, 30)), ("Ngày 2 - sáng", 1, time(7, 30)),
    ]  # fmt: skip
    assert len(services.schedule_generate(offering=offering, first_day=first_day, days=3)) == 6


def test_saving_a_sheet_twice_keeps_one_record_each_and_the_last_change(organizer):
    session = SessionFactory()
    first, second = enroll(session.offering, 2)
    services.attendance_save(session=session, marks={first.pk: Mark(P), second.pk: Mark(A)}, by=organizer)
    services.attendance_save(session=session, marks={first.pk: Mark(P), second.pk: Mark(E, "ốm")}, by=organizer)
    records = {r.enrollment_id: (r.status, r.note) for r in AttendanceRecord.objects.all()}
    assert records == {first.pk: (P, ""), second.pk: (E, "ốm")}
    history = list(AttendanceChange.objects.filter(record__enrollment=second).values_list("old_status", "new_status"))
    assert history == [(A, E), ("", A)]  # newest first; the unchanged first record has one entry only
    assert AttendanceChange.objects.filter(record__enrollment=first).count() == 1


def test_a_sheet_cannot_mark_someone_from_another_offering(organizer):
    session = SessionFactory()
    stranger = enroll(OfferingFactory(), 1)[0]
    with pytest.raises(AttendanceError):
        services.attendance_save(session=session, marks={stranger.pk: Mark(P)}, by=organizer)
    assert not AttendanceRecord.objects.exists()


def test_qr_check_in_is_present_then_late_once_and_only_in_the_window(db):
    session = SessionFactory(late_after_minutes=15)
    early, late = enroll(session.offering, 2)
    result = services.checkin(session=session, participant=early.participant, at=at(session, 5))
    assert (result.record.status, result.record.method, result.already) == (P, "qr", False)
    assert services.checkin(session=session, participant=early.participant, at=at(session, 7)).already
    assert services.checkin(session=session, participant=late.participant, at=at(session, 20)).record.status == L
    with pytest.raises(AttendanceError, match="chưa mở điểm danh"):
        services.checkin(session=session, participant=late.participant, at=at(session, -45))
    with pytest.raises(AttendanceError, match="đã kết thúc"):
        services.checkin(session=session, participant=late.participant, at=session.ends() + timedelta(minutes=1))
    assert AttendanceRecord.objects.count() == 2


def test_check_in_refuses_closed_sessions_and_people_not_on_the_list(organizer):
    session = SessionFactory()
    with pytest.raises(AttendanceError, match="không có tên trong danh sách"):
        services.checkin(session=session, participant=ParticipantFactory(), at=at(session, 1))
    services.session_close(session=session, by=organizer)
    session.refresh_from_db()
    enrolled = enroll(session.offering, 1)[0]
    with pytest.raises(AttendanceError, match="Buổi học đã đóng"):
        services.checkin(session=session, participant=enrolled.participant, at=at(session, 1))


def test_the_code_changes_every_minute_and_the_previous_one_still_works(db):
    session = SessionFactory()
    now = timezone.localtime().replace(hour=8, minute=0, second=30, microsecond=0)
    code = services.checkin_code(session, now)
    assert len(code) == 6 and set(code) <= set(services.CODE_ALPHABET)
    assert services.checkin_code(session, now + timedelta(minutes=1)) != code
    assert services.checkin_code_valid(session, code.lower(), now + timedelta(seconds=60))
    assert not services.checkin_code_valid(session, code, now + timedelta(seconds=150))
    assert services.checkin_code(SessionFactory(), now) != code


def test_a_typed_code_finds_the_session_that_is_open_now(db):
    session = SessionFactory(date=timezone.localdate())
    now = at(session, 3)
    assert services.sessions_open_for_code(services.checkin_code(session, now), now) == session
    assert services.sessions_open_for_code("AAAAAA", now) is None


def test_phone_and_year_of_birth_identify_a_learner_only_where_allowed(db):
    session = SessionFactory(phone_checkin=False)
    enrollment = enroll(session.offering, 1)[0]
    person = enrollment.participant
    person.birth_year = 1978
    person.save()
    with pytest.raises(AttendanceError, match="vui lòng đăng nhập"):
        services.participant_by_phone(session=session, phone=person.phone, birth_year="1978")
    session.phone_checkin = True
    found = services.participant_by_phone(session=session, phone=person.phone[1:], birth_year="1978")  # zero lost
    assert found == person
    with pytest.raises(AttendanceError, match="Không có ai"):
        services.participant_by_phone(session=session, phone=person.phone, birth_year="1979")


def test_a_walk_in_is_enrolled_as_walk_in_and_marked_present(organizer):
    session = SessionFactory()
    known = ParticipantFactory(full_name="Đinh Thị Ngọc Ánh", phone="0913111222")
    enrollment = services.walk_in_add(
        session=session, full_name="Đinh Thị Ngọc Ánh", phone="913 111 222", by=UserFactory(role=Role.ADMINISTRATOR)
    ).enrollment
    assert (enrollment.participant, enrollment.source) == (known, "walk_in")
    newcomer = services.walk_in_add(session=session, full_name="Tạ Văn Đông", phone="0977000111", by=organizer)
    assert newcomer.enrollment.participant.full_name == "Tạ Văn Đông" and not newcomer.phone_withheld
    assert set(AttendanceRecord.objects.values_list("status", "method")) == {(P, "walk_in")}


def test_closing_a_session_marks_the_rest_absent_once(organizer):
    session = SessionFactory()
    here, away = enroll(session.offering, 2)
    services.checkin(session=session, participant=here.participant, at=at(session, 1))
    assert services.session_close(session=session, by=organizer) == 1
    assert services.session_close(session=session, by=organizer) == 0
    assert dict(AttendanceRecord.objects.values_list("enrollment_id", "status")) == {here.pk: P, away.pk: A}


def test_rates_count_held_sessions_and_list_who_is_at_risk(organizer):
    course = CourseFactory(min_attendance_percent=75, excused_counts_as_attended=False)
    offering = OfferingFactory(kind=Offering.Kind.CLASS, course=course, starts_on=next_month())
    sessions = services.schedule_generate(offering=offering, first_day=offering.starts_on, days=2)
    good, excused, poor = enroll(offering, 3)
    for session, marks in zip(sessions[:3], [(P, E, A), (L, E, P), (P, P, A)], strict=True):
        services.attendance_save(
            session=session, by=organizer,
            marks={e.pk: Mark(m) for e, m in zip((good, excused, poor), marks, strict=True)},
        )  # fmt: skip
    during = offering_attendance(offering, now=sessions[2].ends() + timedelta(minutes=1))
    rows = {row.enrollment.pk: row for row in during.rows}
    assert len(during.held) == 3
    assert (rows[good.pk].present, rows[good.pk].late, rows[good.pk].rate) == (2, 1, 100.0)
    assert (rows[excused.pk].excused, round(rows[excused.pk].rate, 1)) == (2, 33.3)
    assert round(rows[poor.pk].rate, 1) == 33.3 and rows[poor.pk].missed_required == 2
    assert {row.enrollment.pk for row in during.at_risk} == {excused.pk, poor.pk}
    assert during.average == 55.6

    course.excused_counts_as_attended = True
    course.save()
    offering.refresh_from_db()
    final = offering_attendance(offering, final=True)
    rows = {row.enrollment.pk: row for row in final.rows}
    assert (len(final.held), rows[excused.pk].rate, rows[good.pk].rate) == (4, 75.0, 75.0)
    assert rows[good.pk].meets_minimum and not rows[poor.pk].meets_minimum


def test_the_sheet_lists_everyone_enrolled_in_vietnamese_name_order(organizer):
    session = SessionFactory()
    for name in ("Trần Văn Đức", "Nguyễn Thị Ánh", "Lê Văn Bình", "Đỗ Thị Ấn"):
        Enrollment.objects.create(offering=session.offering, participant=ParticipantFactory(full_name=name))
    Enrollment.objects.create(offering=session.offering, participant=ParticipantFactory(), status="cancelled")
    names = [enrollment.participant.full_name for enrollment, _record in session_sheet(session)]
    assert names == ["Nguyễn Thị Ánh", "Đỗ Thị Ấn", "Lê Văn Bình", "Trần Văn Đức"]


def test_the_attendance_report_command(organizer):
    import json
    from io import StringIO

    from django.core.management import call_command

    course = CourseFactory(min_attendance_percent=50)
    offering = OfferingFactory(kind=Offering.Kind.CLASS, course=course, code="HN-2026-SX-07")
    first, second = (SessionFactory(offering=offering) for _ in range(2))
    dao = Enrollment.objects.create(offering=offering, participant=ParticipantFactory(full_name="Nguyễn Thị Hồng Đào"))
    for session, status in ((first, P), (second, A)):
        services.attendance_save(session=session, marks={dao.pk: Mark(status)}, by=organizer)
        services.session_close(session=session, by=organizer)
    out = StringIO()
    call_command("attendance_report", "--offering", "HN-2026-SX-07", "--json", stdout=out)
    [row] = json.loads(out.getvalue())
    assert (row["participant"], row["attended"], row["absent"], row["rate"], row["meets_minimum"]) == (
        "Nguyễn Thị Hồng Đào", 1, 1, 50.0, True,
    )  # fmt: skip
    text = StringIO()
    call_command("attendance_report", "--offering", "HN-2026-SX-07", stdout=text)
    assert "Nguyễn Thị Hồng Đào: có mặt 1, có phép 0, vắng 1, tỉ lệ 50.0 % đạt" in text.getvalue()


def test_closing_can_be_configured_to_leave_the_unmarked_alone(organizer, settings):
    settings.ATTENDANCE_CLOSE_MARKS_ABSENT = False
    session = SessionFactory()
    enroll(session.offering, 2)
    assert services.session_close(session=session, by=organizer) == 0
    session.refresh_from_db()
    assert session.is_closed and not AttendanceRecord.objects.exists()
