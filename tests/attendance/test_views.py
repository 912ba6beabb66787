from datetime import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance import services
from attendance.factories import SessionFactory
from attendance.models import AttendanceRecord
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment
from tests.answers import outcome, redirected_to


@pytest.fixture
def unit(db):
    return AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")


@pytest.fixture
def organizer(unit):
    return UserFactory(role=Role.ORGANIZER, unit=unit)


def session_with(count, unit, **fields):
    session = SessionFactory(offering=OfferingFactory(unit=unit), **fields)
    enrollments = [
        Enrollment.objects.create(offering=session.offering, participant=ParticipantFactory()) for _ in range(count)
    ]
    return session, enrollments


def sheet_post(enrollments, status="present"):
    return {f"status-{e.pk}": status for e in enrollments} | {f"note-{e.pk}": "" for e in enrollments}


@pytest.mark.parametrize("count", [30, 300])
def test_the_sheet_loads_and_saves_in_constant_queries(client, organizer, unit, count):
    session, enrollments = session_with(count, unit)
    client.force_login(organizer)
    url = reverse("attendance:sheet", args=[session.pk])
    with CaptureQueriesContext(connection) as load:
        page = client.get(url)
    assert page.status_code == 200 and page.content.decode().count('value="present"') == count
    assert len(load) <= 14
    with CaptureQueriesContext(connection) as save:
        response = client.post(url, sheet_post(enrollments))
    assert redirected_to(response) == url
    assert len(save) <= 16
    assert AttendanceRecord.objects.filter(session=session, status="present").count() == count


def test_saving_from_two_tabs_leaves_one_record_each_with_the_last_change(client, organizer, unit):
    session, enrollments = session_with(3, unit)
    client.force_login(organizer)
    url = reverse("attendance:sheet", args=[session.pk])
    client.post(url, sheet_post(enrollments))
    client.post(url, sheet_post(enrollments) | {f"status-{enrollments[0].pk}": "excused"})
    assert AttendanceRecord.objects.count() == 3
    assert AttendanceRecord.objects.get(enrollment=enrollments[0]).status == "excused"


def test_trainers_take_attendance_only_for_the_offerings_they_teach(client, unit):
    session, _enrollments = session_with(2, unit)
    trainer, other = UserFactory(role=Role.TRAINER), UserFactory(role=Role.TRAINER)
    session.offering.trainers.add(trainer)
    client.force_login(trainer)
    assert client.get(reverse("attendance:sheet", args=[session.pk])).status_code == 200
    client.force_login(other)
    assert client.get(reverse("attendance:sheet", args=[session.pk])).status_code == 404
    elsewhere = AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà")
    client.force_login(UserFactory(role=Role.ORGANIZER, unit=elsewhere))
    assert client.get(reverse("attendance:offering", args=[session.offering.pk])).status_code == 404


def test_the_hub_generates_a_schedule_and_lists_sessions_with_counts(client, organizer, unit):
    offering = OfferingFactory(unit=unit)
    client.force_login(organizer)
    url = reverse("attendance:offering", args=[offering.pk])
    response = client.post(url, {"first_day": offering.starts_on.strftime("%d/%m/%Y"), "days": 2, "morning": "on"})
    assert redirected_to(response) == url
    page = client.get(url).content.decode()
    assert "Ngày 1 - sáng" in page and "Ngày 2 - sáng" in page and "Ngày 1 - chiều" not in page


def test_a_walk_in_from_the_sheet(client, organizer, unit):
    session, _enrollments = session_with(1, unit)
    client.force_login(organizer)
    url = reverse("attendance:sheet", args=[session.pk])
    client.post(url, {"walkin-full_name": "Hà Thị Thu Hương", "walkin-phone": "0915 222 333"})
    enrollment = Enrollment.objects.get(participant__full_name="Hà Thị Thu Hương")
    assert enrollment.source == "walk_in" and enrollment.attendance.get().status == "present"
    assert "Hà Thị Thu Hương" in client.get(url).content.decode()


def test_closing_marks_the_rest_absent(client, organizer, unit):
    session, enrollments = session_with(2, unit)
    client.force_login(organizer)
    client.post(reverse("attendance:sheet", args=[session.pk]), sheet_post(enrollments[:1]))
    client.post(reverse("attendance:close", args=[session.pk]))
    assert dict(AttendanceRecord.objects.values_list("enrollment_id", "status")) == {
        enrollments[0].pk: "present", enrollments[1].pk: "absent",
    }  # fmt: skip


