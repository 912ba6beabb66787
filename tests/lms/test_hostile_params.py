"""Hostile values in query parameters, URL parts and forms, on the site and in the admin.

Each request is made as someone allowed to see the page (an organizer of the class's unit, an
administrator, a learner, or nobody for public pages) and must be answered with the page (the bad
value ignored, clamped or reported on the form) or a 400/403/404: never a 500. Huge numbers,
negative and non-numeric pages, impossible dates, unknown codes, 10,000-character searches, NUL
bytes and characters from outside the Basic Multilingual Plane.
"""

from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance.factories import SessionFactory
from courses.factories import CourseFactory, LessonFactory
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering, RosterImport
from tests.corpus import SCRIPT, vi

HUGE = "9" * 20  # above the largest 64-bit integer
LONG = "Đ" * 10_000
NUL = "%00"
FTS = quote('"OCOP* AND NEAR( OR -^:')  # what full-text search engines read as syntax
ODD = quote("Đào🙂\u200b\u0301")  # a emoji (outside the BMP), a zero-width space, a lone combining mark


@dataclass(frozen=True)
class Case:
    url: str  # with {offering}, {session}, {participant}, {roster}, {course} filled in from the world
    role: str | None  # "administrator", "organizer", "trainer", "learner" or None (anonymous)
    status: int
    method: str = "get"
    data: dict = field(default_factory=dict, hash=False)


