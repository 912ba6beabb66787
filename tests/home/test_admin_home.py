"""The admin's home page: each role's panels (sessions, rosters, certificates, lessons in review, the
dashboard), only within what the user may see, each saying when it is empty, in a fixed number of queries."""

import re
from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance.factories import SessionFactory
from attendance.services import Mark, attendance_save
from certificates.models import Certificate
from courses import services as course_services
from courses.factories import CourseFactory, LessonFactory
from courses.review import review_workflow_ensure
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering, RosterImport, RosterImportRow

HOME = "/admin/"


def other_day_this_week(today):
    """Another day of today's Monday-to-Sunday week."""
    return today + timedelta(days=1) if today.weekday() < 6 else today - timedelta(days=1)


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def units(db):
    return {
        "A": AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng"),
        "B": AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà"),
    }


@pytest.fixture
def people(units):
    return {
        "organizer_a": UserFactory(role=Role.ORGANIZER, unit=units["A"]),
        "organizer_b": UserFactory(role=Role.ORGANIZER, unit=units["B"]),
        "trainer": UserFactory(role=Role.TRAINER),
        "administrator": UserFactory(role=Role.ADMINISTRATOR),
        "learner": UserFactory(role=Role.LEARNER),
    }


def offering_with_sessions(unit, code, title, dates, **fields):
    offering = OfferingFactory(unit=unit, code=code, title=title, starts_on=min(dates), ends_on=max(dates), **fields)
    sessions = [
        SessionFactory(
            offering=offering, title=f"{title} – buổi {n + 1}", date=day, starts_at=time(7, 30), ends_at=time(11, 30)
        )  # fmt: skip
        for n, day in enumerate(dates)
    ]
    return offering, sessions


def roster(offering, name, status=RosterImport.Status.PREVIEWED, ambiguous=0, errors=0, **fields):
    history = RosterImport.objects.create(
        offering=offering, file=f"rosters/{name}", original_name=name, status=status, **fields
    )
    statuses = [RosterImportRow.Status.AMBIGUOUS] * ambiguous + [RosterImportRow.Status.ERROR] * errors
    for row, row_status in enumerate([*statuses, RosterImportRow.Status.NEW], start=2):
        RosterImportRow.objects.create(roster_import=history, row=row, status=row_status, full_name=f"Người {row}")
    return history


def ended_conference(unit, code, people_present, by, ended_days_ago=10, absent=0):
    """A conference that ended `ended_days_ago` days ago: `people_present` came (eligible for a certificate
    of attendance), `absent` did not."""
    day = timezone.localdate() - timedelta(days=ended_days_ago)
    offering, (session,) = offering_with_sessions(unit, code, f"Hội nghị {code}", [day], kind=Offering.Kind.CONFERENCE)
    marks = {}
    for n in range(people_present + absent):
        enrollment = Enrollment.objects.create(offering=offering, participant=ParticipantFactory())
        marks[enrollment.pk] = Mark("present" if n < people_present else "absent")
    attendance_save(session=session, marks=marks, by=by)
    return offering


@pytest.fixture
def world(units, people):
    """In unit A and unit B: sessions today, on another day of this week and next week; rosters waiting;
    a conference that ended with certificates to issue. The trainer teaches a class in unit B."""
    today = timezone.localdate()
    other = other_day_this_week(today)
    a, _sessions = offering_with_sessions(units["A"], "HN-BT-01", "Lớp Bát Tràng", [today, other, today + timedelta(7)])
    b, _sessions = offering_with_sessions(units["B"], "HN-HH-01", "Lớp Hồng Hà", [today])
    taught, _sessions = offering_with_sessions(units["B"], "HN-HH-02", "Lớp giảng viên dạy", [other])
    taught.trainers.add(people["trainer"])
    cancelled, _sessions = offering_with_sessions(
        units["A"], "HN-BT-09", "Lớp đã hủy", [today], status=Offering.Status.CANCELLED
    )
    for _n in range(3):
        Enrollment.objects.create(offering=a, participant=ParticipantFactory())
    rosters = {
        "A": roster(a, "danh-sach-bat-trang.xlsx", ambiguous=2),
        "B": roster(b, "danh-sach-hong-ha.xlsx", errors=1),
    }
    # Replaced: the same file, corrected and uploaded again, has been imported since.
    stale = roster(a, "danh-sach-bo-sung.xlsx", errors=4)
    RosterImport.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=2))
    roster(a, "danh-sach-bo-sung.xlsx", status=RosterImport.Status.IMPORTED)
    # Not replaced: a file that could not be read does not replace the one checked before it.
    kept = roster(a, "hoi-vien-htx.xlsx")
    RosterImport.objects.filter(pk=kept.pk).update(created_at=timezone.now() - timedelta(days=1))
    roster(a, "hoi-vien-htx.xlsx", status=RosterImport.Status.REJECTED)
    roster(a, "dang-doc.xlsx", status=RosterImport.Status.CHECKING)
    conferences = {
        "A": ended_conference(units["A"], "HN-BT-HN", 2, people["organizer_a"], absent=1),
        "B": ended_conference(units["B"], "HN-HH-HN", 1, people["organizer_b"]),
    }
    return {"a": a, "b": b, "taught": taught, "rosters": rosters, "conferences": conferences, "stale": stale}