def test_the_projector_screen_shows_a_qr_code_and_the_count(client, organizer, unit):
    session, _enrollments = session_with(2, unit)
    client.force_login(organizer)
    url = reverse("attendance:screen", args=[session.pk])
    page = client.get(url).content.decode()
    assert "<svg" in page and services.checkin_code(session) in page and "/ 2" in page
    assert '<link rel="icon" href="/static/img/favicon.svg"' in page  # no request for a missing /favicon.ico
    state = client.get(url, headers={"Accept": "application/json"}).json()
    assert state["count"] == 0 and state["url"].endswith(f"/diem-danh/{session.pk}/{state['code']}/")


@pytest.fixture
def now_session(clock, unit):
    """A session of one person that started five minutes ago, at 08:00 today."""
    clock.at(8, 5)

    def build(**fields):
        return session_with(1, unit, date=clock.today, starts_at=time(8, 0), ends_at=time(10, 0), **fields)

    return build


def test_a_learner_scans_logs_in_and_is_checked_in_once(client, now_session):
    session, [enrollment] = now_session()
    learner = UserFactory(role=Role.LEARNER)
    enrollment.participant.user = learner
    enrollment.participant.save()
    url = reverse("checkin", args=[session.pk, services.checkin_code(session)])
    anonymous = client.get(url).content.decode()
    assert "Đăng nhập để điểm danh" in anonymous
    client.force_login(learner)
    assert "Điểm danh cho tôi" in client.get(url).content.decode()
    done = client.post(url).content.decode()
    assert "Có mặt" in done and AttendanceRecord.objects.get().method == "qr"
    again = client.post(url).content.decode()
    assert "Bạn đã điểm danh lúc 08:05." in again and "Điểm danh cho tôi" not in again
    assert AttendanceRecord.objects.count() == 1


def test_a_stale_code_is_refused_unless_this_browser_scanned_in_time(client, now_session):
    session, _enrollments = now_session()
    stale = reverse("checkin", args=[session.pk, "AAAAAA"])
    assert client.get(stale).status_code == 403
    client.get(reverse("checkin", args=[session.pk, services.checkin_code(session)]))
    assert client.get(stale).status_code == 200  # the grant from the scan covers the login round trip


def test_phone_and_year_of_birth_check_in_where_allowed(client, now_session):
    session, [enrollment] = now_session(phone_checkin=True)
    person = enrollment.participant
    person.birth_year = 1980
    person.save()
    url = reverse("checkin", args=[session.pk, services.checkin_code(session)])
    wrong = client.post(url, {"phone": person.phone, "birth_year": "1981"}).content.decode()
    assert "Không có ai trong danh sách" in wrong
    client.post(url, {"phone": person.phone, "birth_year": "1980"})
    assert AttendanceRecord.objects.get().method == "phone"


def test_typing_the_short_code_leads_to_the_session(client, now_session):
    session, _enrollments = now_session()
    code = services.checkin_code(session)
    response = client.post(reverse("checkin_code"), {"code": code.lower()})
    assert response.url == reverse("checkin", args=[session.pk, code])
    assert "không khớp" in client.post(reverse("checkin_code"), {"code": "XXXXXX"}).content.decode()


def test_learners_see_their_own_attendance_on_my_classes(client, organizer, unit):
    session, [enrollment] = session_with(1, unit)
    SessionFactory(offering=session.offering)  # a second one, not held yet
    learner = UserFactory(role=Role.LEARNER)
    enrollment.participant.user = learner
    enrollment.participant.save()
    services.attendance_save(session=session, marks={enrollment.pk: services.Mark("present")}, by=organizer)
    services.session_close(session=session, by=organizer)
    client.force_login(learner)
    page = client.get(reverse("my_classes")).content.decode()
    assert "Điểm danh: dự 1/1 buổi đã diễn ra" in page