# The views, by where they are: lms/urls.py (site), the app viewsets and wagtail_hooks (admin).
SITE = [
    Case(f"/?q={LONG}&p={HUGE}", None, 200),
    Case(f"/khoa-hoc/?q={LONG}", None, 200),
    Case(f"/khoa-hoc/?q={NUL}", None, 200),
    Case(f"/khoa-hoc/?q={quote(SCRIPT)}", None, 200),
    Case(f"/khoa-hoc/?q={ODD}", None, 200),
    Case(f"/khoa-hoc/?q={FTS}", None, 200),
    Case("/khoa-hoc/khong-co-trang-nay/", None, 404),
    Case("/lop/KHONG-CO/", None, 404),
    Case(f"/lop/{'A' * 5000}/", None, 404),
    Case(f"/lop/{NUL}/", None, 404),
    Case(f"/lop/{ODD}/", None, 404),
    Case(f"/lop/HN-2026-SX-09/?p=-1&page={NUL}", None, 200),
    Case(f"/lop/{NUL}/dang-ky/", "learner", 404, "post"),
    Case("/lop/KHONG-CO/huy/", "learner", 404, "post"),
    Case("/xac-minh/garbage/", None, 404),
    Case(f"/xac-minh/{'X' * 10_000}/", None, 404),
    Case(f"/xac-minh/{NUL}/", None, 404),
    Case(f"/xac-minh/{ODD}/?format=json", None, 404),
    Case(f"/xac-minh/{NUL}/open-badge.json", None, 404),
    Case(f"/xac-minh/?code={'x' * 1000}", None, 200),
    Case(f"/xac-minh/?code={NUL}", None, 200),
    Case("/diem-danh/{session}/SAI-MA/", None, 403),
    Case("/diem-danh/{session}/" + "x" * 10_000 + "/", None, 403),
    Case("/diem-danh/{session}/" + NUL + "/", None, 403),
    Case(f"/diem-danh/{HUGE}/abc/", None, 404),
    Case("/diem-danh/", None, 200, "post", {"code": "\x00" * 5}),
    Case("/diem-danh/", None, 200, "post", {"code": "x" * 10_000}),
    Case("/giay-chung-nhan/1.exe", "learner", 404),
    Case(f"/giay-chung-nhan/{HUGE}.pdf", "learner", 404),
    Case(f"/giay-chung-nhan/1.pdf{NUL}", "learner", 404),
    Case(f"/lop-cua-toi/?p=-1&q={NUL}", "learner", 200),
    # What the outside probe sent (issue 16), each answered instead of a 500.
    Case("/xac-minh/?code=a/b", None, 200),
    Case(f"/xac-minh/?code={quote('../../admin')}", None, 200),
    Case(f"/xac-minh/{'Z' * 20}/open-badge.json", None, 404),
    Case("/diem-danh/", "learner", 200, "post", {"code": "²²²²²²"}),
    Case(f"/admin/participants/history-results/{{participant}}/?user={HUGE}", "organizer", 200),
    # A lesson's quiz buttons, sent with no attempt under way and junk (lms.params reads the answers).
    *(
        Case("{lesson}", "learner", 302, "post", {"action": action, "q-x": HUGE, "confirm": NUL})
        for action in ("quiz", "quiz_confirm", "save", "start", "junk")
    ),
    Case("{lesson}", "learner", 200),
    # A class's survey: only its own learners reach it; any other code or sender is a 404.
    Case(f"/lop/{NUL}/khao-sat/", "learner", 404),
    Case(f"/lop/{'A' * 5000}/khao-sat/", "learner", 404),
    Case(f"/lop/{ODD}/khao-sat/", "learner", 404),
    Case("/lop/HN-2026-SX-09/khao-sat/", "learner", 404, "post", {"q-1": "²", f"q-{HUGE}": NUL}),
]
DASHBOARD = "/admin/dashboard/"
SURVEY_HUB = "/admin/feedback/offerings/{offering}/"
ADMIN = [
    Case(f"{DASHBOARD}?unit=987654&track=junk&year=-5", "administrator", 400),
    Case(f"{DASHBOARD}?year=99999", "administrator", 400),
    Case(f"{DASHBOARD}?year={HUGE}", "organizer", 400),
    Case(f"{DASHBOARD}?year={NUL}", "organizer", 400),
    Case(f"{DASHBOARD}?date_from=2024-13-45&date_to=2024-01-01", "administrator", 400),
    Case(f"{DASHBOARD}?date_from=2024-01-01&date_to=0001-01-01", "administrator", 400),
    Case(f"{DASHBOARD}?date_from=9999-12-31&date_to=9999-12-31", "administrator", 200),
    Case(f"{DASHBOARD}?unit=abc&kind={quote(SCRIPT)}", "administrator", 400),
    Case(f"{DASHBOARD}?unit={HUGE}", "administrator", 400),
    Case(f"{DASHBOARD}?unit=1{NUL}", "administrator", 400),
    Case(f"{DASHBOARD}?current_units={LONG}&year=2024", "administrator", 200),
    Case(f"{DASHBOARD}unknown.xlsx", "administrator", 404),
    Case(f"{DASHBOARD}{'x' * 2000}.xlsx", "administrator", 404),
    Case(f"{DASHBOARD}offerings.xlsx?year=-5", "administrator", 400),
    Case(f"{DASHBOARD}offerings.xlsx?unit={HUGE}", "organizer", 400),
    # Wagtail's listings of our models: pages, searches, filters, orderings
    Case(f"/admin/offerings/?p={HUGE}", "organizer", 200),
    Case("/admin/offerings/?p=-1", "organizer", 200),
    Case("/admin/offerings/?p=abc&ordering=junk", "organizer", 200),
    Case(f"/admin/offerings/?q={LONG}", "organizer", 200),
    Case(f"/admin/offerings/?q={NUL}&kind=junk&status={NUL}&track={ODD}", "organizer", 200),
    Case(f"/admin/offerings/?ordering=-{NUL}", "administrator", 200),
    Case(f"/admin/enrollments/?offering=abc&status=junk&p={HUGE}", "organizer", 200),
    Case(f"/admin/enrollments/?offering={HUGE}", "organizer", 200),
    Case(f"/admin/enrollments/?offering=1{NUL}", "organizer", 200),
    Case(f"/admin/participants/?q={LONG}", "organizer", 200),
    Case(f"/admin/participants/?q={'0' * 10_000}", "organizer", 200),
    Case(f"/admin/participants/?q=@{NUL}&unit_name={NUL}&category=junk&organization__kind={ODD}", "organizer", 200),
    Case(f"/admin/organizations/?q={ODD}&kind={HUGE}", "organizer", 200),
    Case(f"/admin/ocop_products/?stars=-1&year={HUGE}", "organizer", 200),
    Case(f"/admin/units/?scheme=junk&level={NUL}&p=-5", "organizer", 200),
    Case(f"/admin/targets/?year=abc&track={NUL}", "administrator", 200),
    Case(f"/admin/course_access/?course=abc&q={LONG}", "administrator", 200),
    Case(f"/admin/course_access/?course={HUGE}", "administrator", 200),
    Case(f"/admin/pages/search/?q={FTS}&p=-1", "administrator", 200),
    Case(f"/admin/pages/search/?q={NUL}", "administrator", 200),
    Case(f"/admin/pages/?ordering={NUL}&p={HUGE}", "administrator", 200),
    Case(f"/admin/sessions/?offering={HUGE}", "organizer", 200),
    Case("/admin/sessions/new/?offering=abc", "organizer", 200),
    Case(f"/admin/sessions/new/?offering={HUGE}", "organizer", 200),
    Case(f"/admin/sessions/new/?offering=1{NUL}", "organizer", 200),
    Case("/admin/participants/{participant}/merge/?duplicate=abc", "organizer", 200),
    Case(f"/admin/participants/{{participant}}/merge/?duplicate={HUGE}", "organizer", 200),
    Case("/admin/rosters/{roster}/?p=-1&status=junk", "organizer", 200),
    Case(f"/admin/rosters/{{roster}}/?p={HUGE}&status={NUL}", "organizer", 200),
    Case("/admin/attendance/offerings/{offering}/sign-in/?session=abc", "organizer", 200),
    Case(f"/admin/attendance/offerings/{{offering}}/sign-in.xlsx?session={HUGE}", "organizer", 200),
    Case(f"/admin/attendance/offerings/{HUGE}/", "organizer", 404),
    Case(f"/admin/attendance/sessions/{HUGE}/", "organizer", 404),
    Case("/admin/offerings/{offering}/export.exe", "organizer", 404),
    Case(f"/admin/participants-export.{NUL}", "organizer", 404),
    # Object pages with an id that is not one
    Case(f"/admin/offerings/edit/{HUGE}/", "organizer", 404),
    Case("/admin/offerings/edit/abc/", "organizer", 404),
    Case("/admin/offerings/edit/-1/", "organizer", 404),
    Case(f"/admin/offerings/edit/1{NUL}/", "organizer", 404),
    Case("/admin/participants/inspect/abc/", "organizer", 404),
    Case(f"/admin/participants/edit/{HUGE}/", "organizer", 404),
    Case(f"/admin/snippets/certificates/certificatetemplate/edit/{HUGE}/", "administrator", 404),
    Case("/admin/snippets/certificates/certificatetemplate/edit/abc/", "administrator", 404),
    Case(f"/admin/pages/{HUGE}/", "administrator", 404),
    Case(f"/admin/images/{HUGE}/", "administrator", 404),
    Case(f"/admin/images/?p=-1&q={LONG}", "administrator", 200),
    Case(f"/admin/documents/?q={NUL}&collection_id=abc", "administrator", 200),
    Case(f"/admin/documents/edit/{HUGE}/", "administrator", 404),
    # Forms posted with hostile values: the form comes back with its messages
    Case(
        "/admin/sessions/new/",
        "organizer",
        200,
        "post",
        {
            "offering": "{offering}",
            "title": SCRIPT,
            "date": "2024-13-45",
            "starts_at": "25:61",
            "ends_at": NUL,
            "late_after_minutes": HUGE,
        },
    ),  # fmt: skip
    Case(
        "/admin/offerings/new/",
        "organizer",
        200,
        "post",
        {
            "code": "\x00",
            "kind": "junk",
            "title": LONG,
            "course": "abc",
            "unit": HUGE,
            "starts_on": "2024-02-30",
            "ends_on": "-1",
            "capacity": HUGE,
            "status": "junk",
        },
    ),  # fmt: skip
    Case(
        "/admin/offerings/new/",
        "organizer",
        200,
        "post",
        {
            "code": "HN-2026-SX-77",
            "kind": "class",
            "title": "Lớp",
            "course": HUGE,
            "unit": "1.5",
            "starts_on": "2026-01-01",
            "ends_on": "2026-01-02",
            "capacity": "-5",
            "status": "draft",
        },
    ),  # fmt: skip
    Case(
        "/admin/participants/new/",
        "organizer",
        200,
        "post",
        {
            "full_name": "\x00",
            "birth_date": "31/02/1985",
            "birth_year": HUGE,
            "phone": LONG,
            "email": "a@@b",
            "national_id": "12AB",
            "unit": "abc",
            "organization": HUGE,
        },
    ),  # fmt: skip
    Case("/admin/course_access/new/", "administrator", 200, "post", {"user": HUGE, "course": HUGE}),
    Case("/admin/course_access/new/", "administrator", 200, "post", {"user": "abc", "course": "1\x00"}),
    Case(
        "/admin/attendance/offerings/{offering}/", "organizer", 200, "post", {"first_day": "0000-00-00", "days": HUGE}
    ),  # fmt: skip
    Case(
        "/admin/attendance/offerings/{offering}/", "organizer", 200, "post", {"first_day": "2026-01-01", "days": "-3"}
    ),  # fmt: skip
    Case("/admin/attendance/offerings/{offering}/", "organizer", 200, "post", {"first_day": "31/12/9999", "days": "3"}),
    Case(
        "/admin/certificates/offerings/{offering}/", "organizer", 404, "post", {"action": "issue", "enrollment": "abc"}
    ),
    Case(
        "/admin/certificates/offerings/{offering}/", "organizer", 404, "post", {"action": "revoke", "certificate": "²"}
    ),
    Case("/admin/rosters/{roster}/", "organizer", 302, "post", {"row-6": "²"}),
    Case("/admin/offerings/new/", "organizer", 200, "post", {"code": "HN/2026/X", "organizers": HUGE, "trainers": "²"}),
    Case(
        "/admin/attendance/sessions/{session}/",
        "organizer",
        302,
        "post",
        {
            f"status-{HUGE}": "present",
            "status-abc": "present",
            "status-¹": "present",
            f"note-{HUGE}": LONG,
            "status-{enrollment}": SCRIPT,
        },
    ),  # fmt: skip
    # Quizzes: item analysis, question banks (and the lesson page's quiz buttons, under SITE)
    Case(f"/admin/bai-kiem-tra/{HUGE}/phan-tich/", "administrator", 404),
    Case("/admin/bai-kiem-tra/abc/phan-tich.xlsx", "administrator", 404),
    Case(f"/admin/bai-kiem-tra/1{NUL}/phan-tich/", "administrator", 404),
    Case("/admin/bai-kiem-tra/{lesson_id}/phan-tich/?p=-1", "administrator", 200),
    Case(f"/admin/snippets/courses/questionbank/?p={HUGE}&q={LONG}&ordering={NUL}", "administrator", 200),
    Case(f"/admin/snippets/courses/questionbank/edit/{HUGE}/", "administrator", 404),
    Case(f"/admin/snippets/choose/courses/questionbank/chosen/{HUGE}/", "administrator", 404),
    Case("/admin/snippets/choose/courses/questionbank/chosen/abc/", "administrator", 404),
    Case(f"/admin/snippets/choose/courses/questionbank/chosen-multiple/?id={HUGE}&id=abc", "administrator", 200),
    *(
        Case("/admin/snippets/courses/questionbank/add/", "administrator", 200, "post", data)
        for data in (
            {"title": LONG, "course": HUGE, "questions-count": "0"},
            {"title": "\x00", "course": "²", "questions-count": "0"},
        )
    ),
    Case(f"{DASHBOARD}?date_from={'1' * 5000}&date_to=2024-01-01", "administrator", 400),
    # The imports of plain lists (lms/dataimport): a token the session does not hold is answered with the
    # upload form; the certificate register reads its year strictly.
    *(Case(f"/admin/offerings/import-plan/?preview={value}", "organizer", 302) for value in (HUGE, NUL, ODD, LONG)),
    Case("/admin/offerings/import-plan/", "organizer", 302, "post", {"token": LONG}),
    Case("/admin/ocop_products/import/", "organizer", 200, "post", {"file": SCRIPT}),
    Case("/admin/organizations/import/?status=" + HUGE, "organizer", 200),
    *(Case(f"/admin/certificates/register/?year={value}", "organizer", 200) for value in (HUGE, "-1", NUL, ODD)),
    Case(f"/admin/certificates/register.xlsx?year={HUGE}", "administrator", 200),
    # Surveys: the survey chosen, paper forms typed in (ids of other offerings' people refused), years read strictly.
    *(Case(SURVEY_HUB, "organizer", 400, "post", {"survey": value}) for value in (HUGE, NUL, "²", "-1", SCRIPT)),
    Case(f"{SURVEY_HUB}paper/", "organizer", 400, "post", {"q-1": "²", "handed_in_by": HUGE}),
    Case(f"{SURVEY_HUB}paper/", "organizer", 400, "post", {"handed_in_by": "{enrollment}", f"q-{HUGE}": "5"}),
    Case(f"{SURVEY_HUB}paper/", "organizer", 400, "post", {"handed_in_by": "1.5", "q-abc": NUL}),
    Case(f"/admin/feedback/offerings/{HUGE}/results/", "organizer", 404),
    Case(f"/admin/feedback/offerings/{HUGE}/results.xlsx", "administrator", 404),
    Case(f"/admin/feedback/trainers/{HUGE}/", "administrator", 404),
    Case(f"/admin/feedback/trainers/{HUGE}/", "trainer", 404),
    *(Case(f"/admin/feedback/results/?year={value}", "organizer", 200) for value in (HUGE, "-1", NUL, ODD)),
    Case(f"/admin/feedback/results.xlsx?year={HUGE}", "administrator", 200),
    Case(f"/admin/snippets/feedback/surveytemplate/edit/{HUGE}/", "administrator", 404),
]
CASES = SITE + ADMIN