def home(client, user):
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return text(response)


def test_an_organizer_sees_their_units_sessions_rosters_and_certificates_and_nothing_of_another_unit(
    client, world, people
):
    page = home(client, people["organizer_a"])
    today_session = world["a"].sessions.get(date=timezone.localdate())
    assert "Buổi học hôm nay và trong tuần" in page
    assert f'href="{reverse("attendance:sheet", args=[today_session.pk])}"' in page
    assert "Lớp Bát Tràng – buổi 1" in page and "Lớp Bát Tràng – buổi 2" in page
    assert "Lớp Bát Tràng – buổi 3" not in page  # next week
    assert "0/3 đã điểm danh" in page
    assert "Lớp đã hủy" not in page
    # Rosters waiting for a decision, with what is left to decide, linking to their preview.
    assert f'href="{reverse("enrollment:roster_preview", args=[world["rosters"]["A"].pk])}"' in page
    assert "danh-sach-bat-trang.xlsx" in page and "2 dòng cần xác định" in page
    assert page.count("hoi-vien-htx.xlsx") == 1 and "Sẵn sàng nhập" in page
    assert "danh-sach-bo-sung.xlsx" not in page and "dang-doc.xlsx" not in page
    # Certificates to issue: the eligible two, not the one who stayed away.
    assert f'href="{reverse("certificates:offering", args=[world["conferences"]["A"].pk])}"' in page
    assert "2 giấy chứng nhận cần cấp" in page
    assert f'href="{reverse("dashboard:index")}"' in page
    # Nothing of unit B.
    for other in ("Lớp Hồng Hà", "HN-HH-", "danh-sach-hong-ha.xlsx", "Lớp giảng viên dạy"):
        assert other not in page, other
    # Neither Wagtail's counts nor a lessons panel (organizers write no lessons).
    assert "w-summary" not in page and "Bài giảng" not in page


def test_the_organizer_of_the_other_unit_sees_only_theirs(client, world, people):
    page = home(client, people["organizer_b"])
    assert "Lớp Hồng Hà" in page and "danh-sach-hong-ha.xlsx" in page and "1 dòng có lỗi" in page
    assert "HN-HH-HN" in page and "1 giấy chứng nhận cần cấp" in page
    for other in ("Bát Tràng", "HN-BT-", "danh-sach-bat-trang.xlsx"):
        assert other not in page, other


def test_an_administrator_sees_every_unit(client, world, people):
    page = home(client, people["administrator"])
    seen = ["Lớp Bát Tràng – buổi 1", "Lớp Hồng Hà", "Lớp giảng viên dạy", "danh-sach-bat-trang.xlsx",
            "danh-sach-hong-ha.xlsx", "HN-BT-HN", "HN-HH-HN", "Không có bài giảng nào chờ bạn duyệt."]  # fmt: skip
    for text_seen in seen:
        assert text_seen in page, text_seen
    assert "Bảng số liệu chương trình" in page and "w-summary" not in page


def test_a_trainer_sees_only_the_sessions_they_teach_and_no_organizers_panel(client, world, people):
    page = home(client, people["trainer"])
    assert "Lớp giảng viên dạy" in page
    assert f'href="{reverse("attendance:sheet", args=[world["taught"].sessions.get().pk])}"' in page
    assert "Hôm nay không có buổi học nào." in page  # the class they teach meets on another day
    for other in ("Lớp Bát Tràng", "Lớp Hồng Hà –", "danh-sach", "giấy chứng nhận", "Bảng số liệu chương trình"):
        assert other not in page, other


def test_every_link_a_panel_gives_opens_for_its_user(client, world, people):
    for who in ("organizer_a", "organizer_b", "trainer", "administrator"):
        page = home(client, people[who])
        links = set(re.findall(r'href="(/admin/(?:attendance/sessions|rosters|certificates/offerings)/\d+/)"', page))
        assert links, who
        for link in links:
            assert client.get(link).status_code == 200, (who, link)


def test_a_learner_is_sent_away_from_the_admin(client, world, people):
    client.force_login(people["learner"])
    assert client.get(HOME).status_code == 302


def test_empty_panels_say_so(client, units, people):
    page = home(client, people["organizer_a"])
    assert "Không có buổi học nào hôm nay và trong tuần này." in page
    assert "Không có danh sách nào đang chờ bạn quyết định." in page
    assert "Không có giấy chứng nhận nào chờ cấp cho các lớp kết thúc trong 90 ngày qua." in page


def test_today_empty_but_the_week_not(client, units, people):
    offering_with_sessions(units["A"], "HN-BT-05", "Lớp cuối tuần", [other_day_this_week(timezone.localdate())])
    page = home(client, people["organizer_a"])
    assert "Hôm nay không có buổi học nào." in page and "Lớp cuối tuần – buổi 1" in page