def test_organizers_add_and_edit_single_sessions_of_their_units_only(client, organizer, unit):
    offering = OfferingFactory(unit=unit)
    client.force_login(organizer)
    form = client.get(reverse("sessions:add") + f"?offering={offering.pk}").content.decode()
    assert f'<option value="{offering.pk}" selected>' in form
    response = client.post(
        reverse("sessions:add"),
        {"offering": offering.pk, "title": "Tham quan mô hình HTX Gốm sứ",
         "date": offering.starts_on.strftime("%d/%m/%Y"), "starts_at": "14:00", "ends_at": "16:30",
         "venue": "HTX Gốm sứ Bát Tràng", "required": "on", "late_after_minutes": 10},
    )  # fmt: skip
    assert response.status_code == 302 and response.url == reverse("attendance:offering", args=[offering.pk])
    session = offering.sessions.get()
    assert (session.title, session.late_after_minutes) == ("Tham quan mô hình HTX Gốm sứ", 10)
    elsewhere = AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà")
    client.force_login(UserFactory(role=Role.ORGANIZER, unit=elsewhere))
    assert client.get(reverse("sessions:edit", args=[session.pk])).status_code == 404


@pytest.mark.parametrize("count", [5, 60])
def test_the_attendance_page_runs_a_constant_number_of_queries(client, organizer, unit, count):
    session, enrollments = session_with(count, unit)
    for _ in range(3):
        SessionFactory(offering=session.offering)
    services.attendance_save(session=session, marks={e.pk: services.Mark("present") for e in enrollments}, by=organizer)
    services.session_close(session=session, by=organizer)
    client.force_login(organizer)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("attendance:offering", args=[session.offering.pk]))
    assert page.status_code == 200 and f"{count} / {count}" in page.content.decode()
    assert len(queries) <= 16


@pytest.mark.parametrize("role", [Role.ORGANIZER, Role.TRAINER])
def test_a_walk_in_phone_of_someone_in_another_commune_reveals_no_name_and_reaches_no_one(client, unit, role):
    session, _enrollments = session_with(1, unit)
    elsewhere = AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà")
    stranger = ParticipantFactory(full_name="Lê Xuân Ất", phone="0987654321", unit=elsewhere)
    sender = UserFactory(role=role, unit=unit if role == Role.ORGANIZER else None)
    session.offering.trainers.add(sender)
    client.force_login(sender)
    url = reverse("attendance:sheet", args=[session.pk])
    page = client.post(url, {"walkin-full_name": "Nguyễn Văn Khách", "walkin-phone": "+84 987 654 321"}, follow=True)
    html = page.content.decode()
    assert "Lê Xuân Ất" not in html and "Nguyễn Văn Khách" in html
    assert "Số điện thoại này đã có trong hồ sơ của một người do đơn vị khác quản lý" in html
    assert not Enrollment.objects.filter(participant=stranger).exists()
    newcomer = Enrollment.objects.get(offering=session.offering, source="walk_in").participant
    assert (newcomer.full_name, newcomer.phone) == ("Nguyễn Văn Khách", "")
    assert outcome(client.get(reverse("participants:edit", args=[stranger.pk]))) in (404, "home")


def test_a_walk_in_phone_of_someone_of_the_organizers_unit_finds_them(client, organizer, unit):
    session, _enrollments = session_with(1, unit)
    neighbour = ParticipantFactory(full_name="Đinh Thị Ngọc Ánh", phone="0913111222", unit=unit)
    client.force_login(organizer)
    url = reverse("attendance:sheet", args=[session.pk])
    html = client.post(url, {"walkin-full_name": "Ánh", "walkin-phone": "913 111 222"}, follow=True).content.decode()
    assert "Đã thêm Đinh Thị Ngọc Ánh và ghi có mặt." in html
    assert Enrollment.objects.get(offering=session.offering, source="walk_in").participant == neighbour


def test_wrong_check_in_codes_are_limited_but_a_room_typing_the_right_one_is_not(client, now_session):
    session, _enrollments = now_session()
    entry = reverse("checkin_code")
    for _ in range(30):
        assert client.post(entry, {"code": "XXXXXX"}).status_code == 200
    assert client.post(entry, {"code": "XXXXXX"}).status_code == 429
    link = reverse("checkin", args=[session.pk, "YYYYYY"])
    assert client.get(link).status_code == 429  # guessing through the link counts the same
    client.cookies.clear()
    cache.clear()
    right = services.checkin_code(session)
    for _ in range(60):  # everyone in the room, behind one address, types the code on the screen
        assert client.post(entry, {"code": right}).status_code == 302


def test_a_schedule_for_the_year_9999_is_refused_with_a_reason(client, organizer, unit):
    offering = OfferingFactory(unit=unit)
    client.force_login(organizer)
    url = reverse("attendance:offering", args=[offering.pk])
    page = client.post(url, {"first_day": "31/12/9999", "days": 3, "morning": "on"})
    assert page.status_code == 200 and "Nhập ngày trong khoảng từ 01/01/2000 đến 31/12/2099." in page.content.decode()
    assert not offering.sessions.exists()