def _id(case):
    text = f"{case.method} {case.url}"
    return (text[:90] + "…") if len(text) > 90 else text


@pytest.fixture
def world(db):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    users = {
        "administrator": UserFactory(role=Role.ADMINISTRATOR),
        "organizer": UserFactory(role=Role.ORGANIZER, unit=unit),
        "trainer": UserFactory(role=Role.TRAINER),
        "learner": UserFactory(role=Role.LEARNER),
    }
    course = CourseFactory()
    lesson = LessonFactory(parent=course, with_quiz=True)
    offering = OfferingFactory(unit=unit, code="HN-2026-SX-09", course=course, status=Offering.Status.OPEN)
    session = SessionFactory(offering=offering, date=timezone.localdate())
    person = ParticipantFactory(unit=unit, full_name="Nguyễn Thị Hồng Đào")
    enrollment = Enrollment.objects.create(offering=offering, participant=person)
    roster = RosterImport.objects.create(offering=offering, file="rosters/ds.xlsx", original_name="ds.xlsx",
                                         status=RosterImport.Status.PREVIEWED)  # fmt: skip
    ids = {"offering": offering.pk, "session": session.pk, "participant": person.pk, "roster": roster.pk,
           "course": course.pk, "enrollment": enrollment.pk, "lesson": lesson.url, "lesson_id": lesson.pk}  # fmt: skip
    return users, ids