def test_certificates_issued_or_long_ago_ask_nothing(client, units, people):
    issued = ended_conference(units["A"], "HN-BT-CAP", 1, people["organizer_a"])
    enrollment = issued.enrollments.get()
    Certificate.objects.create(
        enrollment=enrollment, serial="HN-1", code="C1", full_name="X", title="GIẤY CHỨNG NHẬN", kind="attendance",
        course_title="Hội nghị", offering_code=issued.code, starts_on=issued.starts_on, ends_on=issued.ends_on,
        issuer="VP", place="Hà Nội",
    )  # fmt: skip
    ended_conference(units["A"], "HN-BT-XUA", 1, people["organizer_a"], ended_days_ago=120)
    page = home(client, people["organizer_a"])
    assert "HN-BT-CAP" not in page and "HN-BT-XUA" not in page
    assert "Không có giấy chứng nhận nào chờ cấp" in page


def test_long_lists_are_cut_with_how_many_more(client, units, people):
    today = timezone.localdate()
    for n in range(15):
        offering_with_sessions(units["A"], f"HN-BT-{n:02d}", f"Lớp số {n}", [today])
    page = home(client, people["organizer_a"])
    assert page.count('class="home-item"') == 12
    assert "và 3 buổi khác hôm nay" in page


@pytest.fixture
def lessons(people):
    review_workflow_ensure()
    course = CourseFactory(title="Kỹ năng bán hàng cho hợp tác xã")
    course.trainers.set([people["trainer"]])
    course_services.course_trainers_sync(course=course)
    submitted = []
    for title in ("Ghi nhãn sản phẩm", "Đóng gói sản phẩm"):
        lesson = LessonFactory(parent=course, title=title, live=False)
        lesson.save_revision(user=people["trainer"])
        lesson.get_workflow().start(lesson, people["trainer"])
        submitted.append(lesson)
    return course, submitted


def test_lessons_in_review_for_the_reviewer_and_for_the_trainer(client, people, lessons):
    course, (labels, packaging) = lessons
    page = home(client, people["administrator"])
    assert "Bài giảng chờ bạn duyệt" in page
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[labels.pk])}"' in page
    assert "Ghi nhãn sản phẩm" in page and course.title in page
    assert "Phê duyệt kèm bình luận" in page and "workflow-action.js" in page
    # Wagtail's own review panels are replaced, not shown beside ours.
    assert 'id="awaiting-review' not in page and 'id="objects-in-workflow' not in page

    state = packaging.current_workflow_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[packaging.pk, "reject", state.current_task_state.pk]),
        {"comment": "Bổ sung ảnh bao bì."},
    )
    page = home(client, people["trainer"])
    assert "Bài giảng của bạn đang chờ duyệt" in page
    assert "Ghi nhãn sản phẩm" in page and "Chờ duyệt" in page
    assert "Cần sửa" in page and "Bổ sung ảnh bao bì." in page
    assert "Phê duyệt" not in page
    assert "Bài giảng" not in home(client, people["organizer_a"])


def test_a_trainer_with_nothing_in_review_is_told_so(client, people, lessons):
    other = UserFactory(role=Role.TRAINER)
    course, _lessons = lessons
    course.trainers.add(other)
    course_services.course_trainers_sync(course=course)
    assert "Bạn không có bài giảng nào đang chờ duyệt." in home(client, other)


@pytest.mark.parametrize("who", ["organizer_a", "administrator", "trainer"])
def test_the_home_runs_a_fixed_number_of_queries_however_much_there_is(
    client, units, people, who, django_assert_max_num_queries
):
    client.force_login(people[who])
    client.get(HOME)  # Wagtail caches the site's root paths on first use
    today = timezone.localdate()
    review_workflow_ensure()
    course = CourseFactory()
    course.trainers.set([people["trainer"]])
    course_services.course_trainers_sync(course=course)

    def grow(n):
        for i in range(n):
            lesson = LessonFactory(parent=course, title=f"Bài {n}-{i}", live=False)
            lesson.save_revision(user=people["trainer"])
            lesson.get_workflow().start(lesson, people["trainer"])
            offering, _sessions = offering_with_sessions(
                units["A"], f"HN-{n}-{i}", f"Lớp {n}-{i}", [today, other_day_this_week(today)]
            )
            offering.trainers.add(people["trainer"])
            Enrollment.objects.create(offering=offering, participant=ParticipantFactory())
            roster(offering, f"ds-{n}-{i}.xlsx", ambiguous=1)
            ended_conference(units["A"], f"HN-{n}-{i}-HN", 2, people["administrator"])

    grow(1)
    with django_assert_max_num_queries(40) as one:
        client.get(HOME)
    grow(6)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = text(client.get(HOME))
    assert "Lớp 6-5" in page
    assert ("Bài 6-5" in page) is (who != "organizer_a")