@pytest.mark.parametrize("minutes", ["99999", "241", "-1"])
def test_a_grace_time_out_of_bounds_is_refused_on_the_form_on_every_database(client, organizer, unit, minutes):
    offering = OfferingFactory(unit=unit)
    client.force_login(organizer)
    response = client.post(reverse("sessions:add"), {
        "offering": offering.pk, "title": "Buổi sáng", "date": offering.starts_on.strftime("%d/%m/%Y"),
        "starts_at": "07:30", "ends_at": "11:30", "required": "on", "late_after_minutes": minutes,
    })  # fmt: skip
    assert response.status_code == 200 and "Đảm bảo giá trị này" in response.content.decode()
    assert not offering.sessions.exists()


def test_entering_the_code_again_after_checking_in_says_when_instead_of_offering_the_button(client, now_session, clock):
    session, [enrollment] = now_session()  # 08:05, the session began at 08:00
    learner = UserFactory(role=Role.LEARNER)
    enrollment.participant.user = learner
    enrollment.participant.save()
    client.force_login(learner)
    client.post(reverse("checkin", args=[session.pk, services.checkin_code(session)]))

    clock.at(9, 40)  # later in the session, the learner scans the screen again (a new code by now)
    page = client.get(reverse("checkin", args=[session.pk, services.checkin_code(session)])).content.decode()
    assert "Bạn đã điểm danh lúc 08:05." in page and "Có mặt" in page
    assert "Điểm danh cho tôi" not in page
    typed = client.post(reverse("checkin_code"), {"code": services.checkin_code(session)}, follow=True)
    assert "Bạn đã điểm danh lúc 08:05." in typed.content.decode()
    assert AttendanceRecord.objects.get().checked_in_at.minute == 5  # the record is untouched


def test_a_learner_the_organizers_marked_on_the_sheet_is_told_so_with_the_local_time(client, now_session, organizer):
    session, [enrollment] = now_session()  # 08:05 in Hanoi (01:05 UTC)
    services.attendance_save(session=session, marks={enrollment.pk: services.Mark("late")}, by=organizer)
    learner = UserFactory(role=Role.LEARNER)
    enrollment.participant.user = learner
    enrollment.participant.save()
    client.force_login(learner)
    page = client.get(reverse("checkin", args=[session.pk, services.checkin_code(session)])).content.decode()
    assert "Bạn đã điểm danh lúc 08:05." in page and "Đi muộn" in page
    assert "Điểm danh cho tôi" not in page


def test_a_session_under_way_is_in_progress_on_the_learners_page_the_sessions_list_and_the_sheet(
    client, organizer, unit, clock
):
    clock.at(9, 0)
    session, [enrollment] = session_with(1, unit, title="Ngày 1 - sáng", date=clock.today, starts_at=time(7, 30),
                                         ends_at=time(11, 30))  # fmt: skip
    SessionFactory(offering=session.offering, title="Ngày 1 - chiều", date=clock.today, starts_at=time(13, 30),
                   ends_at=time(17, 0))  # fmt: skip
    learner = UserFactory(role=Role.LEARNER)
    enrollment.participant.user = learner
    enrollment.participant.save()

    client.force_login(learner)
    card = client.get(reverse("my_classes")).content.decode()
    assert "Đang diễn ra</span> Ngày 1 - sáng" in card
    client.force_login(organizer)
    listing = client.get(reverse("attendance:offering", args=[session.offering.pk])).content.decode()
    assert listing.count('session-state--in_progress">Đang diễn ra<') == 1
    assert listing.count('session-state--upcoming">Sắp diễn ra<') == 1
    assert "Đang diễn ra" in client.get(reverse("attendance:sheet", args=[session.pk])).content.decode()

    clock.at(12, 0)  # between the two: the morning is over, the afternoon comes next
    client.force_login(learner)
    card = client.get(reverse("my_classes")).content.decode()
    assert "Sắp diễn ra</span> Ngày 1 - chiều" in card and "Đang diễn ra" not in card
    client.force_login(organizer)
    listing = client.get(reverse("attendance:offering", args=[session.offering.pk])).content.decode()
    assert "Đang diễn ra" not in listing and listing.count('session-state--over">Đã diễn ra<') == 1