def _fill(value, ids):
    return value.format(**ids) if isinstance(value, str) else value


@pytest.mark.parametrize("case", CASES, ids=[_id(case) for case in CASES])
def test_hostile_values_never_give_a_500(case, world, client):
    users, ids = world
    if case.role:
        client.force_login(users[case.role])
    url = case.url.format(**ids)
    if case.method == "post":
        response = client.post(url, {key: _fill(value, ids) for key, value in case.data.items()})
    else:
        response = client.get(url)
    assert response.status_code == case.status, response.content[:300]
    if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
        page = response.content.decode()
        assert SCRIPT not in page  # whatever was sent comes back escaped


def test_what_people_read_about_the_values_they_sent(world, client):
    users, ids = world
    client.force_login(users["administrator"])
    page = client.get(f"{DASHBOARD}?year=-5").content.decode()
    assert "Đảm bảo giá trị này lớn hơn hoặc bằng với 2000" in page
    assert (
        "Nhập một ngày hợp lệ." in client.get(f"{DASHBOARD}?date_from=2024-13-45&date_to=2024-01-01").content.decode()
    )
    client.force_login(users["organizer"])
    sheet = reverse("attendance:sheet", args=[ids["session"]])
    page = client.post(sheet, {f"status-{ids['enrollment']}": SCRIPT, f"status-{HUGE}": "present"}, follow=True)
    assert "Trạng thái điểm danh không hợp lệ." in page.content.decode()
    assert not page.context["rows"][0][1]  # nothing recorded
    client.logout()
    assert "Giá trị này chỉ có tối đa 40 kí tự" in client.get(f"/xac-minh/?code={'x' * 1000}").content.decode()
    page = client.post(reverse("checkin_code"), {"code": "\x00" * 5}).content.decode()
    assert vi("Null characters are not allowed.") in page  # Django's words: to be translated in locale_vendor/
